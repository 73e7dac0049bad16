#include "view/frame.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

Color ink_color(const Theme& theme, Ink ink) {
    switch (ink) {
    case Ink::Text:
        return theme.text;
    case Ink::Muted:
        return theme.muted;
    case Ink::Accent:
        return theme.accent;
    case Ink::Emphasis:
        return theme.emphasis;
    case Ink::Surface:
        return theme.surface;
    case Ink::Background:
        return theme.background;
    }
    return theme.text;
}

double ease_in_out(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

void draw_scene(Canvas& canvas, const Scene& scene, const Theme& theme, int dx,
                std::uint8_t alpha) {
    const Size size = canvas.size();
    for (const auto& r : scene.rects) {
        if (r.rect.right() + dx < 0 || r.rect.x + dx > size.w) continue;
        Color c = ink_color(theme, r.ink);
        c.a = alpha;
        canvas.fill_rect({r.rect.x + dx, r.rect.y, r.rect.w, r.rect.h}, c);
    }
    for (const auto& image : scene.images)
        if (image.rect.right() + dx >= 0 && image.rect.x + dx <= size.w)
            canvas.draw_image(image, dx, alpha);
    for (const auto& t : scene.texts) {
        if (t.x + t.w + dx < 0 || t.x + dx > size.w) continue; // off screen mid-transition
        canvas.draw_text(t, ink_color(theme, t.ink), dx, 0, alpha);
    }
}

namespace {

// The hint's ring breathes with the time-left bar's half-second steps: it moves without costing
// a single extra frame.
void draw_hint(Canvas& canvas, const Theme& theme, const TouchHint& hint, const FrameState& state) {
    static constexpr std::uint8_t breath[] = {255, 190, 120, 190};
    draw_scene(canvas, hint.pill.scene, theme, 0, 255);
    const int step = progress_step(state.elapsed_fraction, canvas.size(), state.slide_s);
    draw_scene(canvas, hint.ring.scene, theme, 0, breath[step % 4]);
}

// Attract loop only: while browsing, the chrome shows where the visitor is instead.
void draw_footer(Canvas& canvas, const Deck& deck, const FrameState& state,
                 const TextMeasure& measure) {
    if (state.mode != Mode::Attract) return;
    const std::string counter =
        fill_template(deck.ui.slide_counter, {{"n", std::to_string(state.slide + 1)},
                                              {"total", std::to_string(state.count)}});
    const Footer f =
        footer_layout(counter, canvas.size(), state.elapsed_fraction, state.slide_s, measure);
    if (f.counter) canvas.draw_text(*f.counter, ink_color(deck.theme, f.counter->ink), 0, 0, 255);
    if (state.hint) draw_hint(canvas, deck.theme, *state.hint, state);
    canvas.fill_rect(f.track, deck.theme.surface);
    canvas.fill_rect(f.time_left, deck.theme.accent);
}

} // namespace

void draw_frame(Canvas& canvas, const Deck& deck, const SceneFor& scene_for,
                const FrameState& state, const TextMeasure& measure) {
    canvas.clear(deck.theme.background);
    const int w = canvas.size().w;
    const auto& tr = state.transition;
    if (!tr) {
        draw_scene(canvas, scene_for(state.slide), deck.theme, static_cast<int>(state.drag_dx),
                   255);
    } else if (tr->fade) {
        const double e = ease_in_out(tr->progress);
        draw_scene(canvas, scene_for(tr->from), deck.theme, 0,
                   static_cast<std::uint8_t>(255 * (1 - e)));
        draw_scene(canvas, scene_for(tr->to), deck.theme, 0, static_cast<std::uint8_t>(255 * e));
    } else {
        const double e = ease_in_out(tr->progress);
        const int shift = static_cast<int>(std::lround(tr->direction * w * e));
        draw_scene(canvas, scene_for(tr->from), deck.theme, -shift, 255);
        draw_scene(canvas, scene_for(tr->to), deck.theme, tr->direction * w - shift, 255);
    }
    draw_footer(canvas, deck, state, measure);
}

} // namespace kiosk
