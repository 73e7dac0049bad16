#include "layout/panels.h"

#include "layout/metrics.h"
#include "layout/text_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {
namespace {

void add_wrapped(Scene& scene, const WrappedText& w, int x, int y) {
    for (auto piece : w.pieces) {
        piece.x += x;
        piece.y += y;
        scene.texts.push_back(std::move(piece));
    }
}

TextStyle style_of(int px, FontStyle font, Ink ink) {
    TextStyle s;
    s.px = px;
    s.regular = font;
    s.ink = ink;
    s.emphasis_ink = font == FontStyle::Bold ? ink : Ink::Emphasis;
    return s;
}

// The largest size up to px at which text fits the box, whole words kept where possible.
WrappedText fit_text(const std::string& text, int px, Rect box, FontStyle font, Ink ink,
                     const TextMeasure& measure) {
    const auto runs = parse_markup(text);
    WrappedText w;
    for (int size = px; size >= 6; size -= std::max(1, size / 20)) {
        w = wrap_text(runs, style_of(size, font, ink), box.w, measure);
        if (w.height <= box.h && !w.broke_words) break;
    }
    return w;
}

// Inside a tile: the finding's number, and below it the box for its short title.
struct TileParts {
    int pad, num_px, num_h;
    Rect text_box;
};

// The number is a label: never under 1/24 of the shorter side (label_px).
TileParts tile_parts(Rect r, int label_px, const TextMeasure& measure) {
    TileParts p;
    p.pad = std::max(6, std::min(r.w, r.h) / 16);
    p.num_px = std::max({10, label_px, r.h / 5});
    p.num_h = measure.line_height(p.num_px);
    p.text_box = {r.x + p.pad, r.y + p.pad + p.num_h, r.w - 2 * p.pad, r.h - 2 * p.pad - p.num_h};
    return p;
}

void add_tile(Layer& layer, const Deck& deck, int i, Rect r, int title_px, int label_px,
              const TextMeasure& measure) {
    const Finding& f = deck.findings[i];
    layer.scene.rects.push_back({r, Ink::Surface});
    // As on the secondary buttons: the surface alone is 1.3:1 against the background.
    add_outline(layer, r, std::max(1, std::min(r.w, r.h) / 60), Ink::Muted);
    layer.buttons.push_back({r, Action::OpenFinding, i});
    const TileParts p = tile_parts(r, label_px, measure);
    const std::string number = std::to_string(f.number);
    const int num_w = measure.text_width(number, FontStyle::Bold, p.num_px);
    layer.scene.texts.push_back(
        {number, FontStyle::Bold, p.num_px, r.x + p.pad, r.y + p.pad, num_w, p.num_h, Ink::Accent});
    const auto w =
        fit_text(f.short_title, title_px, p.text_box, FontStyle::Bold, Ink::Text, measure);
    add_wrapped(layer.scene, w, p.text_box.x, p.text_box.y);
}

// One title size for every tile, the largest at which all fit: tiles of mixed sizes look untidy.
// It starts at least at the label size (1/24 of the shorter side) and goes below only if it must.
int common_title_px(const Deck& deck, Rect tile, int label_px, const TextMeasure& measure) {
    const TileParts p = tile_parts(tile, label_px, measure);
    int px = std::max({8, label_px, tile.h / 5});
    for (const auto& f : deck.findings) {
        const auto w = fit_text(f.short_title, px, p.text_box, FontStyle::Bold, Ink::Text, measure);
        if (!w.pieces.empty()) px = std::min(px, w.pieces.front().px);
    }
    return px;
}

struct TilePlan {
    Grid grid;
    int w = 0, h = 0, title_px = 0;
};

TilePlan plan_for(const Deck& deck, Grid g, Rect area, int gap, int label_px,
                  const TextMeasure& measure) {
    TilePlan p{g};
    p.w = (area.w - gap * (g.cols - 1)) / g.cols;
    p.h = std::min((area.h - gap * g.rows) / g.rows, p.w);
    p.title_px = common_title_px(deck, {0, 0, p.w, p.h}, label_px, measure);
    return p;
}

} // namespace

Grid grid_for(int items, Rect area) {
    Grid best;
    double best_score = -1;
    for (int cols = 1; cols <= std::max(1, items); ++cols) {
        const int rows = (items + cols - 1) / cols;
        const double w = static_cast<double>(area.w) / cols;
        const double h = static_cast<double>(area.h) / rows;
        // Tiles a little wider than tall read best; score by the side that limits them.
        const double score = std::min(w / 1.4, h);
        if (score > best_score) {
            best_score = score;
            best = {cols, rows};
        }
    }
    return best;
}

// The grid shaped to the screen, unless its titles would be under the label size: then the
// nearest column count whose titles reach it, or failing that the one with the largest titles.
TilePlan tile_plan(const Deck& deck, Rect area, int gap, int label_px, const TextMeasure& measure) {
    const int n = std::max(1, static_cast<int>(deck.findings.size()));
    const Grid first = grid_for(n, area);
    TilePlan best = plan_for(deck, first, area, gap, label_px, measure);
    for (int d = 1; d < n && best.title_px < label_px; ++d)
        for (const int cols : {first.cols - d, first.cols + d}) {
            if (cols < 1 || cols > n || best.title_px >= label_px) continue;
            const TilePlan p =
                plan_for(deck, {cols, (n + cols - 1) / cols}, area, gap, label_px, measure);
            if (p.title_px > best.title_px) best = p;
        }
    return best;
}

Layer overview_layer(const Deck& deck, Size screen, int target_px, const TextMeasure& measure) {
    Layer layer;
    const ScreenMetrics m(screen);
    const Rect box = m.content_box();
    const int heading_px = m.heading_px() * 3 / 4;
    const auto heading =
        fit_text(deck.ui.overview_title, heading_px, {box.x, box.y, box.w, box.h / 4},
                 FontStyle::Bold, Ink::Text, measure);
    add_wrapped(layer.scene, heading, box.x, box.y);
    const int gap = std::max(6, m.unit / 50);
    const Rect area{box.x, box.y + heading.height + gap, box.w, box.h - heading.height - gap};
    const TilePlan t = tile_plan(deck, area, gap, m.label_px(), measure);
    const int n = static_cast<int>(deck.findings.size());
    for (int i = 0; i < n; ++i) {
        const int col = i % t.grid.cols, row = i / t.grid.cols;
        // A last row that is not full is centred: seven findings read as 3 + 3 + 1 in the middle,
        // not as a tile left behind at the left edge.
        const int in_row = std::min(t.grid.cols, n - row * t.grid.cols);
        const int indent = (t.grid.cols - in_row) * (t.w + gap) / 2;
        const Rect r{area.x + indent + col * (t.w + gap), area.y + row * (t.h + gap), t.w, t.h};
        add_tile(layer, deck, i, r, t.title_px, m.label_px(), measure);
    }
    const auto bar = bottom_bar(screen, target_px);
    add_button(layer, {"\u2039 " + deck.ui.back, Action::Close}, m.margin_x() / 2, bar.y, bar.h,
               false, measure);
    return layer;
}

namespace {

// "‹ Vaststelling 2" and "Vaststelling 4 ›" at the right of the reading view's bar: the next
// finding's text without going back through the overview. Where the bar is narrow (a portrait
// screen) the previous one shortens to "‹ 2" first, as visitors mostly read on, then both.
struct FindingSteps {
    Layer layer;
    int left = 0; // where the buttons begin
};

FindingSteps finding_steps(const Deck& deck, int finding, int right, BarGeometry bar,
                           bool short_previous, bool short_next, const TextMeasure& measure) {
    auto label = [&](int i, bool brief) {
        const std::string n = std::to_string(deck.findings[static_cast<std::size_t>(i)].number);
        return brief ? n : fill_template(deck.ui.finding_label, {{"n", n}});
    };
    FindingSteps steps;
    int x = right;
    if (finding + 1 < static_cast<int>(deck.findings.size()))
        x = add_button(steps.layer,
                       {label(finding + 1, short_next) + " \u203A", Action::ReadFinding, false,
                        finding + 1},
                       x, bar.y, bar.h, true, measure)
                .x -
            bar.h / 4;
    if (finding > 0)
        x = add_button(steps.layer,
                       {"\u2039 " + label(finding - 1, short_previous), Action::ReadFinding, false,
                        finding - 1},
                       x, bar.y, bar.h, true, measure)
                .x;
    steps.left = x;
    return steps;
}

void add_finding_steps(Layer& layer, const Deck& deck, int finding, int left, int right,
                       BarGeometry bar, const TextMeasure& measure) {
    for (const auto& [short_previous, short_next] :
         {std::pair{false, false}, std::pair{true, false}, std::pair{true, true}}) {
        auto steps = finding_steps(deck, finding, right, bar, short_previous, short_next, measure);
        if (steps.left < left) continue;
        append(layer.scene, std::move(steps.layer.scene));
        layer.buttons.insert(layer.buttons.end(), steps.layer.buttons.begin(),
                             steps.layer.buttons.end());
        return;
    }
}

} // namespace

namespace {

// The label and the full title, as they stand above the text before any scrolling; returns the
// height they take.
int add_heading(Scene& heading, const std::string& label, const std::string& title, Rect box,
                const ScreenMetrics& m, const TextMeasure& measure) {
    const auto kicker = fit_text(label, m.label_px(), {box.x, box.y, box.w, box.h / 8},
                                 FontStyle::Bold, Ink::Accent, measure);
    add_wrapped(heading, kicker, box.x, 0);
    const auto full = fit_text(title, m.heading_px() * 3 / 4, {box.x, 0, box.w, box.h / 3},
                               FontStyle::Bold, Ink::Text, measure);
    add_wrapped(heading, full, box.x, kicker.height);
    return kicker.height + full.height;
}

// "Vaststelling 3 · Overheid, regelgeving en onderwijs" on one line (the label alone when the
// short title does not fit on it at the label's size), on a band in the background's colour that
// the text scrolls under, with a rule below it.
Layer compact_heading(const std::string& label, const std::string& short_title, Size screen,
                      Rect box, const ScreenMetrics& m, const TextMeasure& measure) {
    const auto style = style_of(m.label_px(), FontStyle::Bold, Ink::Accent);
    auto line = wrap_text(parse_markup(label + " \u00B7 " + short_title), style, box.w, measure);
    if (line.lines > 1) line = wrap_text(parse_markup(label), style, box.w, measure);
    Layer layer;
    const int band_h = box.y + line.height + m.label_px() / 2;
    layer.scene.rects.push_back({{0, 0, screen.w, band_h}, Ink::Background});
    layer.scene.rects.push_back({{0, band_h, screen.w, std::max(2, m.unit / 120)}, Ink::Surface});
    add_wrapped(layer.scene, line, box.x, box.y);
    return layer;
}

} // namespace

ReadingLayout reading_layout(const Deck& deck, int finding, Size screen, int target_px,
                             const TextMeasure& measure) {
    ReadingLayout out;
    const ScreenMetrics m(screen);
    const Rect box = m.content_box();
    const Finding& f = deck.findings.at(static_cast<std::size_t>(finding));
    const std::string label =
        fill_template(deck.ui.finding_label, {{"n", std::to_string(f.number)}});
    const int heading_h = add_heading(out.heading, label, f.title, box, m, measure);
    out.compact = compact_heading(label, f.short_title, screen, box, m, measure);
    const int band_h = out.compact.scene.rects.front().rect.h;
    out.compact_from = std::max(0, heading_h - (band_h - box.y));
    out.compact_bottom = out.compact.scene.rects.back().rect.bottom();
    const auto bar = bottom_bar(screen, target_px);
    const int gap = m.unit / 40; // between the heading and the text, and the text and the bar
    // Lines of about 60 characters read best; the scroll track sits in the right margin.
    const int body_px = std::max(m.min_body_px(), m.body_px() * 4 / 5);
    const int width = std::min(box.w, body_px * 32);
    out.viewport = {box.x, box.y, box.w, std::min(box.bottom(), bar.y - gap) - box.y};
    // The track starts below the one-line heading's band, which would otherwise cross it.
    const int track_top = out.compact_bottom + gap;
    out.scroll_track = {screen.w - m.margin_x() / 2 - std::max(4, m.unit / 120), track_top,
                        std::max(4, m.unit / 120), out.viewport.bottom() - track_top};
    int y = heading_h + gap;
    TextStyle body = style_of(body_px, FontStyle::Regular, Ink::Text);
    body.hyphenate = true;
    for (const auto& paragraph : f.details) {
        const auto w = wrap_text(parse_markup(paragraph), body, width, measure);
        add_wrapped(out.body, w, box.x, y);
        y += w.height + measure.line_height(body_px) / 2;
    }
    out.body_height = y;
    const int left = add_button(out.fixed, {"\u2039 " + deck.ui.back, Action::Close},
                                m.margin_x() / 2, bar.y, bar.h, false, measure)
                         .right();
    add_finding_steps(out.fixed, deck, finding, left + bar.h / 4, screen.w - m.margin_x() / 2, bar,
                      measure);
    return out;
}

namespace {

// "Nog aan het lezen? Raak ... aan." reads better as the question and then what to do.
std::vector<std::string> split_question(const std::string& text) {
    const auto mark = text.find("? ");
    if (mark == std::string::npos) return {text};
    return {text.substr(0, mark + 1), text.substr(mark + 2)};
}

} // namespace

Layer countdown_panel(const std::string& question, int seconds, Size screen,
                      const TextMeasure& measure) {
    const ScreenMetrics m(screen);
    const int pad = m.unit / 16, room = screen.w - 4 * pad;
    const auto lines = split_question(question);
    // Large lines, smaller only as far as they must be to fit (never below a label's 1/24); a
    // line still too wide (a portrait screen) wraps.
    int px = std::max(10, m.unit / 16);
    auto widest = [&](int size) {
        int w = 0;
        for (const auto& l : lines)
            w = std::max(w, measure.text_width(l, FontStyle::Bold, size));
        return w;
    };
    while (px > m.min_body_px() && widest(px) > room)
        --px;
    std::vector<WrappedText> blocks;
    int lw = 0, lh = 0;
    for (const auto& l : lines) {
        blocks.push_back(
            wrap_text(parse_markup(l), style_of(px, FontStyle::Bold, Ink::Text), room, measure));
        lw = std::max(lw, blocks.back().width);
        lh += blocks.back().height;
    }
    const int number_px = std::max(16, m.unit / 5), nh = measure.line_height(number_px);
    const std::string number = std::to_string(seconds);
    const int nw = measure.text_width(number, FontStyle::Bold, number_px);
    const int w = std::max(lw, nw) + 2 * pad, h = lh + nh + 2 * pad;
    const Rect r{(screen.w - w) / 2, (screen.h - h) / 2, w, h};
    Layer layer;
    layer.scene.rects.push_back({r, Ink::Surface});
    int y = r.y + pad;
    for (const auto& b : blocks) {
        add_wrapped(layer.scene, b, r.x + (w - b.width) / 2, y);
        y += b.height;
    }
    layer.scene.texts.push_back(
        {number, FontStyle::Bold, number_px, r.x + (w - nw) / 2, y, nw, nh, Ink::Emphasis});
    return layer;
}

Layer text_panel(const std::vector<std::string>& lines, Size screen, const TextMeasure& measure) {
    Layer layer;
    const ScreenMetrics m(screen);
    const int px = std::max(10, m.unit / 32);
    const int lh = measure.line_height(px);
    int w = 0;
    for (const auto& l : lines)
        w = std::max(w, measure.text_width(l, FontStyle::Regular, px));
    const int pad = px;
    w = std::min(w + 2 * pad, screen.w - 2 * pad);
    const int h = std::min(static_cast<int>(lines.size()) * lh + 2 * pad, screen.h - 2 * pad);
    const Rect r{(screen.w - w) / 2, (screen.h - h) / 2, w, h};
    layer.scene.rects.push_back({r, Ink::Surface});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int tw = std::min(measure.text_width(lines[i], FontStyle::Regular, px), w - 2 * pad);
        layer.scene.texts.push_back({lines[i], FontStyle::Regular, px, r.x + pad,
                                     r.y + pad + static_cast<int>(i) * lh, tw, lh, Ink::Text});
    }
    layer.buttons.push_back({r, Action::Close, -1});
    return layer;
}

} // namespace kiosk
