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

void draw_reading(Canvas& canvas, const ReadingLayout& layout, const Theme& theme,
                  const ScrollState& scroll, LayerAlpha layer_alpha) {
    draw_backdrop(canvas, theme, layer_alpha.backdrop);
    const std::uint8_t alpha = layer_alpha.content;
    if (alpha == 0) return;
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
