#pragma once
// Composes one frame from laid-out scenes: the slide (or two, mid-transition), and the footer with
// the slide counter and the time left on the slide (laid out by layout/footer.h).
#include "content/deck.h"
#include "layout/chrome.h"
#include "layout/footer.h"
#include "layout/measure.h"
#include "nav/navigator.h"
#include "view/canvas.h"

#include <functional>
#include <optional>

namespace kiosk {

struct FrameState {
    int slide = 0;
    int count = 1;
    std::optional<Transition> transition;
    Mode mode = Mode::Attract;
    double elapsed_fraction = 0;     // of the current slide's time, attract loop only
    double slide_s = 10;             // the current slide's display time
    const TouchHint* hint = nullptr; // the touch invitation, in the attract loop
    float drag_dx = 0;               // a finger dragging the slide sideways
};

using SceneFor = std::function<const Scene&(int slide)>;

Color ink_color(const Theme& theme, Ink ink);

void draw_scene(Canvas& canvas, const Scene& scene, const Theme& theme, int dx, std::uint8_t alpha);

void draw_frame(Canvas& canvas, const Deck& deck, const SceneFor& scene_for,
                const FrameState& state, const TextMeasure& measure);

// Smooth start and stop for transitions.
double ease_in_out(double t);

} // namespace kiosk
