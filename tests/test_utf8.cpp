#include "content/utf8.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("valid UTF-8 including Dutch and emoji passes") {
    CHECK_FALSE(find_invalid_utf8("ë é ï – ‘ ’ 😀"));
}

TEST_CASE("every class of invalid UTF-8 is found with its offset") {
    struct Case {
        std::string bytes;
        std::size_t offset;
        std::string reason;
    };
    const Case cases[] = {
        {"ab\xC0\xAF", 2, "overlong encoding"},
        {"\xE0\x80\xAF", 0, "overlong encoding"},
        {"x\xED\xA0\x80", 1, "UTF-16 surrogate"},
        {"\xF4\x90\x80\x80", 0, "code point above U+10FFFF"},
        {"abc\xE2\x82", 3, "truncated sequence"},
        {"\x80", 0, "unexpected continuation byte"},
        {"\xFF", 0, "invalid lead byte"},
    };
    for (const auto& c : cases) {
        INFO(c.reason);
        const auto err = find_invalid_utf8(c.bytes);
        REQUIRE(err);
        CHECK(err->offset == c.offset);
        CHECK(err->reason == c.reason);
    }
}

TEST_CASE("control characters and non-characters are forbidden on slides, line feed is not") {
    CHECK_FALSE(find_forbidden_char("line\nbreak"));
    CHECK(find_forbidden_char(std::string("nul\0x", 5))->reason == "NUL character");
    CHECK(find_forbidden_char("tab\there")->reason == "control character");
    CHECK(find_forbidden_char("cr\r\n")->reason == "control character");
    CHECK(find_forbidden_char("c1\xC2\x85")->reason == "control character");
    CHECK(find_forbidden_char("nc\xEF\xBF\xBE")->reason == "non-character U+FFFE/U+FFFF");
}

TEST_CASE("position_of gives 1-based line and column") {
    const std::string text = "ab\ncd\nef";
    CHECK(position_of(text, 0).line == 1);
    CHECK(position_of(text, 4).line == 2);
    CHECK(position_of(text, 4).column == 2);
    CHECK(position_of(text, 6).line == 3);
}
