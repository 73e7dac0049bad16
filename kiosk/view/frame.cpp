#include "view/frame.h"

#include "util/lookup.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

Color ink_color(const Theme& theme, Ink ink) {
    constexpr Table<Ink, Color Theme::*, 6> members{{
        {Ink::Text, &Theme::text},
        {Ink::Muted, &Theme::muted},
        {Ink::Accent, &Theme::accent},
        {Ink::Emphasis, &Theme::emphasis},
        {Ink::Surface, &Theme::surface},
        {Ink::Background, &Theme::background},
    }};
    return theme.*lookup(members, ink, &Theme::text);
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

void draw_footer(Canvas& canvas, const Frame& frame, const Theme& theme) {
    if (!frame.footer) return;
    const Footer& f = *frame.footer;
    if (f.counter) canvas.draw_text(*f.counter, ink_color(theme, f.counter->ink), 0, 0, 255);
    if (frame.hint) {
        draw_scene(canvas, frame.hint->pill.scene, theme, 0, 255);
        draw_scene(canvas, frame.hint->ring.scene, theme, 0, frame.ring_alpha);
    }
    canvas.fill_rect(f.track, theme.surface);
    canvas.fill_rect(f.time_left, theme.accent);
}

void draw_views(Canvas& canvas, const Frame& frame, const Theme& theme) {
    for (const auto& v : frame.views) {
        if (v.alpha.backdrop > 0) draw_backdrop(canvas, theme, v.alpha.backdrop);
        if (v.alpha.content > 0) draw_layer(canvas, *v.layer, theme, v.alpha.content);
    }
    if (const auto& r = frame.reading) draw_reading(canvas, *r->layout, theme, r->scroll, r->alpha);
    for (const Layer* panel : frame.panels)
        draw_layer(canvas, *panel, theme, 255);
}

} // namespace

void draw_frame(Canvas& canvas, const Frame& frame, const Theme& theme) {
    if (frame.dark) {
        canvas.set_offset(0, 0);
        canvas.clear({0, 0, 0, 255});
        return;
    }
    canvas.set_offset(frame.shift_x, frame.shift_y);
    canvas.clear(theme.background);
    for (const auto& s : frame.slides)
        draw_scene(canvas, *s.scene, theme, s.dx, s.alpha);
    draw_footer(canvas, frame, theme);
    if (const auto& o = frame.outgoing) {
        draw_backdrop(canvas, *o->theme, o->alpha);
        draw_scene(canvas, *o->scene, *o->theme, 0, o->alpha);
    }
    draw_views(canvas, frame, theme);
}

} // namespace kiosk
