#include "layout/text_layout.h"
#include "support/fake_measure.h"
#include "support/lines_of.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using kiosk::test::lines_of;

namespace {

const test::FakeMeasure measure; // regular: 5 px a character at 10 px

TextStyle style10() {
    TextStyle s;
    s.px = 10;
    return s;
}

} // namespace

TEST_CASE("wrap breaks at spaces within the width") {
    // 10 characters fit in 50 px.
    const auto w = wrap_text(parse_markup("aaa bbb ccc dd"), style10(), 50, measure);
    CHECK(lines_of(w) == std::vector<std::string>{"aaa bbb", "ccc dd"});
    CHECK(w.lines == 2);
    CHECK(w.height == 2 * measure.line_height(10));
    CHECK(w.width <= 50);
}

TEST_CASE("emphasis runs become separate pieces on the same line") {
    const auto w = wrap_text(parse_markup("a **bb** c"), style10(), 500, measure);
    REQUIRE(w.pieces.size() == 3);
    CHECK(w.pieces[0].text == "a ");
    CHECK(w.pieces[1].text == "bb "); // the space between runs goes with the run before it
    CHECK(w.pieces[1].style == FontStyle::Bold);
    CHECK(w.pieces[1].ink == Ink::Emphasis);
    CHECK(w.pieces[1].x == w.pieces[0].w);
    CHECK(w.pieces[2].x == w.pieces[1].x + w.pieces[1].w);
}

TEST_CASE("a word longer than the line is broken between characters, UTF-8 intact") {
    const std::string word = "ëëëëëëëëëëëëëëëëëëëëëëëë"; // 24 two-byte characters
    const auto w = wrap_text(parse_markup(word), style10(), 50, measure);
    CHECK(w.lines == 3);
    for (const auto& p : w.pieces) {
        CHECK(p.w <= 50);
        CHECK(p.text.size() % 2 == 0); // never split inside a character
    }
}

TEST_CASE("a 20,000-character word wraps without overflowing") {
    const auto w = wrap_text(parse_markup(std::string(20000, 'x')), style10(), 500, measure);
    CHECK(w.lines == 200);
    CHECK(w.width <= 500);
}

TEST_CASE("explicit line breaks start new lines, blank lines count") {
    const auto w = wrap_text(parse_markup("a\n\nb"), style10(), 500, measure);
    CHECK(w.lines == 3);
    CHECK(lines_of(w) == std::vector<std::string>{"a", "b"});
    CHECK(w.pieces.back().y == 2 * measure.line_height(10));
}

TEST_CASE("empty text is one empty line, not a crash") {
    const auto w = wrap_text({}, style10(), 100, measure);
    CHECK(w.lines == 1);
    CHECK(w.pieces.empty());
}

TEST_CASE("a hyphenated word may break after its hyphen, and is whole otherwise") {
    auto w = wrap_text(parse_markup("Sociaal-Economische"), style10(), 60, measure); // 12 chars
    CHECK(lines_of(w) == std::vector<std::string>{"Sociaal-", "Economische"});
    CHECK_FALSE(w.broke_words);
    w = wrap_text(parse_markup("Sociaal-Economische"), style10(), 500, measure);
    CHECK(lines_of(w) == std::vector<std::string>{"Sociaal-Economische"});
    w = wrap_text(parse_markup("a - b"), style10(), 500, measure);
    CHECK(lines_of(w) == std::vector<std::string>{"a - b"}); // a lone dash keeps its spaces
}

TEST_CASE("no break after a short prefix or before a short fragment at a hyphen") {
    // "xx prefix-" would fit the first line; the word moves down whole instead.
    for (const std::string word :
         {"e-learning", "SERV-rondetafels", "ICT-specialist", "kennis-pro"}) {
        INFO(word);
        const int width = measure.text_width(word, FontStyle::Regular, 10);
        const auto w = wrap_text(parse_markup("xx " + word), style10(), width, measure);
        CHECK(lines_of(w) == std::vector<std::string>{"xx", word});
    }
}

TEST_CASE("a middle dot at a line break is left out, never alone at a line's end") {
    // "Naam · 02 209 01 01" does not fit in 12 characters.
    auto w = wrap_text(parse_markup("Naam \u00B7 0220901"), style10(), 60, measure);
    CHECK(lines_of(w) == std::vector<std::string>{"Naam", "0220901"});
    w = wrap_text(parse_markup("Naam \u00B7 0220901"), style10(), 500, measure);
    CHECK(lines_of(w) == std::vector<std::string>{"Naam \u00B7 0220901"});
}

TEST_CASE("a last line of one word takes a companion when a slightly narrower wrap allows") {
    // Greedy at 20 characters: "aaaa bbbb cccc dddd" / "eeee". At 18 the line count holds.
    const auto w = wrap_text(parse_markup("aaaa bbbb cccc dddd eeee"), style10(), 100, measure);
    CHECK(lines_of(w) == std::vector<std::string>{"aaaa bbbb cccc", "dddd eeee"});
}

TEST_CASE("a one-word last line stays when narrowing would cost a line") {
    const auto w = wrap_text(parse_markup("aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd e"), style10(),
                             100, measure);
    CHECK(lines_of(w) ==
          std::vector<std::string>{"aaaaaaaaa bbbbbbbbb", "ccccccccc ddddddddd", "e"});
}

TEST_CASE("splitting a word is reported, so layout can prefer a smaller size") {
    const auto w = wrap_text(parse_markup("digitalisering"), style10(), 50, measure);
    CHECK(w.broke_words);
}
