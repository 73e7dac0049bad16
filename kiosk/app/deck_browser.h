#pragma once
// A Browser set up for a deck: each slide's time, the slide each finding's tile leads to, the
// idle return (the configured one, or the deck's), and each finding's reading time.
#include "content/deck.h"
#include "nav/browser.h"
#include "stats/visit_recorder.h"

#include <optional>
#include <vector>

namespace kiosk {

Browser browser_for(const Deck& deck, std::optional<double> idle_return_s, double now);

// The headline slide of each finding (or, without one, its first slide); -1 for none.
std::vector<int> finding_slides(const Deck& deck);

// What the browser shows of the deck now, for the statistics; `deck_serial` counts switches.
Observed observe(const Deck& deck, const Browser& browser, unsigned deck_serial, double now);

} // namespace kiosk
