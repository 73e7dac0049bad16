#include "layout/slide_layout.h"

#include "layout/blocks.h"
#include "layout/media_layout.h"
#include "layout/metrics.h"

#include <algorithm>

namespace kiosk {
namespace {

Block text_block(const std::string& text, int px, FontStyle font, Ink ink, double gap = 0) {
    Block b;
    b.runs = parse_markup(text);
    b.style.px = px;
    b.style.regular = font;
    b.style.emphasis = FontStyle::Bold;
    b.style.ink = ink;
    b.style.emphasis_ink = font == FontStyle::Bold ? ink : Ink::Emphasis;
    b.gap_before = gap;
    return b;
}

// Running text at body size: the one kind of text that may take a hyphen (text_layout.h).
Block body_block(const std::string& text, const ScreenMetrics& m, Ink ink, double gap) {
    Block b = text_block(text, m.body_px(), FontStyle::Regular, ink, gap);
    b.style.hyphenate = true;
    return b;
}

Block rule_block(int px, double gap) {
    Block b;
    b.marker = Marker::Rule;
    b.style.px = px;
    b.gap_before = gap;
    return b;
}

const Finding* finding_of(const Deck& deck, const Slide& s) {
    if (s.finding_index < 0 || s.finding_index >= static_cast<int>(deck.findings.size()))
        return nullptr;
    return &deck.findings[s.finding_index];
}

std::string finding_label(const Deck& deck, const Finding& f) {
    return fill_template(deck.ui.finding_label, {{"n", std::to_string(f.number)}});
}

// "Vaststelling 3 · Overheid en onderwijs" above a slide that belongs to a finding, so a visitor
// who looks up mid-loop knows where they are.
void add_kicker(std::vector<Block>& out, const Deck& deck, const Slide& s, const ScreenMetrics& m) {
    const Finding* f = finding_of(deck, s);
    if (!f || s.kind == SlideKind::Finding) return;
    out.push_back(text_block(finding_label(deck, *f) + " · " + f->short_title, m.label_px(),
                             FontStyle::Bold, Ink::Accent));
    out.back().min_px = m.label_px();
}

void add_heading(std::vector<Block>& out, const std::string& title, const ScreenMetrics& m) {
    if (title.empty()) return;
    out.push_back(text_block(title, m.heading_px(), FontStyle::Bold, Ink::Text, 0.3));
    out.push_back(rule_block(m.heading_px(), 0.25));
}

std::vector<Block> title_blocks(const Slide& s, const ScreenMetrics& m) {
    std::vector<Block> out;
    out.push_back(rule_block(m.title_px(), 0));
    out.push_back(text_block(s.title, m.title_px(), FontStyle::Bold, Ink::Text, 0.3));
    if (!s.subtitle.empty())
        out.push_back(text_block(s.subtitle, m.heading_px(), FontStyle::Regular, Ink::Text, 0.4));
    if (!s.note.empty())
        out.push_back(body_block(s.note, m, Ink::Muted, 0.8));
    return out;
}

std::vector<Block> points_blocks(const Slide& s, const ScreenMetrics& m) {
    std::vector<Block> out;
    add_heading(out, s.title, m);
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        Block b = body_block(s.points[i], m, Ink::Text, i == 0 ? 0.8 : 0.45);
        b.marker = s.numbered ? Marker::Number : Marker::Bullet;
        b.label = std::to_string(i + 1);
        out.push_back(std::move(b));
    }
    return out;
}

std::vector<Block> finding_blocks(const Deck& deck, const Slide& s, const ScreenMetrics& m) {
    std::vector<Block> out;
    const Finding* f = finding_of(deck, s);
    if (!f) return out;
    out.push_back(
        text_block(finding_label(deck, *f), m.heading_px(), FontStyle::Bold, Ink::Accent));
    out.back().min_px = m.label_px();
    out.push_back(text_block(f->title, m.title_px() * 4 / 5, FontStyle::Bold, Ink::Text, 0.3));
    if (!s.text.empty())
        out.push_back(body_block(s.text, m, Ink::Muted, 0.7));
    return out;
}

std::vector<Block> quote_blocks(const Slide& s, const ScreenMetrics& m) {
    std::vector<Block> out;
    out.push_back(text_block("\u201C", m.title_px() * 3 / 2, FontStyle::Bold, Ink::Accent));
    out.push_back(text_block(s.text, m.heading_px(), FontStyle::Italic, Ink::Text, 0));
    if (!s.attribution.empty())
        out.push_back(text_block("\u2014 " + s.attribution, m.body_px(), FontStyle::Regular,
                                 Ink::Muted, 0.8));
    return out;
}

// A phone number wraps as a whole: its spaces become no-break spaces.
std::string keep_together(const std::string& text) {
    std::string out;
    for (char c : text)
        out += c == ' ' ? std::string("\u00A0") : std::string(1, c);
    return out;
}

std::vector<Block> closing_blocks(const Slide& s, const ScreenMetrics& m) {
    std::vector<Block> out;
    add_heading(out, s.title, m);
    if (!s.text.empty())
        out.push_back(body_block(s.text, m, Ink::Text, 0.8));
    for (std::size_t i = 0; i < s.contacts.size(); ++i) {
        const auto& c = s.contacts[i];
        // The name may wrap; a phone number stays whole. The middle dots between the parts are
        // separators: where a part starts a new line, its dot is left out (break_points.h).
        std::string line = "**" + c.name + "**";
        for (const auto* part : {&c.role, &c.phone, &c.email})
            if (!part->empty())
                line += " \u00B7 " + (part == &c.phone ? keep_together(*part) : *part);
        out.push_back(
            text_block(line, m.body_px(), FontStyle::Regular, Ink::Text, i == 0 ? 0.9 : 0.35));
    }
    return out;
}

std::vector<Block> blocks_for(const Deck& deck, const Slide& s, const ScreenMetrics& m) {
    std::vector<Block> out;
    add_kicker(out, deck, s, m);
    std::vector<Block> body;
    switch (s.kind) {
    case SlideKind::Title:
        body = title_blocks(s, m);
        break;
    case SlideKind::Paragraph:
        add_heading(body, s.title, m);
        body.push_back(body_block(s.text, m, Ink::Text, 0.8));
        break;
    case SlideKind::Points:
        body = points_blocks(s, m);
        break;
    case SlideKind::Finding:
        body = finding_blocks(deck, s, m);
        break;
    case SlideKind::Quote:
        body = quote_blocks(s, m);
        break;
    case SlideKind::Closing:
        body = closing_blocks(s, m);
        break;
    case SlideKind::Image:
    case SlideKind::Qr:
        break; // media_layout.cpp
    }
    for (auto& b : body)
        out.push_back(std::move(b));
    return out;
}

bool centred(SlideKind kind) {
    return kind == SlideKind::Title || kind == SlideKind::Finding || kind == SlideKind::Quote;
}

// Largest scale in [floor, ceiling] at which the blocks fit, by bisection: wrapping is monotonic
// enough in the scale that a dozen layouts find it, which is cheap next to rasterising.
Stacked fit(const std::vector<Block>& blocks, Rect box, double floor, double ceiling,
            const TextMeasure& measure, bool allow_word_breaks) {
    Stacked best = stack_blocks(blocks, box, ceiling, measure, allow_word_breaks);
    if (best.fits) return best;
    double lo = floor, hi = ceiling;
    Stacked at_lo = stack_blocks(blocks, box, lo, measure, allow_word_breaks);
    if (!at_lo.fits) return at_lo;
    for (int i = 0; i < 10; ++i) {
        const double mid = (lo + hi) / 2;
        Stacked s = stack_blocks(blocks, box, mid, measure, allow_word_breaks);
        if (s.fits) {
            lo = mid;
            at_lo = std::move(s);
        } else {
            hi = mid;
        }
    }
    return at_lo;
}

bool laid_out_as_media(SlideKind kind) {
    return kind == SlideKind::Image || kind == SlideKind::Qr;
}

// The deck's logo heads the title and closing slides: left-aligned in a band a sixth of the
// content box high, at most a third of its width; the text takes the rest.
std::optional<Rect> logo_rect(const Deck& deck, const Slide& slide, const ScreenMetrics& m) {
    if (!deck.logo || (slide.kind != SlideKind::Title && slide.kind != SlideKind::Closing))
        return std::nullopt;
    const Rect box = m.content_box();
    Rect r = contain(deck.logo->width, deck.logo->height, {box.x, box.y, box.w / 3, box.h / 6});
    r.x = box.x; // contain() centres; a logo sits in the corner
    r.y = box.y;
    return r;
}

Rect text_box(const Deck& deck, const Slide& slide, const ScreenMetrics& m) {
    Rect box = m.content_box();
    if (logo_rect(deck, slide, m)) {
        const int taken = box.h / 6 + m.unit / 20;
        box.y += taken;
        box.h -= taken;
    }
    return box;
}

void shift(Scene& scene, int dy) {
    for (auto& t : scene.texts)
        t.y += dy;
    for (auto& r : scene.rects)
        r.rect.y += dy;
}

} // namespace

double deck_type_scale(const Deck& deck, Size screen, const TextMeasure& measure) {
    const ScreenMetrics m(screen);
    double scale = 1.0;
    for (const auto& slide : deck.slides) {
        if (laid_out_as_media(slide.kind)) continue;
        const Stacked s = fit(blocks_for(deck, slide, m), text_box(deck, slide, m), m.min_scale(),
                              scale, measure, false);
        if (s.fits) scale = s.scene.scale; // one that does not fit even so shrinks alone
    }
    return scale;
}

Scene layout_slide(const Deck& deck, const Slide& slide, Size screen, const TextMeasure& measure,
                   double type_scale) {
    const ScreenMetrics m(screen);
    if (slide.kind == SlideKind::Image) return layout_image_slide(slide, m, measure);
    if (slide.kind == SlideKind::Qr) return layout_qr_slide(slide, m, measure);
    const Rect box = text_box(deck, slide, m);
    const auto blocks = blocks_for(deck, slide, m);
    const double ceiling = std::max(type_scale, m.min_scale());
    Stacked result = fit(blocks, box, m.min_scale(), ceiling, measure, false);
    if (!result.fits) {
        // Below the readable minimum rather than clipped: a visitor can still read it up close,
        // and --check has told the author. Words are split only as a last resort.
        result = fit(blocks, box, 0.05, ceiling, measure, false);
        if (!result.fits) result = fit(blocks, box, 0.05, ceiling, measure, true);
        result.scene.below_minimum = true;
        result.scene.overflows = !result.fits;
    }
    if (centred(slide.kind) && result.height < box.h)
        shift(result.scene, (box.h - result.height) / 2);
    if (const auto logo = logo_rect(deck, slide, m))
        result.scene.images.push_back({*logo, deck.logo->path, false});
    return std::move(result.scene);
}

std::vector<Scene> layout_deck(const Deck& deck, Size screen, const TextMeasure& measure) {
    const double type_scale = deck_type_scale(deck, screen, measure);
    std::vector<Scene> scenes;
    for (const auto& slide : deck.slides)
        scenes.push_back(layout_slide(deck, slide, screen, measure, type_scale));
    return scenes;
}

} // namespace kiosk
