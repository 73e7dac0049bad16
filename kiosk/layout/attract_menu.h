#pragma once
// The findings as a menu for the attract moment: the overview's heading and tiles without its
// "back" button (nothing to go back to in the loop); the tiles stay tappable.
#include "content/deck.h"
#include "layout/measure.h"
#include "layout/panels.h"

namespace kiosk {

Layer attract_menu(const Deck& deck, Size screen, int target_px, const TextMeasure& measure);

} // namespace kiosk
