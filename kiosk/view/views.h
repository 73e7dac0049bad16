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

struct ScrollState {
    double offset = 0;
    double thumb_start = 0, thumb_size = 1;
};

// Only the lines inside the viewport are drawn, so a long text costs what a screenful costs.
void draw_reading(Canvas& canvas, const ReadingLayout& layout, const Theme& theme,
                  const ScrollState& scroll, std::uint8_t alpha);

} // namespace kiosk
