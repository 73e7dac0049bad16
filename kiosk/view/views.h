#pragma once
// Drawing of the browsing views (chrome, overview, reading, status) from their layouts.
#include "content/deck.h"
#include "layout/panels.h"
#include "view/canvas.h"

#include <cstdint>

namespace kiosk {

void draw_layer(Canvas& canvas, const Layer& layer, const Theme& theme, std::uint8_t alpha);

// A view that covers the slides: an opaque background, faded in with alpha.
void draw_backdrop(Canvas& canvas, const Theme& theme, std::uint8_t alpha);

// A view opens as a dip: over the first half of its change its backdrop covers what was shown,
// over the second half its content fades in on the backdrop; it closes the other way. So no
// frame blends the slide's text with the view's: half the text to blend per frame, and half to
// keep rasterised (at 1080p on the software renderer, what keeps the kiosk in its memory budget).
struct LayerAlpha {
    std::uint8_t backdrop = 0, content = 0;
};
// The two alphas for a view at this opacity (0 closed, 1 open, eased).
LayerAlpha dip_alpha(double opacity);

struct ScrollState {
    double offset = 0;
    double thumb_start = 0, thumb_size = 1;
};

// Fades the viewport's top and bottom edges where the text goes on beyond them.
void draw_edge_fades(Canvas& canvas, Rect viewport, const ScrollState& scroll, Color background,
                     std::uint8_t alpha);

// Only the lines inside the viewport are drawn, so a long text costs what a screenful costs.
void draw_reading(Canvas& canvas, const ReadingLayout& layout, const Theme& theme,
                  const ScrollState& scroll, LayerAlpha alpha);

} // namespace kiosk
