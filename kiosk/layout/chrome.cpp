#include "layout/chrome.h"

#include "layout/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk {

int touch_target_px(Size screen, double dpi) {
    const double effective_dpi = dpi > 0 ? dpi : 96.0;
    const int nine_mm = static_cast<int>(std::ceil(9.0 / 25.4 * effective_dpi));
    return std::max(nine_mm, ScreenMetrics(screen).unit / 10);
}

const Button* hit_test(std::span<const Button> buttons, float x, float y, int slop_px) {
    const Button* best = nullptr;
    double best_distance = std::numeric_limits<double>::max();
    for (const auto& b : buttons) {
        // Distance from the point to the rectangle: 0 inside.
        const double dx = std::max({b.rect.x - x, 0.f, x - b.rect.right()});
        const double dy = std::max({b.rect.y - y, 0.f, y - b.rect.bottom()});
        const double d = std::hypot(dx, dy);
        if (d <= slop_px && d < best_distance) {
            best = &b;
            best_distance = d;
        }
    }
    return best;
}

void add_outline(Layer& layer, Rect r, int t, Ink ink) {
    layer.scene.rects.push_back({{r.x, r.y, r.w, t}, ink});
    layer.scene.rects.push_back({{r.x, r.y + r.h - t, r.w, t}, ink});
    layer.scene.rects.push_back({{r.x, r.y + t, t, r.h - 2 * t}, ink});
    layer.scene.rects.push_back({{r.x + r.w - t, r.y + t, t, r.h - 2 * t}, ink});
}

std::optional<TouchHint> touch_hint_layout(const std::string& text, Size screen, int right, int cy,
                                           const TextMeasure& measure) {
    const ScreenMetrics m(screen);
    const int left = m.margin_x();
    // The pill: padding, the mark (3/4 of a line), padding, the words, padding.
    auto pill_w = [&](int px) {
        return measure.line_height(px) * 3 / 4 + 3 * (px / 2) +
               measure.text_width(text, FontStyle::Bold, px);
    };
    int px = std::max(10, m.unit / 22);
    while (px > m.unit / 24 && left + pill_w(px) > right)
        --px;
    if (left + pill_w(px) > right) return std::nullopt;
    const int lh = measure.line_height(px), pad = px / 2, d = lh * 3 / 4;
    TouchHint hint;
    hint.pill.scene.rects.push_back(
        {{left, cy - (lh + pad) / 2, pill_w(px), lh + pad}, Ink::Surface});
    const Rect mark{left + pad, cy - d / 2, d, d};
    add_outline(hint.ring, mark, std::max(2, d / 8), Ink::Accent);
    const int dot = d / 3;
    hint.pill.scene.rects.push_back(
        {{mark.x + (d - dot) / 2, mark.y + (d - dot) / 2, dot, dot}, Ink::Accent});
    const int w = measure.text_width(text, FontStyle::Bold, px);
    hint.pill.scene.texts.push_back(
        {text, FontStyle::Bold, px, left + 2 * pad + d, cy - lh / 2, w, lh, Ink::Text});
    return hint;
}

BarGeometry bottom_bar(Size screen, int target_px) {
    const ScreenMetrics m(screen);
    const int h = std::max(target_px, m.footer_h() * 3 / 4);
    const int y = screen.h - m.footer_h() + (m.footer_h() - h) / 2;
    return {std::min(y, screen.h - h), h};
}

Rect add_button(Layer& layer, const ButtonSpec& spec, int x, int y, int h, bool align_right,
                const TextMeasure& measure) {
    // A button is at least a tenth of the shorter side high (touch_target_px), so its label is
    // at least 1/24 of it, the size of every other label.
    const int px = std::max(8, h * 42 / 100);
    const int text_w = measure.text_width(spec.label, FontStyle::Bold, px);
    const int w = std::max(h, text_w + h * 8 / 10);
    const Rect rect{align_right ? x - w : x, y, w, h};
    layer.scene.rects.push_back({rect, spec.primary ? Ink::Accent : Ink::Surface});
    // The surface alone is 1.3:1 against the background: an outline in the muted ink (over 7:1)
    // tells a secondary button from the slide behind it.
    if (!spec.primary) add_outline(layer, rect, std::max(1, h / 24), Ink::Muted);
    const int line_h = measure.line_height(px);
    layer.scene.texts.push_back({spec.label, FontStyle::Bold, px, rect.x + (w - text_w) / 2,
                                 y + (h - line_h) / 2, text_w, line_h,
                                 spec.primary ? Ink::Background : Ink::Text});
    layer.buttons.push_back({rect, spec.action, spec.index});
    return rect;
}

namespace {

void add_counter(Layer& layer, const Deck& deck, int slide, int left, int right, int cy, int px,
                 const TextMeasure& measure) {
    const std::string text =
        fill_template(deck.ui.slide_counter, {{"n", std::to_string(slide + 1)},
                                              {"total", std::to_string(deck.slides.size())}});
    const int w = measure.text_width(text, FontStyle::Regular, px);
    const int lh = measure.line_height(px);
    if (w > right - left) return;
    layer.scene.texts.push_back({text, FontStyle::Regular, px, left + (right - left - w) / 2,
                                 cy - lh / 2, w, lh, Ink::Muted});
}

bool has_details(const Deck& deck, const Slide& s) {
    return s.finding_index >= 0 && s.finding_index < static_cast<int>(deck.findings.size()) &&
           !deck.findings[s.finding_index].details.empty();
}

} // namespace

namespace {

// Lays the bar out; with compact labels the arrows lose their words, for narrow screens.
Layer chrome_with(const Deck& deck, int slide, Size screen, int target_px, bool compact,
                  const TextMeasure& measure, bool& fits) {
    Layer layer;
    const ScreenMetrics m(screen);
    const auto bar = bottom_bar(screen, target_px);
    const int gap = bar.h / 4;
    const std::string prev = compact ? "\u2039" : "\u2039 " + deck.ui.previous;
    const std::string next = compact ? "\u203A" : deck.ui.next + " \u203A";
    int left = m.margin_x() / 2;
    int right = screen.w - m.margin_x() / 2;
    left = add_button(layer, {prev, Action::Previous}, left, bar.y, bar.h, false, measure).right() +
           gap;
    left =
        add_button(layer, {deck.ui.overview, Action::Overview}, left, bar.y, bar.h, false, measure)
            .right() +
        gap;
    right = add_button(layer, {next, Action::Next}, right, bar.y, bar.h, true, measure).x - gap;
    const Slide& s = deck.slides.at(static_cast<std::size_t>(slide));
    if (has_details(deck, s))
        right = add_button(layer, {deck.ui.read_more, Action::ReadMore, true}, right, bar.y, bar.h,
                           true, measure)
                    .x -
                gap;
    fits = left <= right;
    const int cy = bar.y + bar.h / 2;
    // Where the visitor is, as plain text: a row of page dots looked tappable and was not, and
    // dots big enough to tap do not fit thirty slides.
    if (fits) add_counter(layer, deck, slide, left, right, cy, m.footer_px(), measure);
    return layer;
}

} // namespace

Layer browsing_chrome(const Deck& deck, int slide, Size screen, int target_px,
                      const TextMeasure& measure) {
    bool fits = false;
    Layer full = chrome_with(deck, slide, screen, target_px, false, measure, fits);
    if (fits) return full;
    return chrome_with(deck, slide, screen, target_px, true, measure, fits);
}

} // namespace kiosk
