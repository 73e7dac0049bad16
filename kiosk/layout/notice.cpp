#include "layout/notice.h"

#include "layout/metrics.h"
#include "layout/text_layout.h"

#include <algorithm>

namespace kiosk {
namespace {

// Places a wrapped line's pieces at (x, y) in the layer, as many of its lines as fit above the
// bottom (the start of a long error says most); false when some were left out.
bool place(Layer& layer, WrappedText wrapped, int x, int& y, int bottom) {
    int end = y;
    for (auto& piece : wrapped.pieces) {
        if (y + piece.y + piece.h > bottom) return y = end, false;
        end = std::max(end, y + piece.y + piece.h);
        piece.x += x;
        piece.y += y;
        layer.scene.texts.push_back(std::move(piece));
    }
    y += wrapped.height;
    return true;
}

} // namespace

Layer notice_panel(const std::vector<std::string>& lines, Size screen, const TextMeasure& measure) {
    Layer layer;
    const ScreenMetrics m(screen);
    const int x = m.margin_x(), width = screen.w - 2 * x;
    const int pad = m.label_px() / 2;
    const int bottom = screen.h / 3 - pad;
    int y = pad;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        TextStyle style;
        style.px = i == 0 ? m.label_px() : m.footer_px();
        style.regular = i == 0 ? FontStyle::Bold : FontStyle::Regular;
        if (!place(layer, wrap_text({{lines[i], false}}, style, width, measure), x, y, bottom))
            break; // what does not fit is left out, never drawn over the slide below the band
    }
    const int rule = std::max(2, m.unit / 120); // the accent edge that sets the band apart
    layer.scene.rects.insert(layer.scene.rects.begin(),
                             {{{0, 0, screen.w, y + pad}, Ink::Surface},
                              {{0, y + pad, screen.w, rule}, Ink::Accent}});
    return layer;
}

} // namespace kiosk
