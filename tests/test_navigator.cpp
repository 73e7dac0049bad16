#include "nav/navigator.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Navigator three_slides(double now = 0) {
    return Navigator({10, 20, 5}, {60, 0.5}, now);
}

} // namespace

TEST_CASE("the attract loop advances on each slide's timer and wraps") {
    Navigator nav = three_slides();
    nav.update(9.9);
    CHECK(nav.current() == 0);
    nav.update(10);
    CHECK(nav.current() == 1);
    nav.update(29.9);
    CHECK(nav.current() == 1);
    nav.update(30);
    CHECK(nav.current() == 2);
    nav.update(35);
    CHECK(nav.current() == 0);
    CHECK(nav.loops_completed() == 1);
    CHECK(nav.mode() == Mode::Attract);
}

TEST_CASE("the loop can start at any slide, for its whole time, and go on from there") {
    Navigator nav = three_slides();
    nav.start_at(1, 2);
    CHECK(nav.current() == 1);
    CHECK(nav.mode() == Mode::Attract);
    CHECK_FALSE(nav.transition(2)); // nothing to fade from
    CHECK(nav.elapsed_fraction(2) == 0);
    nav.update(21.9);
    CHECK(nav.current() == 1); // its 20 s from the start, not from the loop's
    nav.update(22);
    CHECK(nav.current() == 2);
    CHECK(nav.transition(22.1));
    nav.update(27);
    CHECK(nav.current() == 0);
    CHECK(nav.loops_completed() == 1);
}

TEST_CASE("the loop fades; a visitor's move slides in the direction of travel") {
    Navigator nav = three_slides();
    nav.update(10);
    auto t = nav.transition(10.25);
    REQUIRE(t);
    CHECK(t->fade);
    CHECK(t->progress == Approx(0.5));
    CHECK_FALSE(nav.transition(10.5));
    nav.previous(11);
    t = nav.transition(11);
    REQUIRE(t);
    CHECK_FALSE(t->fade);
    CHECK(t->direction == -1);
    CHECK(t->from == 1);
    CHECK(t->to == 0);
}

TEST_CASE("touch pauses the loop; idle time returns to it from the first slide") {
    Navigator nav = three_slides();
    nav.next(1);
    CHECK(nav.current() == 1);
    CHECK(nav.mode() == Mode::Browsing);
    nav.update(50); // a slide timer would have fired long ago
    CHECK(nav.current() == 1);
    nav.activity(55);
    nav.update(114.9);
    CHECK(nav.mode() == Mode::Browsing);
    nav.update(115);
    CHECK(nav.mode() == Mode::Attract);
    CHECK(nav.current() == 0);
    REQUIRE(nav.transition(115));
    CHECK(nav.transition(115)->fade);
}

TEST_CASE("browsing wraps at both ends; go_to picks the direction") {
    Navigator nav = three_slides();
    nav.previous(1);
    CHECK(nav.current() == 2);
    nav.next(2);
    CHECK(nav.current() == 0);
    nav.go_to(2, 3);
    CHECK(nav.transition(3)->direction == 1);
    nav.go_to(7, 4); // out of range wraps rather than crashing
    CHECK(nav.current() == 1);
}

TEST_CASE("seconds_until_change tells the loop how long it may sleep") {
    Navigator nav = three_slides();
    CHECK(nav.seconds_until_change(4) == Approx(6));
    nav.next(5);
    CHECK(nav.seconds_until_change(5.1) == 0); // mid-transition: frames needed
    CHECK(nav.seconds_until_change(6) == Approx(59));
}

TEST_CASE("elapsed fraction runs from 0 to 1 over the slide, and is 0 while browsing") {
    Navigator nav = three_slides();
    CHECK(nav.elapsed_fraction(5) == Approx(0.5));
    CHECK(nav.elapsed_fraction(9.99) < 1.0);
    nav.activity(6);
    CHECK(nav.elapsed_fraction(7) == 0);
}

TEST_CASE("a one-slide deck stays put and still counts loops") {
    Navigator nav({5}, {60, 0.5}, 0);
    nav.update(5);
    nav.update(10);
    CHECK(nav.current() == 0);
    CHECK(nav.loops_completed() == 2);
    CHECK_FALSE(nav.transition(10));
}

TEST_CASE("an empty list of durations does not break the navigator") {
    Navigator nav({}, {60, 0.5}, 0);
    nav.next(1);
    nav.update(100);
    CHECK(nav.current() == 0);
}

namespace {

// A navigator in a hall: its app clock starts at `started` (any origin), the hall's clock is the
// wall clock, `offset` off when given.
struct HallKiosk {
    Navigator nav;
    double started, offset;
    HallKiosk(double started_wall, double offset_s = 0)
        : nav({5, 7, 3}, {60, 0.7}, 1000), started(started_wall), offset(offset_s) {}
    void at(double wall) {
        nav.follow_hall(wall + offset);
        nav.update(1000 + wall - started);
    }
    double local(double wall) const { return 1000 + wall - started; }
};

} // namespace

TEST_CASE("kiosks in a hall show the same slide and start the same transition, whenever each "
          "was started") {
    HallKiosk a(1'700'000'000.0), b(1'700'000'013.4); // b switched on 13.4 s later
    for (double wall = 1'700'000'020.0; wall < 1'700'000'080.0; wall += 0.05) {
        a.at(wall);
        b.at(wall);
        REQUIRE(a.nav.current() == b.nav.current());
        const auto ta = a.nav.transition(a.local(wall)), tb = b.nav.transition(b.local(wall));
        REQUIRE(ta.has_value() == tb.has_value());
        if (ta) CHECK(ta->progress == Approx(tb->progress).margin(1e-6));
    }
    CHECK(a.nav.loops_completed() > 0);
}

TEST_CASE("the slide a kiosk shows is the wall clock modulo the loop's length") {
    HallKiosk k(0);
    const double loop = 5 + 7 + 3;
    k.at(1'700'000'000.0 - std::fmod(1'700'000'000.0, loop) + 6); // 6 s into a round: slide 2
    CHECK(k.nav.current() == 1);
    CHECK(k.nav.elapsed_fraction(k.local(1'700'000'000.0 - std::fmod(1'700'000'000.0, loop) + 6)) ==
          Approx(1.0 / 7));
}

TEST_CASE("a clock off by some time shows the loop off by that time") {
    HallKiosk a(0), b(0, 0.25);
    double a_changed = -1, b_changed = -1;
    int a_slide = -1, b_slide = -1;
    for (double wall = 1'700'000'000.0; wall < 1'700'000'020.0; wall += 0.001) {
        a.at(wall);
        b.at(wall);
        if (a_slide >= 0 && a.nav.current() != a_slide && a_changed < 0) a_changed = wall;
        if (b_slide >= 0 && b.nav.current() != b_slide && b_changed < 0) b_changed = wall;
        a_slide = a.nav.current();
        b_slide = b.nav.current();
    }
    REQUIRE(a_changed > 0);
    CHECK(a_changed - b_changed == Approx(0.25).margin(0.002));
}

TEST_CASE("after a visitor's pause the kiosk rejoins the hall's slide with a fade, not slide 1") {
    HallKiosk k(0);
    const double loop = 15, round = 1'700'000'000.0 - std::fmod(1'700'000'000.0, loop);
    k.at(round + 1);
    k.nav.next(k.local(round + 1)); // a visitor: slide 2
    k.at(round + 2);
    REQUIRE(k.nav.mode() == Mode::Browsing);
    const double back = round + 2 + 60 + 0.5; // the idle return, in the next round's slide 1
    k.at(back);
    CHECK(k.nav.mode() == Mode::Attract);
    const double p = std::fmod(back, loop);
    CHECK(k.nav.current() == (p < 5 ? 0 : p < 12 ? 1 : 2));
    const auto t = k.nav.transition(k.local(back));
    REQUIRE(t);
    CHECK(t->fade);
    CHECK(t->progress == Approx(0));
}
