#include "view/views.h"

#include "view/frame.h"

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

void draw_reading(Canvas& canvas, const ReadingLayout& layout, const Theme& theme,
                  const ScrollState& scroll, std::uint8_t alpha) {
    draw_backdrop(canvas, theme, alpha);
    draw_layer(canvas, layout.fixed, theme, alpha);
    const Rect vp = layout.viewport;
    const int dy = vp.y - static_cast<int>(std::lround(scroll.offset));
    canvas.set_clip(vp);
    for (const auto& t : layout.body.texts) {
        if (t.y + t.h + dy < vp.y || t.y + dy > vp.bottom()) continue;
        canvas.draw_text(t, ink_color(theme, t.ink), 0, dy, alpha);
    }
    canvas.set_clip(std::nullopt);
    if (scroll.thumb_size >= 1) return; // everything fits: no indicator
    const Rect track = layout.scroll_track;
    Color rail = theme.surface, thumb = theme.accent;
    rail.a = thumb.a = alpha;
    canvas.fill_rect(track, rail);
    const int y = track.y + static_cast<int>(scroll.thumb_start * track.h);
    const int h = std::max(track.w * 2, static_cast<int>(scroll.thumb_size * track.h));
    canvas.fill_rect({track.x, std::min(y, track.bottom() - h), track.w, h}, thumb);
}

} // namespace kiosk
