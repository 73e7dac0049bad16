// Finding what changed between two frames from their drawing calls (view/draw_list.h).
#include "app/kiosk_app.h"
#include "layout/footer.h"
#include "support/app_fixture.h"
#include "view/draw_list.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

const Size screen{800, 480};
const Color white{255, 255, 255, 255}, black{0, 0, 0, 255};

DrawList frame_with(Rect bar) {
    DrawList d(screen);
    d.set_offset(0, 0);
    d.clear(black);
    d.draw_text({"Hallo", FontStyle::Bold, 40, 100, 100, 120, 48, Ink::Text}, white, 0, 0, 255);
    d.fill_rect(bar, white);
    return d;
}

bool covers(const std::vector<Rect>& rects, Rect r) {
    for (const Rect& a : rects)
        if (a.contains(r)) return true;
    return false;
}

bool meets(const std::vector<Rect>& rects, Rect r) {
    for (const Rect& a : rects)
        if (!is_empty(intersection(a, r))) return true;
    return false;
}

} // namespace

TEST_CASE("two frames drawn alike have nothing to draw again") {
    CHECK(damage(frame_with({600, 440, 100, 4}), frame_with({600, 440, 100, 4})).empty());
}

TEST_CASE("a changed call marks where it was and where it is, and nothing else") {
    const auto d = damage(frame_with({600, 440, 100, 4}), frame_with({600, 440, 90, 4}));
    REQUIRE(d.size() == 1);
    CHECK(d[0] == Rect{600, 440, 100, 4});
    const auto moved = damage(frame_with({100, 440, 50, 4}), frame_with({600, 440, 50, 4}));
    CHECK(moved.size() == 2); // far apart: two areas, not one box over both
    CHECK(covers(moved, {100, 440, 50, 4}));
    CHECK(covers(moved, {600, 440, 50, 4}));
    CHECK_FALSE(meets(moved, {100, 100, 120, 48})); // the text stays
}

TEST_CASE("a first frame, a new size or a new background is drawn whole") {
    const Rect whole{0, 0, screen.w, screen.h};
    CHECK(damage(DrawList({}), frame_with({0, 0, 1, 1})) == std::vector<Rect>{whole});
    DrawList other(screen);
    other.clear(white);
    CHECK(damage(frame_with({0, 0, 1, 1}), other) == std::vector<Rect>{whole});
    DrawList bigger({1024, 600});
    bigger.clear(black);
    CHECK(damage(frame_with({0, 0, 1, 1}), bigger) == std::vector<Rect>{{0, 0, 1024, 600}});
}

TEST_CASE("text counts the pixels around its line box; offset and clip are applied") {
    DrawList d(screen);
    d.set_offset(4, 2);
    d.set_clip(Rect{0, 0, 150, 480});
    d.draw_text({"Hallo", FontStyle::Regular, 40, 100, 100, 120, 48, Ink::Text}, white, 10, 0, 255);
    REQUIRE(d.calls().size() == 3);
    const DrawCall& t = d.calls()[2];
    CHECK(t.place == Rect{94, 82, 160, 88});
    CHECK(t.bounds == Rect{94, 82, 60, 88}); // the clip, moved by the offset, ends at x 154
    d.set_clip(std::nullopt);
    d.draw_text({"Hallo", FontStyle::Regular, 40, 900, 100, 120, 48, Ink::Text}, white, 0, 0, 255);
    CHECK(is_empty(d.calls().back().bounds)); // off screen: touches nothing
}

TEST_CASE("near areas merge, far ones stay apart, and a mostly changed screen is one area") {
    const auto two = merge_damage({{0, 0, 10, 10}, {20, 0, 10, 10}, {400, 400, 10, 10}}, screen);
    CHECK(two == std::vector<Rect>{{0, 0, 30, 10}, {400, 400, 10, 10}});
    // The box around the second and third reaches the first, which neither does alone.
    const auto chain = merge_damage({{0, 0, 10, 10}, {15, 5, 10, 10}, {5, 12, 15, 10}}, screen, 0);
    CHECK(chain == std::vector<Rect>{{0, 0, 25, 22}});
    CHECK(merge_damage({{0, 0, 700, 480}}, screen) == std::vector<Rect>{{0, 0, 800, 480}});
    CHECK(merge_damage({{-10, -10, 20, 20}}, screen) == std::vector<Rect>{{0, 0, 10, 10}});
    CHECK(merge_damage({{900, 0, 20, 20}}, screen).empty());
    std::vector<Rect> many;
    for (int i = 0; i < 20; ++i)
        many.push_back({i * 40, 0, 2, 2});
    CHECK(merge_damage(many, screen) == std::vector<Rect>{{0, 0, 800, 480}});
}

TEST_CASE("a picture the damage reaches is drawn whole (a scaled QR code is not cut)") {
    DrawList a(screen), b(screen);
    for (DrawList* d : {&a, &b}) {
        d->clear(black);
        d->draw_image({{300, 100, 200, 200}, "qr:https://example.org", false}, 0, 255);
    }
    a.fill_rect({450, 250, 300, 10}, white);
    b.fill_rect({450, 250, 290, 10}, white);
    const auto d = damage(a, b);
    CHECK(covers(d, {300, 100, 200, 200}));
    CHECK(covers(d, {450, 250, 300, 10}));
}

TEST_CASE_METHOD(test::AppFixture, "a step of the time-left bar redraws the footer only") {
    settings.visitor.burn_in_shift = false; // the bar where the layout puts it
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const double slide_s = slide_duration_s(deck, deck.slides[0]);
    const double step_s = slide_s / progress_steps(canvas.sz, slide_s);
    DrawList before(canvas.sz), after(canvas.sz);
    app.update(0.1);
    app.draw(before, 0.1);
    app.update(0.1 + step_s);
    REQUIRE(app.needs_redraw());
    app.draw(after, 0.1 + step_s);
    const auto d = damage(before, after);
    REQUIRE_FALSE(d.empty());
    const Rect track = progress_track(canvas.sz);
    std::string areas;
    for (const Rect& r : d)
        areas += std::to_string(r.x) + "," + std::to_string(r.y) + " " + std::to_string(r.w) + "x" +
                 std::to_string(r.h) + "; ";
    INFO(areas);
    INFO("track " << track.x << "," << track.y << " " << track.w << "x" << track.h << ", step "
                  << step_s << " s");
    CHECK(meets(d, track));
    for (const Rect& r : d)
        CHECK(r.y >= canvas.sz.h * 3 / 4); // the bar and the invitation's ring, at the bottom
}
