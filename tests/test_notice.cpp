// The notice band at the top of the screen: readable from a step back, never more than a third
// of the screen, whatever an author's error says.
#include "layout/notice.h"
#include "support/fake_measure.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("a notice is a band across the width, its first line bold at label size") {
    test::FakeMeasure measure;
    for (const Size screen : {Size{800, 480}, Size{1920, 1080}, Size{1080, 1920}}) {
        const Layer notice = notice_panel({"Nieuwe inhoud: 30 dia's"}, screen, measure);
        REQUIRE_FALSE(notice.scene.rects.empty());
        const Rect band = notice.scene.rects.front().rect;
        CHECK(band.x == 0);
        CHECK(band.w == screen.w);
        REQUIRE(notice.scene.texts.size() == 1);
        const auto& first = notice.scene.texts.front();
        CHECK(first.style == FontStyle::Bold);
        CHECK(first.px >= std::min(screen.w, screen.h) / 24);
        CHECK(first.y + first.h <= band.bottom());
    }
}

TEST_CASE("a long error wraps inside the screen and the band stops at a third of its height") {
    test::FakeMeasure measure;
    const Size screen{800, 480};
    const std::string error(400, 'x');
    std::vector<std::string> lines{"De inhoud kan niet getoond worden"};
    for (int i = 0; i < 12; ++i)
        lines.push_back("deck.json:" + std::to_string(i + 1) + ":3: error: " + error);
    const Layer notice = notice_panel(lines, screen, measure);
    CHECK(notice.scene.texts.size() > 1);
    for (const auto& t : notice.scene.texts) {
        CHECK(t.x >= 0);
        CHECK(t.x + t.w <= screen.w);
        CHECK(t.y + t.h <= screen.h / 3);
    }
    for (const auto& r : notice.scene.rects)
        CHECK(r.rect.bottom() <= screen.h / 3 + 4);
}
