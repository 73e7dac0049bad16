#pragma once
// The attract loop's footer as data: the slide counter ("2 / 30") and the bar of the time left
// on the slide, laid out by pure functions; view/frame.cpp only draws it.
#include "layout/geometry.h"
#include "layout/measure.h"
#include "layout/scene.h"

#include <optional>
#include <string>

namespace kiosk {

// The time-left bar: its track, and how many distinct widths it has over a slide of this length.
// It moves in steps of half a second at most, and the app redraws only when the drawn step would
// change: a slow bar costs two frames a second, not sixty.
Rect progress_track(Size screen);
int progress_steps(Size screen, double slide_s);
int progress_step(double elapsed_fraction, Size screen, double slide_s);

struct Footer {
    std::optional<SceneText> counter; // left out when a long template would reach the middle
    Rect track;                       // the bar's track
    Rect time_left;                   // the part of the track still filled
};

// counter: the slide counter's words, already filled in ("2 / 30").
Footer footer_layout(const std::string& counter, Size screen, double elapsed_fraction,
                     double slide_s, const TextMeasure& measure);

} // namespace kiosk
