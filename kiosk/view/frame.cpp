#include "view/frame.h"

#include "layout/metrics.h"

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

Rect progress_track(Size screen) {
    const ScreenMetrics m(screen);
    const int w = std::max(40, m.unit / 6);
    const int h = std::max(3, m.unit / 160);
    const int y = screen.h - m.footer_h() / 2 - h / 2;
    return {screen.w - m.margin_x() - w, y, w, h};
}

int progress_steps(Size screen, double slide_s) {
    const int per_half_second = static_cast<int>(slide_s * 2);
    return std::clamp(per_half_second, 1, std::max(1, progress_track(screen).w / 2));
}

int progress_step(double elapsed_fraction, Size screen, double slide_s) {
    const int steps = progress_steps(screen, slide_s);
    return std::clamp(static_cast<int>(elapsed_fraction * steps), 0, steps);
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
    const Size screen = canvas.size();
    const ScreenMetrics m(screen);
    const Rect track = progress_track(screen);
    const int px = m.footer_px();
    SceneText counter;
    counter.text = fill_template(deck.ui.slide_counter, {{"n", std::to_string(state.slide + 1)},
                                                         {"total", std::to_string(state.count)}});
    counter.px = px;
    counter.w = measure.text_width(counter.text, FontStyle::Regular, px);
    counter.h = measure.line_height(px);
    counter.x = track.x - px - counter.w;
    counter.y = track.y + track.h / 2 - counter.h / 2;
    if (counter.x >= screen.w / 2)
        canvas.draw_text(counter, deck.theme.muted, 0, 0,
                         255); // a long template is left out, never drawn off screen
    if (state.hint) draw_hint(canvas, deck.theme, *state.hint, state);
    canvas.fill_rect(track, deck.theme.surface);
    // The bar empties as the slide's time runs out.
    const int steps = progress_steps(screen, state.slide_s);
    const int left = steps - progress_step(state.elapsed_fraction, screen, state.slide_s);
    canvas.fill_rect({track.x, track.y, track.w * left / steps, track.h}, deck.theme.accent);
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
