#pragma once
// Typography read back from laid-out scenes, for the deck-wide tests (issue 15): the lines and
// paragraphs a visitor sees, the breaks between them, and whether a one-word last line had a
// better break. Works with any TextMeasure, so it runs with the fake font and the real one.
#include "layout/chrome.h"
#include "layout/measure.h"
#include "layout/metrics.h"
#include "layout/panels.h"
#include "layout/scene.h"
#include "layout/slide_layout.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

namespace kiosk::test {

// One line of a paragraph: its pieces side by side.
struct SceneLine {
    std::vector<SceneText> pieces;
    std::string text() const {
        std::string s;
        for (const auto& p : pieces)
            s += p.text;
        return s;
    }
    int width() const { return pieces.back().x + pieces.back().w - pieces.front().x; }
};
using SceneParagraph = std::vector<SceneLine>;

// Pieces that continue each other on one baseline form a line; lines of one size and left edge,
// one line height apart, form a paragraph. A marker ("1", a bullet) stands apart.
inline std::vector<SceneParagraph> paragraphs_of(const Scene& scene, const TextMeasure& m) {
    std::vector<SceneLine> lines;
    for (const auto& t : scene.texts) {
        const bool continues = !lines.empty() && lines.back().pieces.back().y == t.y &&
                               lines.back().pieces.back().x + lines.back().pieces.back().w == t.x;
        if (!continues) lines.emplace_back();
        lines.back().pieces.push_back(t);
    }
    std::vector<SceneParagraph> out;
    for (auto& line : lines) {
        const SceneText& first = line.pieces.front();
        const bool continues =
            !out.empty() && out.back().back().pieces.front().px == first.px &&
            out.back().back().pieces.front().x == first.x &&
            out.back().back().pieces.front().y + m.line_height(first.px) == first.y;
        if (!continues) out.emplace_back();
        out.back().push_back(std::move(line));
    }
    return out;
}

inline std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    while (!s.empty() && s.front() == ' ')
        s.erase(0, 1);
    return s;
}

inline int code_points(const std::string& s) {
    int n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

inline bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// What is wrong with the break after line `above` (followed by `below`), or "" when nothing is:
// a dangling middle dot, or a hyphen break with fewer than 5 characters on either side.
inline std::string bad_break(const std::string& above, const std::string& below) {
    const std::string a = trimmed(above), b = trimmed(below);
    if (ends_with(a, "\u00B7") || b.rfind("\u00B7", 0) == 0) return "a middle dot at a break";
    if (!ends_with(a, "-")) return "";
    const std::string prefix = a.substr(a.find_last_of(' ') + 1, std::string::npos);
    const std::string fragment = b.substr(0, b.find(' '));
    if (code_points(prefix) - 1 < 5) return "a short prefix before a hyphen break";
    if (code_points(fragment) < 5) return "a short fragment after a hyphen break";
    return "";
}

// True when the last line holds one word although moving the word before it down would keep
// every line within the paragraph's other widths and the line above narrower than it was: the
// break the layout should have found (a greedy wrap just narrower than that line finds it).
inline bool lonely_last_word(const SceneParagraph& p, const TextMeasure& m) {
    if (p.size() < 2) return false;
    const std::string last = trimmed(p.back().text());
    const SceneLine& above = p[p.size() - 2];
    const std::string above_text = trimmed(above.text());
    // A phone number's no-break spaces still part words a visitor sees.
    const bool one_word =
        last.find(' ') == std::string::npos && last.find("\u00A0") == std::string::npos;
    if (!one_word || ends_with(above_text, "-")) return false;
    // The word that would move down: the end of the last piece, or all of it.
    const SceneText& tail = above.pieces.back();
    const std::string tail_text = trimmed(tail.text);
    const auto cut = tail_text.find_last_of(' ');
    const std::string moved = cut == std::string::npos ? tail_text : tail_text.substr(cut + 1);
    int shortened = above.width() - tail.w;
    if (cut != std::string::npos)
        shortened += m.text_width(tail_text.substr(0, cut), tail.style, tail.px);
    else if (above.pieces.size() > 1)
        shortened -= m.text_width(" ", above.pieces[above.pieces.size() - 2].style, tail.px);
    else
        return false; // a single word above: nothing to move
    int needed =
        std::max(shortened, m.text_width(moved + " ", tail.style, tail.px) + p.back().width());
    for (std::size_t i = 0; i + 2 < p.size(); ++i)
        needed = std::max(needed, p[i].width());
    return needed + 2 < above.width();
}

// Every slide of the deck as the kiosk lays it out at this size: one text scale (so one body
// size) for all but the slides flagged below the minimum, labels at least 1/24 of the shorter
// side, no forbidden break and no one-word last line that had a better break.
inline void check_deck_typography(const Deck& deck, Size size, const TextMeasure& m) {
    const int label_min = std::min(size.w, size.h) / 24;
    const auto scenes = layout_deck(deck, size, m);
    std::set<double> scales;
    std::set<int> body_px;
    for (std::size_t i = 0; i < scenes.size(); ++i) {
        INFO("slide " << i + 1 << " at " << size.w << "x" << size.h);
        const Slide& slide = deck.slides[i];
        if (slide.kind == SlideKind::Image || slide.kind == SlideKind::Qr) continue;
        if (!scenes[i].below_minimum) scales.insert(scenes[i].scale);
        for (const auto& t : scenes[i].texts) {
            if (t.ink == Ink::Accent) CHECK(t.px >= label_min);
            const bool body_slide =
                slide.kind == SlideKind::Points || slide.kind == SlideKind::Paragraph;
            if (body_slide && t.style == FontStyle::Regular && !scenes[i].below_minimum)
                body_px.insert(t.px);
        }
        for (const auto& p : paragraphs_of(scenes[i], m)) {
            for (std::size_t k = 0; k + 1 < p.size(); ++k) {
                INFO(p[k].text() << " | " << p[k + 1].text());
                CHECK(bad_break(p[k].text(), p[k + 1].text()) == "");
            }
            INFO(p.back().text());
            CHECK_FALSE(lonely_last_word(p, m));
        }
    }
    INFO("at " << size.w << "x" << size.h);
    CHECK(scales.size() == 1);
    CHECK(body_px.size() == 1);
}

// The overview's tiles, the browsing controls and the reading view's heading and buttons: every
// bold text (tile numbers and titles, button labels, headings) at least 1/24 of the shorter side.
inline void check_panel_labels(const Deck& deck, Size size, const TextMeasure& m) {
    const int label_min = std::min(size.w, size.h) / 24;
    const int target = touch_target_px(size, 96);
    const ReadingLayout reading = reading_layout(deck, 0, size, target, m);
    for (const Layer& layer :
         {overview_layer(deck, size, target, m), browsing_chrome(deck, 1, size, target, m),
          reading.fixed, reading.compact, Layer{reading.heading, {}}})
        for (const auto& t : layer.scene.texts) {
            INFO(t.text << " at " << size.w << "x" << size.h);
            if (t.style == FontStyle::Bold) CHECK(t.px >= label_min);
        }
}

} // namespace kiosk::test
