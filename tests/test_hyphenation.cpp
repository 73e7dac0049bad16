// Dutch hyphenation through libhyphen and Debian's hyphen-nl patterns (deploy/dev-deps.sh installs
// them), and how wrapping uses it: only in running text, only where a line would end well short.
#include "layout/hyphenation.h"
#include "layout/text_layout.h"
#include "support/fake_measure.h"
#include "support/lines_of.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using kiosk::test::lines_of;

namespace {

const Hyphenator& dutch() {
    static const Hyphenator h = [] {
        std::string error;
        auto opened = Hyphenator::open("/usr/share/hyphen", "nl-BE", error);
        INFO(error);
        REQUIRE(opened);
        return std::move(*opened);
    }();
    return h;
}

// The word with a "-" at every point offered.
std::string marked(std::string_view word) {
    std::string out;
    std::size_t from = 0;
    for (const std::size_t at : dutch().points(word)) {
        out += std::string(word.substr(from, at - from)) + "-";
        from = at;
    }
    return out + std::string(word.substr(from));
}

TextStyle running(bool hyphenate) {
    TextStyle s;
    s.px = 10; // 5 px a character in the fake measure
    s.hyphenate = hyphenate;
    return s;
}

} // namespace

TEST_CASE("Dutch words break where the patterns say, five letters from either end") {
    CHECK(marked("digitalisering") == "digita-li-sering"); // the patterns: digi-ta-li-se-ring
    CHECK(marked("verantwoordelijkheid") == "verant-woor-de-lijkheid");
    CHECK(marked("arbeidsmarkt") == "arbeids-markt");
    CHECK(marked("coöperatie") == "coöpe-ratie"); // UTF-8 in, Latin-1 patterns
    CHECK(marked("Digitalisering") == "Digita-li-sering");
}

TEST_CASE("punctuation around a word is kept out of the fragments") {
    CHECK(marked("(robotisering),") == "(roboti-sering),");
    CHECK(marked("\u201Cbeleidsmakers.\u201D") == "\u201Cbeleids-makers.\u201D");
}

TEST_CASE("acronyms, numbers, short and hyphenated words are never hyphenated") {
    for (const char* word : {"SERV", "ICT", "eID", "2017", "mensen", "e-learning", "kennis-",
                             "auto's", "werkgelegenheid2"})
        CHECK(dutch().points(word).empty());
}

TEST_CASE("patterns are found by language tag, and a missing language says what was looked for") {
    std::string error;
    CHECK(Hyphenator::open("/usr/share/hyphen", "nl", error));
    CHECK_FALSE(Hyphenator::open("/usr/share/hyphen", "xx-YY", error));
    CHECK(error.find("hyph_xx.dic") != std::string::npos);
    CHECK_FALSE(Hyphenator::open("/nonexistent", "nl", error));
}

TEST_CASE("running text takes a hyphen where a long word would leave its line well short") {
    const test::FakeMeasure fake;
    const HyphenatedMeasure measure(fake, [] {
        std::string error;
        return Hyphenator::open("/usr/share/hyphen", "nl", error);
    }());
    // 16 characters a line: "de" then "digitalisering" (14) would leave "de" alone on a line.
    const auto text = parse_markup("de digitalisering gaat snel");
    CHECK(lines_of(wrap_text(text, running(true), 80, measure)) ==
          std::vector<std::string>{"de digitali-", "sering gaat snel"});
    SECTION("titles and labels wrap at spaces only") {
        CHECK(lines_of(wrap_text(text, running(false), 80, measure)) ==
              std::vector<std::string>{"de", "digitalisering", "gaat snel"});
    }
    SECTION("a line already four fifths full is not hyphenated") {
        // 30 characters a line: "digi-" would fit after the first 24.
        const auto full = parse_markup("wij zagen in de toekomst digitalisering komen");
        CHECK(lines_of(wrap_text(full, running(true), 150, measure)) ==
              std::vector<std::string>{"wij zagen in de toekomst", "digitalisering komen"});
    }
    SECTION("without patterns nothing changes") {
        const HyphenatedMeasure none(fake, std::nullopt);
        CHECK(lines_of(wrap_text(text, running(true), 80, none)) ==
              lines_of(wrap_text(text, running(false), 80, none)));
    }
}
