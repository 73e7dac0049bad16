#include "content/loader.h"
#include "layout/chrome.h"
#include "layout/footer.h"
#include "layout/metrics.h"
#include "layout/panels.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"
#include "support/recording_canvas.h"
#include "view/views.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

const test::FakeMeasure measure;

Deck seven_findings() {
    auto j = test::minimal_deck_json();
    j["findings"] = nlohmann::json::array();
    j["slides"] = nlohmann::json::array({{{"kind", "title"}, {"title", "T"}}});
    for (int i = 1; i <= 7; ++i) {
        const std::string id = "f" + std::to_string(i);
        j["findings"].push_back({{"id", id},
                                 {"number", i},
                                 {"short_title", "Titel " + id},
                                 {"title", "Vaststelling " + id},
                                 {"details", {"Tekst."}}});
        j["slides"].push_back({{"kind", "finding"}, {"finding", id}});
    }
    return *test::load_json(j).deck;
}

void require_no_overlap(const std::vector<Button>& buttons) {
    for (std::size_t i = 0; i < buttons.size(); ++i)
        for (std::size_t k = i + 1; k < buttons.size(); ++k) {
            const Rect a = buttons[i].rect, b = buttons[k].rect;
            const bool apart =
                a.right() <= b.x || b.right() <= a.x || a.bottom() <= b.y || b.bottom() <= a.y;
            CHECK(apart);
        }
}

} // namespace

TEST_CASE("touch targets are at least 9 mm, using the DPI when known") {
    CHECK(touch_target_px({800, 480}, 133) >= 9 / 25.4 * 133);
    CHECK(touch_target_px({800, 480}, 0) >= 9 / 25.4 * 96);
    CHECK(touch_target_px({3840, 2160}, 160) >= 216); // a tenth of the shorter side on a big screen
}

TEST_CASE("hit testing finds the button, forgives a near miss, prefers the nearest") {
    const std::vector<Button> buttons{{{0, 0, 100, 50}, Action::Previous, -1},
                                      {{120, 0, 100, 50}, Action::Next, -1}};
    CHECK(hit_test(buttons, 50, 25, 5)->action == Action::Previous);
    CHECK(hit_test(buttons, 103, 25, 5)->action == Action::Previous);
    CHECK(hit_test(buttons, 117, 25, 5)->action == Action::Next);
    CHECK(hit_test(buttons, 110, 25, 2) == nullptr);
    CHECK(hit_test(buttons, 50, 80, 5) == nullptr);
    CHECK(hit_test({}, 0, 0, 5) == nullptr);
}

TEST_CASE("browsing chrome: arrows, overview, and Lees meer only on a finding's slide") {
    const Deck deck = seven_findings();
    for (Size size : {Size{800, 480}, Size{1920, 1080}, Size{1080, 1920}}) {
        const int target = touch_target_px(size, 0);
        const Layer on_title = browsing_chrome(deck, 0, size, target, measure);
        const Layer on_finding = browsing_chrome(deck, 1, size, target, measure);
        CHECK(on_title.buttons.size() == 3);
        REQUIRE(on_finding.buttons.size() == 4);
        require_no_overlap(on_finding.buttons);
        for (const auto& b : on_finding.buttons) {
            CHECK(b.rect.h >= target);
            CHECK(b.rect.w >= target);
            CHECK(Rect{0, 0, size.w, size.h}.contains(b.rect));
        }
    }
}

TEST_CASE("the overview grid follows the screen's shape") {
    CHECK(grid_for(7, {0, 0, 1600, 800}).cols == 4);
    CHECK(grid_for(7, {0, 0, 900, 1500}).cols == 2);
    CHECK(grid_for(1, {0, 0, 100, 100}).cols == 1);
    CHECK(grid_for(0, {0, 0, 100, 100}).cols >= 1);
}

TEST_CASE("the overview has a tile per finding, inside the screen, large enough to touch") {
    const Deck deck = seven_findings();
    for (Size size : {Size{800, 480}, Size{1920, 1080}, Size{1080, 1920}}) {
        const int target = touch_target_px(size, 0);
        const Layer layer = overview_layer(deck, size, target, measure);
        int tiles = 0;
        for (const auto& b : layer.buttons) {
            CHECK(Rect{0, 0, size.w, size.h}.contains(b.rect));
            CHECK(std::min(b.rect.w, b.rect.h) >= target);
            tiles += b.action == Action::OpenFinding;
        }
        CHECK(tiles == 7);
        require_no_overlap(layer.buttons);
    }
}

TEST_CASE("the reading view lays the details out below a fixed heading") {
    const Deck deck = seven_findings();
    const auto r = reading_layout(deck, 2, {800, 480}, touch_target_px({800, 480}, 0), measure);
    CHECK(r.viewport.h > 0);
    CHECK(r.body_height > 0);
    REQUIRE_FALSE(r.body.texts.empty());
    CHECK(r.body.texts.front().text == "Tekst.");
    REQUIRE(r.fixed.buttons.size() == 3); // back, and the findings before and after
    CHECK(r.fixed.buttons.front().action == Action::Close);
}

TEST_CASE("the overview's last row, when not full, is centred under the others") {
    const Deck deck = seven_findings();
    for (const Size screen : {Size{800, 480}, Size{1280, 720}, Size{1920, 1080}, Size{480, 800}}) {
        const Layer layer = overview_layer(deck, screen, touch_target_px(screen, 0), measure);
        std::vector<Rect> tiles;
        for (const auto& b : layer.buttons)
            if (b.action == Action::OpenFinding) tiles.push_back(b.rect);
        REQUIRE(tiles.size() == 7);
        auto middle_of_row = [&](int y) {
            int left = screen.w, right = 0;
            for (const Rect& r : tiles)
                if (r.y == y) left = std::min(left, r.x), right = std::max(right, r.right());
            return (left + right) / 2;
        };
        INFO(screen.w << "x" << screen.h);
        CHECK(std::abs(middle_of_row(tiles.back().y) - middle_of_row(tiles.front().y)) <= 1);
    }
}

TEST_CASE("the reading heading scrolls away, a one-line heading stays, the text clears the bar") {
    const Deck deck = seven_findings();
    const Size screen{800, 480};
    const ReadingLayout r = reading_layout(deck, 2, screen, touch_target_px(screen, 0), measure);
    const std::string title = deck.findings[2].title;
    auto has = [](const Scene& scene, const std::string& text) {
        for (const auto& t : scene.texts)
            if (t.text.find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(has(r.heading, title));
    CHECK(has(r.compact.scene, "\u00B7 Titel f3"));
    CHECK(r.compact_from > 0);
    CHECK(r.body.texts.front().y > r.heading.texts.back().y); // the text below the heading
    int bar_top = screen.h;
    for (const auto& b : r.fixed.buttons)
        bar_top = std::min(bar_top, b.rect.y);
    CHECK(r.viewport.bottom() + ScreenMetrics(screen).unit / 40 <= bar_top); // never touching

    test::RecordingCanvas canvas;
    auto shows_at = [&](double offset) {
        canvas.clear({});
        draw_reading(canvas, r, deck.theme, {offset, 0.0, 0.5}, {255, 255});
        return std::pair{canvas.shows(title), canvas.shows("Titel f3")};
    };
    CHECK(shows_at(0) == std::pair{true, false});
    CHECK(shows_at(r.compact_from + 200.0) == std::pair{false, true});
}

TEST_CASE("the reading view steps to the next and previous finding, none past the ends") {
    const Deck deck = seven_findings();
    const Size screen{800, 480};
    auto steps = [&](int finding) {
        std::vector<int> out;
        for (const auto& b :
             reading_layout(deck, finding, screen, touch_target_px(screen, 0), measure)
                 .fixed.buttons)
            if (b.action == Action::ReadFinding) out.push_back(b.index);
        return out;
    };
    CHECK(steps(0) == std::vector<int>{1});
    CHECK(steps(3) == std::vector<int>{4, 2});
    CHECK(steps(6) == std::vector<int>{5});
    // No button overlaps another.
    const auto r = reading_layout(deck, 3, screen, touch_target_px(screen, 0), measure);
    for (std::size_t i = 0; i < r.fixed.buttons.size(); ++i)
        for (std::size_t j = i + 1; j < r.fixed.buttons.size(); ++j) {
            const Rect a = r.fixed.buttons[i].rect, b = r.fixed.buttons[j].rect;
            CHECK((a.right() <= b.x || b.right() <= a.x));
        }
}

TEST_CASE("the loop's footer: the counter beside the time-left bar, the bar emptying in steps") {
    const Size screen{1920, 1080};
    const Footer start = footer_layout("2 / 30", screen, 0.0, 10, measure);
    REQUIRE(start.counter);
    CHECK(start.counter->text == "2 / 30");
    CHECK(start.counter->ink == Ink::Muted);
    CHECK(start.counter->x + start.counter->w < start.track.x); // left of the bar, not on it
    CHECK(start.counter->x >= screen.w / 2);
    CHECK(start.time_left.w == start.track.w); // full at the start of the slide
    const Footer half = footer_layout("2 / 30", screen, 0.5, 10, measure);
    CHECK(half.time_left.w == start.track.w / 2);
    CHECK(footer_layout("2 / 30", screen, 1.0, 10, measure).time_left.w == 0);
    // Half-second steps: within one step the bar does not move (and nothing is redrawn).
    CHECK(footer_layout("2 / 30", screen, 0.51, 10, measure).time_left.w == half.time_left.w);
    CHECK(progress_steps(screen, 10) == 20);
}

TEST_CASE("a counter too long for the footer's right half is left out, never drawn off screen") {
    const Footer f = footer_layout(std::string(200, 'x'), {800, 480}, 0.0, 10, measure);
    CHECK_FALSE(f.counter);
    CHECK(f.track.w > 0);
}

TEST_CASE("on a narrow portrait screen the reading view still leads to the next finding") {
    test::FakeMeasure measure;
    const Deck deck = *load_content_dir(KIOSK_SOURCE_CONTENT_DIR).deck;
    for (const Size screen : {Size{720, 1280}, Size{480, 800}, Size{1920, 1080}}) {
        const int target = touch_target_px(screen, 0);
        const ReadingLayout r = reading_layout(deck, 2, screen, target, measure);
        bool next = false;
        for (const auto& b : r.fixed.buttons) {
            next = next || (b.action == Action::ReadFinding && b.index == 3);
            CHECK(b.rect.x >= 0);
            CHECK(b.rect.right() <= screen.w);
        }
        CHECK(next);
    }
}
