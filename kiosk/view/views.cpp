#include "view/views.h"

#include "view/frame.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_layer(Canvas& canvas, const Layer& layer, const Theme& theme, std::uint8_t alpha) {
    draw_scene(canvas, layer.scene, theme, 0, alpha);
}

void draw_backdrop(Canvas& canvas, const Theme& theme, std::uint8_t alpha) {
    Color c = theme.background;
    c.a = alpha;
    canvas.fill_rect({0, 0, canvas.size().w, canvas.size().h}, c);
}

LayerAlpha dip_alpha(double opacity) {
    auto byte = [](double a) {
        return static_cast<std::uint8_t>(std::lround(255 * std::clamp(a, 0.0, 1.0)));
    };
    return {byte(2 * opacity), byte(2 * opacity - 1)};
}

// A text that scrolls fades into the background at an edge with more beyond it: a line the
// viewport cuts then reads as "more this way", not as a clipping mistake, and never touches the
// heading above it. Bands of falling opacity: a gradient the Canvas can draw with fill_rect.
void draw_edge_fades(Canvas& canvas, Rect vp, const ScrollState& scroll, Color background,
                     std::uint8_t alpha) {
    if (scroll.thumb_size >= 1) return; // everything fits: no edge has more beyond it
    const bool more_above = scroll.offset > 0.5;
    const bool more_below = scroll.thumb_start + scroll.thumb_size < 0.999;
    const int fade_h = std::clamp(vp.h / 10, 8, 64);
    constexpr int bands = 8;
    for (int i = 0; i < bands; ++i) {
        const int y0 = fade_h * i / bands, y1 = fade_h * (i + 1) / bands;
        Color c = background;
        c.a = static_cast<std::uint8_t>(alpha * (bands - i) / bands); // opaque at the edge
        if (more_above) canvas.fill_rect({vp.x, vp.y + y0, vp.w, y1 - y0}, c);
        if (more_below) canvas.fill_rect({vp.x, vp.bottom() - y1, vp.w, y1 - y0}, c);
    }
}

namespace {

// The heading and the text, moved up by the scroll offset and cut to the part of the viewport
// left to them.
void draw_scrolled(Canvas& canvas, const ReadingLayout& layout, const Theme& theme, Rect vp,
                   double offset, std::uint8_t alpha) {
    const int dy = layout.viewport.y - static_cast<int>(std::lround(offset));
    canvas.set_clip(vp);
    for (const Scene* scene : {&layout.heading, &layout.body})
        for (const auto& t : scene->texts) {
            if (t.y + t.h + dy < vp.y || t.y + dy > vp.bottom()) continue;
            canvas.draw_text(t, ink_color(theme, t.ink), 0, dy, alpha);
        }
}

void draw_scroll_track(Canvas& canvas, Rect track, const Theme& theme, const ScrollState& scroll,
                       std::uint8_t alpha) {
    Color rail = theme.surface, thumb = theme.accent;
    rail.a = thumb.a = alpha;
    canvas.fill_rect(track, rail);
    const int y = track.y + static_cast<int>(scroll.thumb_start * track.h);
    const int h = std::max(track.w * 2, static_cast<int>(scroll.thumb_size * track.h));
    canvas.fill_rect({track.x, std::min(y, track.bottom() - h), track.w, h}, thumb);
}

} // namespace

void draw_reading(Canvas& canvas, const ReadingLayout& layout, const Theme& theme,
                  const ScrollState& scroll, LayerAlpha layer_alpha) {
    draw_backdrop(canvas, theme, layer_alpha.backdrop);
    const std::uint8_t alpha = layer_alpha.content;
    if (alpha == 0) return;
    draw_layer(canvas, layout.fixed, theme, alpha);
    // Once the full heading has scrolled away, the one-line heading stays, and the text below it.
    const bool compact = scroll.offset > layout.compact_from && layout.compact_bottom > 0;
    Rect vp = layout.viewport;
    if (compact) {
        vp.h = vp.bottom() - layout.compact_bottom;
        vp.y = layout.compact_bottom;
    }
    draw_scrolled(canvas, layout, theme, vp, scroll.offset, alpha);
    draw_edge_fades(canvas, vp, scroll, theme.background, alpha);
    canvas.set_clip(std::nullopt);
    if (compact) draw_layer(canvas, layout.compact, theme, alpha);
    if (scroll.thumb_size < 1) draw_scroll_track(canvas, layout.scroll_track, theme, scroll, alpha);
}

} // namespace kiosk
