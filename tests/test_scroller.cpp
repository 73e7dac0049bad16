#include "nav/scroller.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using namespace kiosk;

namespace {

constexpr double frame_60 = 1.0 / 60;
constexpr double tau = KineticScroller::decay_tau_s;

// 10000 px of text in a 1000 px view, scrolled to `offset`.
KineticScroller scroller_at(double offset) {
    KineticScroller s;
    s.set_extent(10000, 1000);
    s.scroll_by(offset, 0);
    return s;
}

// A finger moving at `speed` px/s (positive: upwards, so the offset grows) for 0.2 s at 60 Hz,
// starting at t0 and lifting with the last event. Returns the release time.
double fling(KineticScroller& s, double speed, double t0 = 1) {
    double y = 500, t = t0;
    s.press(y, t);
    for (int i = 0; i < 12; ++i) {
        t += frame_60;
        y -= speed * frame_60;
        s.drag(y, t);
    }
    s.release(t);
    return t;
}

// Updates at `dt` until the momentum stops; returns the offsets seen.
std::vector<double> run(KineticScroller& s, double from, double dt) {
    std::vector<double> seen;
    for (double t = from + dt; s.moving() && t < from + 10; t += dt) {
        s.update(t);
        seen.push_back(s.offset());
    }
    return seen;
}

} // namespace

TEST_CASE("dragging moves the content 1:1 with the finger") {
    auto s = scroller_at(2000);
    s.press(500, 0);
    CHECK(s.dragging());
    s.drag(400, 0.02);
    CHECK(s.offset() == Approx(2100)); // finger up: content up, offset grows
    s.drag(450, 0.04);
    CHECK(s.offset() == Approx(2050));
    s.cancel();
    CHECK_FALSE(s.dragging());
    CHECK_FALSE(s.moving());
}

TEST_CASE("a fling keeps going, slows down and travels v0 times tau") {
    auto s = scroller_at(2000);
    const double t = fling(s, 1000);
    const double released_at = s.offset();
    REQUIRE(s.moving());
    const auto seen = run(s, t, frame_60);
    REQUIRE(seen.size() > 10);
    CHECK_FALSE(s.moving());
    double previous = released_at, previous_step = 1e9;
    for (double offset : seen) {
        const double step = offset - previous;
        CHECK(step >= 0);
        CHECK(step <= previous_step + 1e-9);
        previous = offset;
        previous_step = step;
    }
    // It rests where the speed falls to stop_speed: τ·(v0 - stop_speed) after the release.
    CHECK(s.offset() - released_at == Approx(tau * (1000 - KineticScroller::stop_speed)).margin(2));
}

TEST_CASE("a fling downwards decreases the offset") {
    auto s = scroller_at(2000);
    const double t = fling(s, -1000);
    run(s, t, frame_60);
    CHECK(2000 - 1000 * 0.2 - s.offset() == Approx(tau * 990).margin(2));
}

TEST_CASE("momentum does not depend on the frame rate") {
    auto fast = scroller_at(2000), slow = scroller_at(2000);
    const double t = fling(fast, 1500);
    fling(slow, 1500);
    fast.update(t + 0.5);
    slow.update(t + 0.5);
    CHECK(fast.offset() == Approx(slow.offset()).margin(1e-6));
    run(fast, t + 0.5, frame_60);
    run(slow, t + 0.5, 0.1);
    CHECK(fast.offset() == Approx(slow.offset()).margin(1));
}

TEST_CASE("the release velocity comes from recent samples, not the last two events") {
    auto s = scroller_at(2000);
    // A steady 1000 px/s whose time stamps jitter by ±4 ms: the last two events alone would read
    // about 1900 px/s.
    double y = 500;
    s.press(y, 1);
    double t = 1;
    for (int i = 1; i <= 12; ++i) {
        y -= 1000 * frame_60;
        t = 1 + i * frame_60 + (i % 2 ? 0.004 : -0.004);
        s.drag(y, t);
    }
    s.release(t);
    const double released_at = s.offset();
    run(s, t, frame_60);
    CHECK(s.offset() - released_at == Approx(tau * 1000).epsilon(0.2));
}

TEST_CASE("a very fast fling is capped") {
    KineticScroller s;
    s.set_extent(100000, 1000);
    const double t = fling(s, 40000);
    const double released_at = s.offset();
    run(s, t, frame_60);
    const double cap = KineticScroller::max_fling_speed;
    CHECK(s.offset() - released_at == Approx(tau * (cap - KineticScroller::stop_speed)).margin(1));
}

TEST_CASE("momentum stops hard at either end") {
    SECTION("bottom") {
        auto s = scroller_at(8500);
        const double t = fling(s, 3000); // would travel ~975 px
        run(s, t, frame_60);
        CHECK_FALSE(s.moving());
        CHECK(s.offset() == s.max_offset());
        s.update(t + 5);
        CHECK(s.offset() == s.max_offset());
    }
    SECTION("top") {
        auto s = scroller_at(1000);
        const double t = fling(s, -3000);
        s.update(t + 0.3); // lands beyond the top in a single big step
        CHECK_FALSE(s.moving());
        CHECK(s.offset() == 0);
    }
    SECTION("a fling into an end it already touches does not start") {
        auto s = scroller_at(9000);
        fling(s, 3000);
        CHECK_FALSE(s.moving());
    }
}

TEST_CASE("dragging past an end stops there, and turning back moves at once") {
    auto s = scroller_at(8950);
    s.press(500, 0);
    s.drag(300, 0.1);
    CHECK(s.offset() == 9000);
    s.drag(330, 0.2);
    CHECK(s.offset() == Approx(8970));
}

TEST_CASE("a finger that stops before lifting gives no momentum") {
    for (double pause : {0.11, 0.5}) {
        auto s = scroller_at(2000);
        s.press(500, 0);
        s.drag(300, 0.05);
        s.drag(100, 0.1);
        s.release(0.1 + pause);
        CHECK_FALSE(s.moving());
        CHECK(s.offset() == Approx(2400));
    }
}

TEST_CASE("a press with no movement, or a tap's jitter, does not fling") {
    auto s = scroller_at(2000);
    s.press(500, 0);
    s.release(0.05);
    CHECK_FALSE(s.moving());
    s.press(500, 1);
    s.drag(501, 1.03);
    s.drag(500, 1.06);
    s.release(1.08);
    CHECK_FALSE(s.moving());
}

TEST_CASE("a press catches a fling where it is at that moment") {
    auto s = scroller_at(2000);
    const double t = fling(s, 2000);
    s.update(t + 0.1);
    const double at_frame = s.offset();
    s.press(500, t + 0.2);
    CHECK_FALSE(s.moving());
    CHECK(s.offset() > at_frame);
    const double caught = s.offset();
    s.update(t + 1);
    CHECK(s.offset() == caught);
    s.drag(450, t + 1.1);
    CHECK(s.offset() == Approx(caught + 50));
}

TEST_CASE("scroll_by jumps, clamps and stops momentum") {
    auto s = scroller_at(2000);
    CHECK(s.offset() == 2000);
    s.scroll_by(-5000, 0);
    CHECK(s.offset() == 0);
    const double t = fling(s, 2000);
    s.update(t + 0.1);
    const double before = s.offset();
    s.scroll_by(100, t + 0.1);
    CHECK_FALSE(s.moving());
    CHECK(s.offset() == Approx(before + 100));
}

TEST_CASE("cancel stops without momentum") {
    auto s = scroller_at(2000);
    s.press(500, 0);
    s.drag(300, 0.05);
    s.cancel();
    s.release(0.06); // the lift after a cancel is not a fling
    CHECK_FALSE(s.moving());
    CHECK(s.offset() == Approx(2200));
}

TEST_CASE("a smaller content clamps the offset and stops momentum") {
    auto s = scroller_at(8000);
    s.set_extent(5000, 1000);
    CHECK(s.max_offset() == 4000);
    CHECK(s.offset() == 4000);
    const double t = fling(s, -1000);
    REQUIRE(s.moving());
    s.set_extent(2000, 1000);
    CHECK(s.offset() == 1000);
    CHECK_FALSE(s.moving());
    s.update(t + 1);
    CHECK(s.offset() == 1000);
}

TEST_CASE("content that fits never scrolls and has a full thumb") {
    KineticScroller s;
    s.set_extent(600, 1000);
    CHECK(s.max_offset() == 0);
    s.scroll_by(300, 0);
    CHECK(s.offset() == 0);
    const double t = fling(s, 3000);
    CHECK(s.offset() == 0);
    CHECK_FALSE(s.moving());
    s.update(t + 1);
    CHECK(s.offset() == 0);
    CHECK(s.thumb_size() == 1);
    CHECK(s.thumb_start() == 0);
    KineticScroller empty;
    CHECK(empty.thumb_size() == 1);
    CHECK(empty.thumb_start() == 0);
}

TEST_CASE("the thumb shows the visible part of the content") {
    KineticScroller s;
    s.set_extent(4000, 1000);
    CHECK(s.thumb_size() == Approx(0.25));
    CHECK(s.thumb_start() == 0);
    s.scroll_by(1500, 0);
    CHECK(s.thumb_start() == Approx(0.375));
    s.scroll_by(1e6, 0);
    CHECK(s.thumb_start() + s.thumb_size() == Approx(1));
}

TEST_CASE("NaN and infinity are ignored") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    auto s = scroller_at(2000);
    s.set_extent(nan, 1000);
    s.set_extent(10000, inf);
    CHECK(s.max_offset() == 9000);
    s.scroll_by(nan, 0);
    s.scroll_by(inf, 0);
    s.scroll_by(10, nan);
    CHECK(s.offset() == 2000);
    s.press(nan, 0);
    CHECK_FALSE(s.dragging());
    s.press(500, 0);
    s.drag(nan, 0.01);
    s.drag(400, inf);
    s.drag(-inf, 0.02);
    CHECK(s.offset() == 2000);
    s.release(nan); // the finger is up; no momentum from an unknown time
    CHECK_FALSE(s.dragging());
    CHECK_FALSE(s.moving());
    const double t = fling(s, 1000);
    s.update(nan);
    s.update(inf);
    s.update(t + 0.1);
    CHECK(std::isfinite(s.offset()));
    CHECK(s.moving());
    CHECK(std::isfinite(s.thumb_start()));
}

TEST_CASE("time going backwards is harmless") {
    auto s = scroller_at(2000);
    const double t = fling(s, 2000);
    s.update(t + 0.3);
    const double at = s.offset();
    s.update(t + 0.1);
    s.update(-1e9);
    CHECK(s.offset() == at);
    CHECK(s.moving());
    s.update(t + 0.4);
    CHECK(s.offset() > at);

    // Drag samples out of order give a bounded, finite velocity.
    auto d = scroller_at(2000);
    d.press(500, 5);
    d.drag(400, 4.99);
    d.drag(300, 4.98);
    d.drag(200, 5.01);
    d.release(5.02);
    CHECK(d.offset() == Approx(2300));
    run(d, 5.02, frame_60);
    CHECK(std::isfinite(d.offset()));
    CHECK(d.offset() <= 2300 + tau * KineticScroller::max_fling_speed);
}
