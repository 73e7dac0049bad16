// What keeps the kiosk's memory bounded without costing frames: the frame-aware cache budget,
// views that dip instead of cross-fading, and the next slide's text prepared while idle.
#include "app/kiosk_app.h"
#include "support/app_fixture.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"
#include "support/recording_canvas.h"
#include "render/frame_lru.h"
#include "view/views.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kiosk;

TEST_CASE("the frame cache stays within its budget across frames") {
    FrameLru<int> lru(100);
    for (int i = 0; i < 50; ++i) {
        lru.begin_frame();
        lru.insert("k" + std::to_string(i), i, 30);
        CHECK(lru.bytes() <= 100);
    }
    CHECK(lru.entries() == 3);
    CHECK(lru.find("k49"));
    CHECK_FALSE(lru.find("k40")); // least recently used went first
}

TEST_CASE("the frame cache never evicts what the current frame uses") {
    FrameLru<int> lru(100);
    lru.begin_frame();
    for (int i = 0; i < 5; ++i)
        lru.insert("k" + std::to_string(i), i, 30); // 150 bytes: one frame needs more
    CHECK(lru.entries() == 5);
    CHECK(lru.bytes() == 150);
    lru.begin_frame();
    CHECK(lru.find("k0")); // used again: kept
    lru.insert("new", 9, 30);
    CHECK(lru.find("k0"));
    CHECK(lru.find("new"));
    CHECK(lru.bytes() <= 100); // shrank back once older entries were free to go
}

TEST_CASE("make_room frees space before a large value is made") {
    FrameLru<int> lru(100);
    lru.insert("a", 1, 60);
    lru.begin_frame();
    lru.make_room(60);
    CHECK(lru.entries() == 0);
    CHECK(lru.bytes() == 0);
}

TEST_CASE("a view dips: its backdrop covers first, its content comes after") {
    CHECK(dip_alpha(0).backdrop == 0);
    CHECK(dip_alpha(0).content == 0);
    CHECK(dip_alpha(0.25).backdrop == 128);
    CHECK(dip_alpha(0.25).content == 0);
    CHECK(dip_alpha(0.5).backdrop == 255);
    CHECK(dip_alpha(0.5).content == 0);
    CHECK(dip_alpha(0.75).content == 128);
    CHECK(dip_alpha(1).backdrop == 255);
    CHECK(dip_alpha(1).content == 255);
    for (double o = 0; o <= 1; o += 0.01) {
        const auto a = dip_alpha(o);
        CHECK((a.backdrop == 255 || a.content == 0)); // never content on a see-through backdrop
    }
}

namespace {

using Fixture = test::AppFixture;

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

} // namespace

TEST_CASE_METHOD(Fixture, "while a slide stands still, the next slide's text is prepared once") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.update(0);
    app.draw(canvas, 0);
    app.prepare_upcoming(canvas, 0);
    CHECK(contains(canvas.prepared, "Punten")); // slide 2's title
    const auto count = canvas.prepared.size();
    app.prepare_upcoming(canvas, 0.5);
    CHECK(canvas.prepared.size() == count); // not again
}

TEST_CASE_METHOD(Fixture, "nothing is prepared while a transition runs") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(InputEvent::key_press(Key::Next), 1);
    app.update(1.05);
    app.draw(canvas, 1.05);
    REQUIRE(app.browser().slides().transition(1.05));
    app.prepare_upcoming(canvas, 1.05);
    CHECK(canvas.prepared.empty());
}

TEST_CASE_METHOD(Fixture, "an open view is drawn without the slide beneath it") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(InputEvent::pointer_down(400, 200, 1, 1), 1); // wakes: controls show
    app.handle(InputEvent::pointer_up(400, 200, 1, 1.05), 1.05);
    const auto& buttons = app.buttons();
    const auto b = std::find_if(buttons.begin(), buttons.end(),
                                [](const Button& b) { return b.action == Action::Overview; });
    REQUIRE(b != buttons.end());
    const float x = b->rect.x + b->rect.w / 2.f, y = b->rect.y + b->rect.h / 2.f;
    app.handle(InputEvent::pointer_down(x, y, 1, 2), 2);
    app.handle(InputEvent::pointer_up(x, y, 1, 2.05), 2.05);
    REQUIRE(app.browser().view() == View::Overview);
    app.update(10);
    app.draw(canvas, 10);
    CHECK(canvas.shows("Een"));         // the overview's tile
    CHECK_FALSE(canvas.shows("Hallo")); // the slide beneath is covered, so not drawn
}
