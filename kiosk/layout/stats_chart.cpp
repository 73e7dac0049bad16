#include "layout/stats_chart.h"

#include <algorithm>
#include <string>

namespace kiosk {
namespace {

// Shortens text with an ellipsis until it fits width: labels never run into their bars.
std::string fitted(const std::string& text, FontStyle style, int px, int width,
                   const TextMeasure& m) {
    if (m.text_width(text, style, px) <= width) return text;
    std::string s = text;
    while (!s.empty() && m.text_width(s + "…", style, px) > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
            s.pop_back(); // never cut a UTF-8 sequence in half
    }
    return s + "…";
}

void add_text(Scene& s, std::string text, FontStyle style, int px, int x, int y, Ink ink,
              const TextMeasure& m) {
    const int w = m.text_width(text, style, px);
    s.texts.push_back({std::move(text), style, px, x, y, w, m.line_height(px), ink});
}

// The findings panel: the label and, right-aligned on the same line, the note; the bar below.
void finding_bars(Scene& s, const ChartData& d, Rect area, int px, const TextMeasure& m) {
    const auto count = std::min<std::size_t>(d.findings.size(), 10);
    if (count == 0) return;
    long most = 1;
    for (std::size_t i = 0; i < count; ++i)
        most = std::max(most, d.findings[i].value);
    const int row = area.h / static_cast<int>(std::max<std::size_t>(count, 5));
    const int bar_h = std::max(4, row / 3);
    const int note_px = px * 4 / 5;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& f = d.findings[i];
        const int y = area.y + static_cast<int>(i) * row;
        const std::string note = fitted(f.note, FontStyle::Regular, note_px, area.w / 2, m);
        const int note_w = m.text_width(note, FontStyle::Regular, note_px);
        add_text(s, note, FontStyle::Regular, note_px, area.right() - note_w,
                 y + m.line_height(px) - m.line_height(note_px), Ink::Muted, m);
        add_text(s, fitted(f.label, FontStyle::Bold, px, area.w - note_w - px, m), FontStyle::Bold,
                 px, area.x, y, Ink::Text, m);
        const int bar_y = y + m.line_height(px) + bar_h / 4;
        const int w = static_cast<int>(static_cast<double>(area.w) * f.value / most);
        s.rects.push_back({{area.x, bar_y, area.w, bar_h}, Ink::Surface});
        if (w > 0) s.rects.push_back({{area.x, bar_y, w, bar_h}, Ink::Accent});
    }
}

// The hours panel: 24 columns with the count above and the hour below every third one.
void hour_columns(Scene& s, const ChartData& d, Rect area, int px, const TextMeasure& m) {
    const long most =
        std::max(1L, *std::max_element(d.visits_by_hour.begin(), d.visits_by_hour.end()));
    const int label_h = m.line_height(px);
    const int col = area.w / 24;
    const int plot_h = area.h - 2 * label_h;
    const int base = area.y + label_h + plot_h;
    for (int h = 0; h < 24; ++h) {
        const long v = d.visits_by_hour[static_cast<std::size_t>(h)];
        const int x = area.x + h * col;
        const int bar = static_cast<int>(static_cast<double>(plot_h) * v / most);
        s.rects.push_back({{x + col / 8, base - bar, col - col / 4, std::max(bar, 1)},
                           v > 0 ? Ink::Accent : Ink::Surface});
        if (v > 0) {
            const std::string n = std::to_string(v);
            const int w = m.text_width(n, FontStyle::Regular, px);
            add_text(s, n, FontStyle::Regular, px, x + (col - w) / 2, base - bar - label_h,
                     Ink::Muted, m);
        }
        if (h % 3 == 0) {
            const std::string hour = std::to_string(h) + "u";
            add_text(s, hour, FontStyle::Regular, px,
                     x + (col - m.text_width(hour, FontStyle::Regular, px)) / 2, base + label_h / 8,
                     Ink::Muted, m);
        }
    }
}

} // namespace

Scene layout_stats_chart(const ChartData& d, Size size, const TextMeasure& m) {
    Scene s;
    const int unit = std::max(1, std::min(size.w, size.h));
    const int margin = unit / 16;
    const int title_px = unit / 18, head_px = unit / 30, px = unit / 40;
    int y = margin;
    add_text(s, fitted(d.title, FontStyle::Bold, title_px, size.w - 2 * margin, m), FontStyle::Bold,
             title_px, margin, y, Ink::Text, m);
    y += m.line_height(title_px);
    add_text(s, fitted(d.subtitle, FontStyle::Regular, px, size.w - 2 * margin, m),
             FontStyle::Regular, px, margin, y, Ink::Muted, m);
    y += m.line_height(px) * 2;
    const bool any =
        !d.findings.empty() ||
        std::any_of(d.visits_by_hour.begin(), d.visits_by_hour.end(), [](long v) { return v > 0; });
    if (!any) {
        add_text(s, d.empty_text, FontStyle::Regular, head_px, margin, y, Ink::Text, m);
        return s;
    }
    // Landscape: side by side; portrait: one above the other.
    const bool wide = size.w >= size.h;
    const int gap = margin;
    const Rect body{margin, y, size.w - 2 * margin, size.h - y - margin};
    const Rect left = wide ? Rect{body.x, body.y, (body.w - gap) * 11 / 20, body.h}
                           : Rect{body.x, body.y, body.w, (body.h - gap) / 2};
    const Rect right =
        wide ? Rect{left.right() + gap, body.y, body.right() - left.right() - gap, body.h}
             : Rect{body.x, left.bottom() + gap, body.w, body.bottom() - left.bottom() - gap};
    const int head_h = m.line_height(head_px) * 3 / 2;
    add_text(s, d.findings_heading, FontStyle::Bold, head_px, left.x, left.y, Ink::Accent, m);
    add_text(s, d.hours_heading, FontStyle::Bold, head_px, right.x, right.y, Ink::Accent, m);
    finding_bars(s, d, {left.x, left.y + head_h, left.w, left.h - head_h}, px, m);
    hour_columns(s, d, {right.x, right.y + head_h, right.w, right.h - head_h}, px, m);
    return s;
}

} // namespace kiosk
