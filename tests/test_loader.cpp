#include "content/json_fields.h"
#include "content/limits.h"
#include "content/loader.h"
#include "support/bundle_fixture.h"
#include "support/deck_builder.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <regex>

using namespace kiosk;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using kiosk::test::first_message;
using kiosk::test::load_json;
using kiosk::test::minimal_deck_json;

namespace {

bool has_message(const LoadResult& r, const std::string& text) {
    for (const auto& d : r.diagnostics.items)
        if (to_string(d).find(text) != std::string::npos) return true;
    return false;
}

// The first message after its "deck.json:LINE:COLUMN: ", which each test deck's layout decides.
std::string first_problem(const LoadResult& r) {
    return std::regex_replace(first_message(r), std::regex("^deck\\.json:[0-9]+:[0-9]+: "), "");
}

std::string all_messages(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics.items)
        out += to_string(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("the default SERV deck loads cleanly and is faithful in shape") {
    const auto r = load_content_dir(KIOSK_SOURCE_CONTENT_DIR);
    INFO(all_messages(r));
    REQUIRE(r.deck);
    CHECK(r.diagnostics.items.empty());
    const Deck& deck = *r.deck;
    CHECK(deck.language == "nl");
    CHECK(deck.findings.size() == 7);
    REQUIRE(deck.slides.front().kind == SlideKind::Title);
    CHECK_THAT(deck.slides.front().title, Contains("SERV-rondetafels digitalisering"));
    CHECK(deck.slides.back().kind == SlideKind::Closing);
    int finding_slides = 0;
    for (const auto& s : deck.slides) {
        CHECK(slide_word_count(deck, s) <= 45);
        if (s.kind == SlideKind::Finding) ++finding_slides;
    }
    CHECK(finding_slides == 7);
    for (const auto& f : deck.findings)
        CHECK_FALSE(f.details.empty());
}

TEST_CASE("the default deck's colours read from a distance (7:1)") {
    const auto r = load_content_dir(KIOSK_SOURCE_CONTENT_DIR);
    REQUIRE(r.deck);
    const Theme& t = r.deck->theme;
    CHECK(contrast_ratio(t.text, t.background) >= 7.0);
    CHECK(contrast_ratio(t.muted, t.background) >= 7.0);
    CHECK(contrast_ratio(t.emphasis, t.background) >= 7.0);
}

TEST_CASE("a syntax error names file, line and column") {
    const auto r = load_deck_text("{\n  \"schema\": 1,\n  \"id\": oops\n}", "content/deck.json");
    CHECK_FALSE(r.deck);
    CHECK_THAT(first_message(r), Contains("content/deck.json:3:9: error: JSON syntax"));
}

TEST_CASE("a number too large for a double is a located error, not an exception") {
    // nlohmann throws out_of_range (406) for these, not parse_error: it once ended the kiosk.
    for (const std::string number : {"1e400", "-1e400", "1E+99999999999999999999", "9e308"}) {
        const std::string text = "{\n  \"schema\": 1,\n  \"x\": " + number + "\n}";
        LoadResult r;
        REQUIRE_NOTHROW(r = load_deck_text(text, "deck.json"));
        INFO(number << ": " << all_messages(r));
        CHECK_FALSE(r.deck);
        CHECK_THAT(first_message(r),
                   Contains("deck.json:3:8: error: JSON syntax: number overflow"));
    }
    // Deep inside a slide, too, and in the file on disk.
    const std::string in_slide = minimal_deck_json().dump();
    const auto at = in_slide.find("\"slides\":[{") + 11;
    std::string text = in_slide;
    text.insert(at, "\"duration_s\": 1e999999, ");
    LoadResult r;
    REQUIRE_NOTHROW(r = load_deck_text(text, "deck.json"));
    CHECK_THAT(first_message(r), Contains("number overflow parsing '1e999999'"));
}

TEST_CASE("a large but finite number is read and judged by its field's range") {
    std::string text = minimal_deck_json().dump();
    text.insert(text.find("\"slides\":[{") + 11, "\"duration_s\": 1e308, ");
    const auto r = load_deck_text(text, "deck.json");
    INFO(all_messages(r));
    CHECK(has_message(r, "duration_s"));
}

TEST_CASE("invalid UTF-8 is refused with its place") {
    const auto r = load_deck_text("{\n\"id\": \"a\xC0\xAF\"}", "deck.json");
    CHECK_FALSE(r.deck);
    CHECK_THAT(
        first_message(r),
        StartsWith("deck.json:2:9: error: invalid UTF-8: overlong encoding (byte 0xC0, \"À\" in "
                   "Windows-1252): the file is not saved as UTF-8"));
}

TEST_CASE("deep nesting is refused before parsing") {
    std::string text = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
    const auto r = load_deck_text(text, "deck.json");
    CHECK_FALSE(r.deck);
    CHECK_THAT(first_message(r), Contains("nesting deeper than 16 levels"));
}

TEST_CASE("an oversized file is refused") {
    const std::string text(limits::max_deck_file_bytes + 1, ' ');
    const auto r = load_deck_text(text, "deck.json");
    CHECK_FALSE(r.deck);
    CHECK_THAT(first_message(r), Contains("the limit is 1048576"));
}

TEST_CASE("content errors name the slide and field by JSON pointer") {
    auto j = minimal_deck_json();
    SECTION("a bad duration") {
        j["slides"][1]["duration_s"] = 0;
        CHECK(first_problem(load_json(j)) ==
              "error: slide 2 (/slides/1/duration_s): must be between 0.5 and 600, not 0");
    }
    SECTION("a missing required field") {
        j["slides"][0].erase("title");
        CHECK(first_problem(load_json(j)) == "error: slide 1 (/slides/0/title): is required");
    }
    SECTION("a wrong type") {
        j["slides"][1]["points"] = "not a list";
        CHECK(first_problem(load_json(j)) ==
              "error: slide 2 (/slides/1/points): must be an array, not string");
    }
    SECTION("an unknown kind lists the known ones") {
        j["slides"][0]["kind"] = "video";
        CHECK_THAT(
            first_message(load_json(j)),
            Contains("error: slide 1 (/slides/0/kind): unknown kind \"video\"; use one of title"));
    }
    SECTION("a reference to a missing finding") {
        j["slides"][1]["finding"] = "f9";
        CHECK_THAT(first_message(load_json(j)),
                   Contains("error: slide 2 (/slides/1/finding): no finding"));
    }
    SECTION("a control character inside a string") {
        j["slides"][0]["title"] = "a\u0007b";
        CHECK(first_problem(load_json(j)) ==
              "error: slide 1 (/slides/0/title): control character at byte 1");
    }
    SECTION("a bad colour") {
        j["theme"] = {{"accent", "yellow"}};
        CHECK_THAT(first_message(load_json(j)), Contains("error: /theme/accent: must be a colour"));
    }
    SECTION("an empty colour") {
        j["theme"] = {{"accent", ""}};
        CHECK(first_problem(load_json(j)) ==
              "error: /theme/accent: must be a colour like \"#1A2B3C\", not \"\"");
    }
    SECTION("an empty finding id names no finding") {
        j["slides"][1]["finding"] = "";
        CHECK(first_problem(load_json(j)) ==
              "error: slide 2 (/slides/1/finding): no finding has the id \"\" (see /findings)");
        j["slides"][1] = {{"kind", "finding"}, {"finding", ""}};
        const auto r = load_json(j);
        CHECK(r.diagnostics.count(Severity::Error) == 1);
        CHECK_THAT(first_message(r), Contains("no finding has the id"));
    }
    SECTION("a language that is no language tag") {
        for (const char* tag : {"nl", "NL", "nl-BE", "zh-Hant-TW", "de-CH-1996", "gsw"}) {
            j["language"] = tag;
            CHECK(load_json(j).deck);
        }
        for (const char* tag : {"Nederlands", "n", "nl_BE", "nl-", "nl--BE", "nl-abcdefghi"}) {
            j["language"] = tag;
            CHECK(first_problem(load_json(j)) == "error: /language: must be a language tag such "
                                                 "as \"nl\" or \"nl-BE\", not \"" +
                                                     std::string(tag) + "\"");
        }
    }
    SECTION("a newer schema") {
        j["schema"] = 2;
        CHECK_THAT(first_message(load_json(j)),
                   Contains("error: /schema: schema 2 is not supported"));
    }
    SECTION("duplicate finding ids") {
        j["findings"].push_back(j["findings"][0]);
        CHECK(
            has_message(load_json(j), "error: /findings/1/id: \"f1\" is used by another finding"));
    }
}

TEST_CASE("null is a wrong type, as in the deck's JSON Schema, not a field left out") {
    auto j = minimal_deck_json();
    SECTION("an optional text") {
        j["slides"][0]["subtitle"] = nullptr;
        CHECK(first_problem(load_json(j)) ==
              "error: slide 1 (/slides/0/subtitle): must be a string, not null");
    }
    SECTION("a required text") {
        j["title"] = nullptr;
        CHECK(first_problem(load_json(j)) == "error: /title: must be a string, not null");
    }
    SECTION("a number, a flag, an object") {
        j["slides"][0]["duration_s"] = nullptr;
        j["slides"][1]["numbered"] = nullptr;
        j["ui"] = nullptr;
        const auto r = load_json(j);
        CHECK_FALSE(r.deck);
        CHECK(has_message(r, "(/slides/0/duration_s): must be a number, not null"));
        CHECK(has_message(r, "(/slides/1/numbered): must be true or false"));
        CHECK(has_message(r, "/ui: must be an object, not null"));
    }
}

TEST_CASE("every error is collected, not just the first") {
    auto j = minimal_deck_json();
    j["slides"][0]["duration_s"] = -1;
    j["slides"][1]["points"] = nlohmann::json::array();
    j.erase("version");
    const auto r = load_json(j);
    CHECK_FALSE(r.deck);
    CHECK(r.diagnostics.count(Severity::Error) == 3);
}

TEST_CASE("a misspelt field is an error that names the field meant; another kind's field warns") {
    auto j = minimal_deck_json();
    j["slides"][0]["points"] = {"x"};
    SECTION("another kind's field: the deck still loads") {
        const auto r = load_json(j);
        REQUIRE(r.deck);
        CHECK(has_message(r, "warning: slide 1 (/slides/0/points): unknown field, ignored (not "
                             "used by a \"title\" slide)"));
    }
    SECTION("typos, each with the name meant, or none when nothing is near") {
        j["slides"][0]["titel"] = "typo";
        j["slides"][1]["captoin"] = "typo";
        j["slides"][1]["Duration"] = 5;
        j["slides"][1]["zzz"] = 1;
        j["findings"][0]["detials"] = {"x"};
        const auto r = load_json(j);
        CHECK_FALSE(r.deck);
        CHECK(has_message(r, "error: slide 1 (/slides/0/titel): unknown field; did you mean "
                             "\"title\"?"));
        CHECK(has_message(r, "error: slide 2 (/slides/1/captoin): unknown field; did you mean "
                             "\"caption\"?"));
        CHECK(has_message(r, "error: slide 2 (/slides/1/Duration): unknown field; did you mean "
                             "\"duration_s\"?"));
        CHECK(has_message(r, "error: slide 2 (/slides/1/zzz): unknown field"));
        CHECK_FALSE(has_message(r, "zzz): unknown field; did you mean"));
        CHECK(
            has_message(r, "error: /findings/0/detials: unknown field; did you mean \"details\"?"));
    }
}

TEST_CASE("the nearest name: a letter or two off, case ignored, nothing for another word") {
    const std::vector<std::string_view> known{"title", "subtitle", "url", "duration_s"};
    CHECK(nearest_name("titel", known) == "title");
    CHECK(nearest_name("TITLE", known) == "title");
    CHECK(nearest_name("subtitel", known) == "subtitle");
    CHECK(nearest_name("duration", known) == "duration_s");
    CHECK(nearest_name("id", known).empty()); // two edits from "url", but a short word
    CHECK(nearest_name("colour", known).empty());
    CHECK(nearest_name(std::string(100, 'a'), known).empty());
}

TEST_CASE("limits: strings and slide count at the limit pass, past it fail") {
    auto j = minimal_deck_json();
    SECTION("string length") {
        j["slides"][0]["title"] = std::string(limits::max_string_bytes, 'x');
        CHECK(load_json(j).deck);
        j["slides"][0]["title"] = std::string(limits::max_string_bytes + 1, 'x');
        CHECK_THAT(first_message(load_json(j)), Contains("text is 4001 bytes; the limit is 4000"));
    }
    SECTION("slide count") {
        const auto slide = j["slides"][0];
        j["slides"] = nlohmann::json::array();
        for (std::size_t i = 0; i < limits::max_slides; ++i)
            j["slides"].push_back(slide);
        CHECK(load_json(j).deck);
        j["slides"].push_back(slide);
        CHECK_THAT(first_message(load_json(j)),
                   Contains("error: /slides: has 201 items; the limit is 200"));
    }
    SECTION("points per slide") {
        j["slides"][1]["points"] = std::vector<std::string>(limits::max_points, "p");
        CHECK(load_json(j).deck);
        j["slides"][1]["points"] = std::vector<std::string>(limits::max_points + 1, "p");
        CHECK_FALSE(load_json(j).deck);
    }
}

TEST_CASE("a slide over 45 words warns, naming the slide") {
    auto j = minimal_deck_json();
    std::string text;
    for (int i = 0; i < 46; ++i)
        text += "woord ";
    j["slides"][1]["points"] = {text};
    const auto r = load_json(j);
    REQUIRE(r.deck);
    CHECK(has_message(r, "warning: slide 2 (/slides/1): 47 words"));
}

TEST_CASE("a short title over four words warns: one type size serves every overview tile") {
    auto j = minimal_deck_json();
    j["findings"][0]["short_title"] = "Overheid, regelgeving en onderwijs";
    CHECK(load_json(j).diagnostics.items.empty());
    j["findings"][0]["short_title"] = "Sectoren zien het **overwegend** positief";
    const auto r = load_json(j);
    REQUIRE(r.deck);
    CHECK(first_problem(r) == "warning: /findings/0/short_title: 5 words; an overview tile reads "
                              "best with at most 4 (one type size serves every tile, so a long "
                              "title shrinks them all)");
}

TEST_CASE("reading time sets the default duration, within the deck's bounds") {
    auto r = load_json(minimal_deck_json());
    REQUIRE(r.deck);
    Deck deck = *r.deck;
    Slide s;
    s.kind = SlideKind::Paragraph;
    s.text = "een twee";
    CHECK(slide_duration_s(deck, s) == deck.timing.min_slide_s);
    for (int i = 0; i < 40; ++i)
        s.text += " woord";
    CHECK(slide_duration_s(deck, s) > deck.timing.min_slide_s);
    CHECK(slide_duration_s(deck, s) <= deck.timing.max_slide_s);
    s.duration_s = 3.5;
    CHECK(slide_duration_s(deck, s) == 3.5);
}

TEST_CASE("a missing content folder is reported, not thrown") {
    const auto r = load_content_dir("/nonexistent/folder");
    CHECK_FALSE(r.deck);
    CHECK_THAT(first_message(r), Contains("cannot open the file"));
}

namespace {

// A folder with a deck and files; removed at the end of the test.
struct TempContent {
    std::filesystem::path dir;
    explicit TempContent(const std::string& name)
        : dir(std::filesystem::temp_directory_path() / ("kiosk-loader-" + name)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "images");
    }
    ~TempContent() { std::filesystem::remove_all(dir); }
    void write(const std::string& file, const std::string& bytes) const {
        std::ofstream(dir / file, std::ios::binary) << bytes;
    }
    LoadResult load(const nlohmann::json& deck) const {
        write("deck.json", deck.dump());
        return load_content_dir(dir);
    }
};

using kiosk::test::png_bytes; // the first bytes of a PNG: enough for the header check

nlohmann::json deck_with_image(const std::string& src) {
    auto j = test::minimal_deck_json();
    j["slides"].push_back(
        {{"kind", "image"}, {"title", "Foto"}, {"image", {{"src", src}, {"fit", "cover"}}}});
    return j;
}

} // namespace

TEST_CASE("an image slide reads its picture's size from the file header") {
    TempContent c("image-ok");
    c.write("images/a.png", png_bytes(640, 480));
    const auto r = c.load(deck_with_image("images/a.png"));
    INFO(all_messages(r));
    REQUIRE(r.deck);
    const auto& image = r.deck->slides.back().image;
    REQUIRE(image);
    CHECK(image->width == 640);
    CHECK(image->height == 480);
    CHECK(image->fit == ImageFit::Cover);
    CHECK(image->path == (c.dir / "images/a.png").string());
}

TEST_CASE("a missing, oversized or unsafe image costs the slide its picture, not the deck") {
    TempContent c("image-bad");
    c.write("images/huge.png", png_bytes(8193, 100));
    c.write("images/garbage.png", "not an image at all");
    struct Case {
        std::string src, message;
    };
    for (const Case& k : {Case{"images/none.png", "\"images/none.png\": file not found"},
                          Case{"images/huge.png", "8193x100 px; the limit is 8192 px a side"},
                          Case{"images/garbage.png", "not a PNG, JPEG or SVG image"},
                          Case{"../secret.png", "must stay inside the content folder"},
                          Case{"/etc/passwd", "must be relative to the content folder"},
                          Case{"images\\\\a.png", "may only use letters"}}) {
        INFO(k.src);
        const auto r = c.load(deck_with_image(k.src));
        REQUIRE(r.deck);
        CHECK_FALSE(r.deck->slides.back().image);
        CHECK(r.diagnostics.has_errors()); // --check still fails
        CHECK(has_message(r, "error: slide 3 (/slides/2/image/src):"));
        CHECK(has_message(r, k.message));
    }
}

TEST_CASE("a missing image is reported beside the deck's other errors, at its own slide") {
    TempContent c("image-and-errors");
    auto j = deck_with_image("images/none.png");
    // Slide 1 of an unknown kind is left out, so the image slide's place in the deck and in the
    // file differ.
    j["slides"][0]["kind"] = "video";
    j["slides"][1]["duration_s"] = 0;
    const auto r = c.load(j);
    CHECK_FALSE(r.deck);
    CHECK(has_message(r, "error: slide 1 (/slides/0/kind): unknown kind"));
    CHECK(has_message(r, "error: slide 2 (/slides/1/duration_s)"));
    CHECK(has_message(r,
                      "error: slide 3 (/slides/2/image/src): \"images/none.png\": file not found"));
}

TEST_CASE("a directory or FIFO where an image should be is refused without blocking") {
    TempContent c("image-special");
    std::filesystem::create_directories(c.dir / "images/dir.png");
    const auto r = c.load(deck_with_image("images/dir.png"));
    REQUIRE(r.deck);
    CHECK(has_message(r, "not a regular file"));
    const auto fifo = c.dir / "images/fifo.png";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto f = c.load(deck_with_image("images/fifo.png"));
    CHECK(has_message(f, "not a regular file"));
}

TEST_CASE("a qr slide needs a url: ASCII, of modest length") {
    auto j = test::minimal_deck_json();
    j["slides"].push_back({{"kind", "qr"}, {"title", "Scan"}});
    CHECK(has_message(load_json(j), "error: slide 3 (/slides/2/url): is required"));
    j["slides"][2]["url"] = std::string(301, 'a');
    CHECK(has_message(load_json(j), "error: slide 3 (/slides/2/url): is 301 bytes"));
    j["slides"][2]["url"] = "https://www.serv.be";
    CHECK(load_json(j).deck);
    j["slides"][2]["url"] = "https://www.serv.be/caf\xC3\xA9";
    CHECK(first_problem(load_json(j)) ==
          "error: slide 3 (/slides/2/url): may only hold ASCII characters: percent-encode the "
          "others (\xC3\xA9 as %C3%A9)");
    j["slides"][2]["url"] = "https://www.serv.be/caf%C3%A9";
    CHECK(load_json(j).deck);
    j["slides"][2]["url"] = "https://www.serv.be\n";
    CHECK(first_problem(load_json(j)) == "error: slide 3 (/slides/2/url): must be one line");
}

TEST_CASE("text a visitor would see as blank, and too many line breaks, are refused") {
    auto j = minimal_deck_json();
    SECTION("blank title") {
        j["slides"][0]["title"] = " ** ** \n";
        CHECK(first_problem(load_json(j)) == "error: slide 1 (/slides/0/title): must not be empty");
    }
    SECTION("blank point") {
        j["slides"][1]["points"] = {"ok", "  "};
        CHECK(first_problem(load_json(j)) ==
              "error: slide 2 (/slides/1/points/1): must not be empty");
    }
    SECTION("blank paragraph of a finding's details") {
        j["findings"][0]["details"] = {"ok", ""};
        CHECK(first_problem(load_json(j)) == "error: /findings/0/details/1: must not be empty");
    }
    SECTION("line breaks") {
        j["slides"][0]["title"] = "a" + std::string(limits::max_line_breaks, '\n') + "b";
        CHECK(load_json(j).deck);
        j["slides"][0]["title"] = "a" + std::string(limits::max_line_breaks + 1, '\n') + "b";
        CHECK_THAT(first_message(load_json(j)), Contains("21 line breaks; the limit is 20"));
    }
}

TEST_CASE("numbers that must be whole say so") {
    auto j = minimal_deck_json();
    j["findings"][0]["number"] = 1.9;
    CHECK(first_problem(load_json(j)) ==
          "error: /findings/0/number: must be a whole number, not 1.9");
    j = minimal_deck_json();
    j["schema"] = 1.5;
    CHECK_THAT(first_message(load_json(j)), Contains("error: /schema: must be a whole number"));
}

TEST_CASE("control characters in an unknown key are escaped in the message") {
    auto j = minimal_deck_json();
    j["slides"][0]["\x1b[31mred"] = 1;
    CHECK(has_message(load_json(j), "error: slide 1 (/slides/0/\\x1b[31mred): unknown field"));
}

TEST_CASE("the deck's logo is read and checked like an image slide's picture") {
    TempContent c("logo");
    c.write("images/logo.png", png_bytes(400, 100));
    auto j = test::minimal_deck_json();
    j["logo"] = {{"src", "images/logo.png"}};
    const auto r = c.load(j);
    INFO(all_messages(r));
    REQUIRE(r.deck);
    REQUIRE(r.deck->logo);
    CHECK(r.deck->logo->width == 400);
    CHECK(r.deck->logo->path == (c.dir / "images/logo.png").string());
    SECTION("a missing logo is an error at its field; the deck still shows, without it") {
        j["logo"]["src"] = "images/none.png";
        const auto missing = c.load(j);
        REQUIRE(missing.deck);
        CHECK_FALSE(missing.deck->logo);
        INFO(all_messages(missing));
        CHECK(has_message(missing, "/logo/src: \"images/none.png\": file not found"));
    }
    SECTION("a misspelt field in it is named") {
        j["logo"] = {{"scr", "images/logo.png"}};
        CHECK(has_message(c.load(j), "/logo/scr"));
    }
}
