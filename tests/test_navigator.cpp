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
