#pragma once
// A notice at the top of the screen: what an import did, why content was refused, the errors of
// a deck being edited. Read by an organiser a step or two back, often while the loop runs on:
// a band across the whole width (plainly not part of the slide), its first line bold at label
// size (1/24 of the shorter side), the details below it smaller and wrapped, never more than a
// third of the screen high.
#include "layout/measure.h"
#include "layout/panels.h"

#include <string>
#include <vector>

namespace kiosk {

Layer notice_panel(const std::vector<std::string>& lines, Size screen, const TextMeasure& measure);

} // namespace kiosk
