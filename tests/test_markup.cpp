#include "content/markup.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("markup splits emphasis runs") {
    const auto runs = parse_markup("De teneur is **overwegend positief**.");
    REQUIRE(runs.size() == 3);
    CHECK(runs[0] == TextRun{"De teneur is ", false});
    CHECK(runs[1] == TextRun{"overwegend positief", true});
    CHECK(runs[2] == TextRun{".", false});
}

TEST_CASE("markup at the start and end, and several runs") {
    const auto runs = parse_markup("**a** b **c**");
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].emphasis);
    CHECK_FALSE(runs[1].emphasis);
    CHECK(runs[2] == TextRun{"c", true});
}

TEST_CASE("an unclosed ** stays visible and is reported") {
    const auto runs = parse_markup("open **end");
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].text == "open **end");
    CHECK_FALSE(runs[0].emphasis);
    REQUIRE(markup_problem("open **end"));
    CHECK(*markup_problem("open **end") == "unclosed ** at character 6");
}

TEST_CASE("empty emphasis is reported, sound markup is not") {
    CHECK(markup_problem("x ****"));
    CHECK_FALSE(markup_problem("plain"));
    CHECK_FALSE(markup_problem("**ok** and **ok**"));
}

TEST_CASE("strip_markup keeps the words and Dutch characters") {
    CHECK(strip_markup("**heroriëntatie** – ‘tekst’") == "heroriëntatie – ‘tekst’");
}
