#pragma once
// The slides' part of a frame, as data: the slide (or two, mid-transition, or one dragged by a
// finger), and in the attract loop the footer with the slide counter, the time left on the slide
// and the touch invitation. The footer is laid out here (layout/footer.h), never while drawing.
#include "content/deck.h"
#include "layout/measure.h"
#include "nav/navigator.h"
#include "view/frame.h"

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

void compose_slides(Frame& frame, const Deck& deck, const SceneFor& scene_for,
                    const FrameState& state, Size screen, const TextMeasure& measure);

} // namespace kiosk
