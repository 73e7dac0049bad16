#include "view/compose.h"

#include <cmath>

namespace kiosk {
namespace {

void place_slides(Frame& frame, const SceneFor& scene_for, const FrameState& state, int w) {
    const auto& tr = state.transition;
    if (!tr) {
        frame.slides.push_back({&scene_for(state.slide), static_cast<int>(state.drag_dx), 255});
    } else if (tr->fade) {
        // A dip through the background: the old slide fades out, then the new one fades in, so
        // no frame shows text over text (which reads as a smudge from a few metres).
        const double e = ease_in_out(tr->progress);
        const bool out = e < 0.5;
        const auto alpha = static_cast<std::uint8_t>(255 * (out ? 1 - 2 * e : 2 * e - 1));
        frame.slides.push_back({&scene_for(out ? tr->from : tr->to), 0, alpha});
    } else {
        const double e = ease_in_out(tr->progress);
        const int shift = static_cast<int>(std::lround(tr->direction * w * e));
        frame.slides.push_back({&scene_for(tr->from), -shift, 255});
        frame.slides.push_back({&scene_for(tr->to), tr->direction * w - shift, 255});
    }
}

} // namespace

void compose_slides(Frame& frame, const Deck& deck, const SceneFor& scene_for,
                    const FrameState& state, Size screen, const TextMeasure& measure) {
    place_slides(frame, scene_for, state, screen.w);
    // Attract loop only: while browsing, the chrome shows where the visitor is instead.
    if (state.mode != Mode::Attract) return;
    const std::string counter =
        fill_template(deck.ui.slide_counter, {{"n", std::to_string(state.slide + 1)},
                                              {"total", std::to_string(state.count)}});
    frame.footer = footer_layout(counter, screen, state.elapsed_fraction, state.slide_s, measure);
    // The hint's ring breathes with the time-left bar's half-second steps: it moves without
    // costing a single extra frame.
    static constexpr std::uint8_t breath[] = {255, 190, 120, 190};
    frame.hint = state.hint;
    frame.ring_alpha = breath[progress_step(state.elapsed_fraction, screen, state.slide_s) % 4];
}

} // namespace kiosk
