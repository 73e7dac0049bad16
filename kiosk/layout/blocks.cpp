#include "layout/blocks.h"

#include <algorithm>
#include <cmath>

namespace kiosk {
namespace {

int scaled(int px, double scale) {
    return std::max(4, static_cast<int>(std::lround(px * scale)));
}

// Markers hang in the left gutter, so wrapped lines align with the first line's text.
int gutter_for(const Block& b, int px) {
    return b.marker == Marker::Bullet || b.marker == Marker::Number ? px * 3 / 2 : 0;
}

void add_marker(Scene& scene, const Block& b, int x, int y, int px, const TextMeasure& m) {
    const int line_h = m.line_height(px);
    if (b.marker == Marker::Bullet) {
        const int s = std::max(3, px / 4);
        scene.rects.push_back({{x + px / 4, y + line_h / 2 - s / 2, s, s}, Ink::Accent});
    } else if (b.marker == Marker::Number) {
        const int w = m.text_width(b.label, FontStyle::Bold, px);
        scene.texts.push_back({b.label, FontStyle::Bold, px, x, y, w, line_h, Ink::Accent});
    }
}

} // namespace

Stacked stack_blocks(const std::vector<Block>& blocks, Rect box, double scale,
                     const TextMeasure& measure, bool allow_word_breaks) {
    Stacked out;
    int y = box.y;
    bool overflow_x = false;
    for (const auto& b : blocks) {
        TextStyle style = b.style;
        style.px = std::max(b.min_px, scaled(b.style.px, scale));
        if (y > box.y) y += static_cast<int>(b.gap_before * measure.line_height(style.px));
        if (b.marker == Marker::Rule) {
            const int h = std::max(2, style.px / 8);
            out.scene.rects.push_back({{box.x, y, std::max(4, style.px * 3), h}, Ink::Accent});
            y += h;
            continue;
        }
        const int gutter = gutter_for(b, style.px);
        auto wrapped = wrap_text(b.runs, style, box.w - gutter, measure);
        overflow_x = overflow_x || wrapped.width > box.w - gutter ||
                     (wrapped.broke_words && !allow_word_breaks);
        add_marker(out.scene, b, box.x, y, style.px, measure);
        for (auto& piece : wrapped.pieces) {
            piece.x += box.x + gutter;
            piece.y += y;
            out.scene.texts.push_back(std::move(piece));
        }
        y += wrapped.height;
    }
    out.height = y - box.y;
    out.fits = !overflow_x && out.height <= box.h;
    out.scene.scale = scale;
    return out;
}

} // namespace kiosk
