#include "content/diagnostics.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("first_lines gives the first problems of one severity, in the order found") {
    Diagnostics d;
    d.file = "deck.json";
    d.warning("/title", "is long");
    d.error("/slides/0/title", "must not be empty");
    d.warning("/slides/1", "has no text");
    d.error("/slides/2/duration_s", "must be > 0");
    d.error("/slides/3/kind", "is unknown");

    CHECK(first_lines(d, Severity::Error) ==
          std::vector<std::string>{"deck.json /slides/0/title: error: must not be empty",
                                   "deck.json /slides/2/duration_s: error: must be > 0",
                                   "deck.json /slides/3/kind: error: is unknown"});
    CHECK(first_lines(d, Severity::Error, 2) ==
          std::vector<std::string>{"deck.json /slides/0/title: error: must not be empty",
                                   "deck.json /slides/2/duration_s: error: must be > 0"});
    CHECK(first_lines(d, Severity::Warning, 1) ==
          std::vector<std::string>{"deck.json /title: warning: is long"});
    CHECK(first_lines(d, Severity::Error, 0).empty());
}

TEST_CASE("first_lines of a clean Diagnostics is empty") {
    Diagnostics d;
    d.warning("/title", "is long");
    CHECK(first_lines(d, Severity::Error, 5).empty());
    CHECK(first_lines(Diagnostics{}, Severity::Warning).empty());
}
