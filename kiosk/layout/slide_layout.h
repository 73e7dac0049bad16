#pragma once
#include "content/deck.h"
#include "layout/geometry.h"
#include "layout/measure.h"
#include "layout/scene.h"

namespace kiosk {

// Lays out one slide for a screen: picks the largest common text scale at which every block fits
// the content box (never clipping), and reports when that falls below the readable minimum.
Scene layout_slide(const Deck& deck, const Slide& slide, Size screen, const TextMeasure& measure);

} // namespace kiosk
