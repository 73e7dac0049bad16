#include "content/diagnostics.h"
#include "content/json_parse.h"
#include "content/loader.h"
#include "content/utf8.h"

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

// Issue 16, "Messages an author can act on": every problem in a deck names file, line, column and
// the slide as an author counts it, and says what to do.
namespace {

using Catch::Matchers::Contains;

// A deck with one slide per line, the last one given by the test; line 8 holds slide 1.
std::string deck_text(int slides, const std::string& last) {
    std::string text = "{\n  \"schema\": 1,\n  \"id\": \"t\",\n  \"title\": \"T\",\n"
                       "  \"version\": \"1\",\n  \"language\": \"nl\",\n  \"slides\": [\n";
    for (int i = 1; i < slides; ++i)
        text += "    {\"kind\": \"title\", \"title\": \"Dia " + std::to_string(i) + "\"},\n";
    return text + "    " + last + "\n  ]\n}\n";
}

std::vector<std::string> messages(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& d : load_deck_text(text, "content/deck.json").diagnostics.items)
        out.push_back(to_string(d));
    return out;
}

} // namespace

TEST_CASE("a content error names line, column and the slide counted from one") {
    const auto lines =
        messages(deck_text(30, R"({"kind": "title", "title": "X", "duration_s": 0})"));
    REQUIRE(lines.size() == 1);
    // Slide 30 is on line 37; its duration's value starts in column 51.
    CHECK(lines[0] == "content/deck.json:37:51: error: slide 30 (/slides/29/duration_s): must be "
                      "between 0.5 and 600, not 0");
}

TEST_CASE("a missing field is placed at the object it is missing from, a misspelt one too") {
    const auto lines = messages(deck_text(2, R"({"kind": "paragraph", "titel": "Typo"})"));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "content/deck.json:9:5: error: slide 2 (/slides/1/text): is required");
    CHECK(lines[1] == "content/deck.json:9:36: error: slide 2 (/slides/1/titel): unknown field; "
                      "did you mean \"title\"?");
}

TEST_CASE("warnings are placed too: a field of another slide kind") {
    const auto lines = messages(deck_text(2, R"({"kind": "title", "title": "T", "points": []})"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "content/deck.json:9:47: warning: slide 2 (/slides/1/points): unknown field, "
                      "ignored (not used by a \"title\" slide)");
}

TEST_CASE("the column counts characters, as an editor does") {
    const auto lines = messages(deck_text(1, R"({"kind": "title", "title": "één", "x": 1})"));
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Contains("content/deck.json:8:44: error: slide 1 (/slides/0/x)"));
}

TEST_CASE("a trailing comma is reported at the comma, in words an author knows") {
    SECTION("after the last slide") {
        const auto text = deck_text(2, R"({"kind": "title", "title": "Laatste"},)");
        const auto lines = messages(text);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == "content/deck.json:9:42: error: JSON syntax: komma na het laatste "
                          "element (a comma after the last element); delete this comma");
    }
    SECTION("after the last field of an object") {
        const auto lines = messages("{\n  \"schema\": 1,\n}");
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines[0], Contains("content/deck.json:2:14: error: JSON syntax: komma na het"));
    }
}

TEST_CASE("a Latin-1 file says how to save it as UTF-8, at the first bad byte") {
    const auto lines = messages(deck_text(1, "{\"kind\": \"title\", \"title\": \"Caf\xE9\"}"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] ==
          "content/deck.json:8:36: error: invalid UTF-8: truncated sequence (byte 0xE9, \"é\" in "
          "Windows-1252): the file is not saved as UTF-8; in the editor choose \"Save as…\" (or "
          "\"Save with encoding\") with the encoding UTF-8, and save it again");
}

TEST_CASE("curly quotes used as JSON quotes are named, and no message cuts a character") {
    for (const std::string quote : {"“", "”", "„", "‘", "’"}) {
        INFO(quote);
        const auto lines = messages("{\n  " + quote + "schema" + quote + ": 1\n}");
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == "content/deck.json:2:3: error: JSON syntax: " + quote +
                              " is a curly quote, not a JSON quote: type a straight \" instead "
                              "(turn off smart quotes in the editor)");
    }
    // Other characters the parser stops at are quoted whole, or escaped, never cut.
    for (const std::string text : {"{\"a\": €}", "{\"a\": 1 é}", "[\xF0\x9F\x98\x80]"}) {
        INFO(text);
        const auto lines = messages(text);
        REQUIRE(lines.size() == 1);
        CHECK_FALSE(find_invalid_utf8(lines[0]));
    }
}

TEST_CASE("the locator finds values under escaped, repeated and nested keys") {
    JsonLocator at("{\"a/b\": 1,\n \"\\u00e9\": [10, {\"x\": [\n  true]}],\n \"a/b\": 2}");
    const auto place = [&](const std::string& p) {
        const auto t = at.find(p);
        return std::to_string(t.line) + ":" + std::to_string(t.column);
    };
    CHECK(place("") == "1:1");
    CHECK(place("/a~1b") == "4:9"); // a repeated key: the last one counts, as in the DOM
    CHECK(place("/é/0") == "2:13");
    CHECK(place("/é/1/x/0") == "3:3");
    CHECK(place("/é/1/missing") == "2:17"); // the nearest enclosing value
    CHECK(place("/nothing/here") == "1:1");
}

TEST_CASE("without a text to point into, a problem keeps the pointer form") {
    Diagnostics d;
    d.file = "kiosk.json";
    d.error("/rotation", "must be 0, 90, 180 or 270");
    d.warning("manifest.json", "unsigned");
    CHECK(first_lines(d, Severity::Error) ==
          std::vector<std::string>{"kiosk.json /rotation: error: must be 0, 90, 180 or 270"});
    d.locate = [](const std::string&) { return TextPosition{4, 2}; };
    d.error("/slides/x", "odd");
    d.warning("manifest.json", "unsigned"); // not a JSON pointer: not placed in the text
    CHECK(to_string(d.items[2]) == "kiosk.json:4:2: error: /slides/x: odd");
    CHECK(to_string(d.items[3]) == "kiosk.json manifest.json: warning: unsigned");
}
