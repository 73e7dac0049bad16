#pragma once
// What a frame showed, as a value: two frames with equal keys look the same, so the app redraws
// only when the key it would draw now differs from the last one drawn (or something animates).
#include "nav/browser.h"

namespace kiosk {

struct FrameKey {
    bool dark = false;
    int slide = -1;
    Mode mode = Mode::Attract;
    View view = View::Slides;
    int step = -1;       // the time-left bar's step
    int countdown = -1;  // the seconds shown before the idle return, -1 for none
    int shift_x = 0, shift_y = 0; // the burn-in shift
    bool notice = false;
    bool status = false;
    bool outgoing = false; // the old deck's slide still fading out
    bool menu = false;     // the attract moment's menu
    bool operator==(const FrameKey&) const = default;
};

} // namespace kiosk
