#pragma once
#include "content/deck.h"
#include "layout/geometry.h"
#include "layout/measure.h"
#include "layout/scene.h"

#include <vector>

namespace kiosk {

// One text size for the whole deck, so neighbouring slides look alike: the largest scale of the
// nominal sizes (body 1/16 of the shorter side) at which every slide fits, never below the
// readable minimum (body 1/24). A slide that does not fit even at the minimum does not pull the
// deck down; it shrinks alone, and --check reports it.
double deck_type_scale(const Deck& deck, Size screen, const TextMeasure& measure);

// Lays out one slide for a screen at the deck's type scale (1 for a slide on its own); a slide
// that does not fit at that scale takes the largest smaller one that does (never clipping), and
// reports when that falls below the readable minimum.
Scene layout_slide(const Deck& deck, const Slide& slide, Size screen, const TextMeasure& measure,
                   double type_scale = 1.0);

// Every slide of the deck at its type scale, as the kiosk shows them: for --export and --check.
std::vector<Scene> layout_deck(const Deck& deck, Size screen, const TextMeasure& measure);

} // namespace kiosk
