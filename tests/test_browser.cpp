#include "nav/browser.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// Five slides; finding 0 opens at slide 1, finding 1 at slide 3.
Browser make(double now = 0) {
    return Browser({10, 10, 10, 10, 10}, {1, 3}, {30, 0.5}, now);
}

} // namespace

TEST_CASE("the browser starts in the attract loop on the slides") {
    Browser b = make();
    CHECK(b.view() == View::Slides);
    CHECK(b.mode() == Mode::Attract);
    b.update(10);
    CHECK(b.slides().current() == 1);
}

TEST_CASE("overview, choosing a finding, and back") {
    Browser b = make();
    b.open_overview(1);
    CHECK(b.view() == View::Overview);
    CHECK(b.mode() == Mode::Browsing);
    REQUIRE(b.view_change(1.1));
    CHECK(b.view_change(1.1)->to == View::Overview);
    CHECK_FALSE(b.view_change(1.3));
    b.choose_finding(1, 2);
    CHECK(b.view() == View::Slides);
    CHECK(b.slides().current() == 3);
    b.open_overview(3);
    b.close(4);
    CHECK(b.view() == View::Slides);
    CHECK(b.slides().current() == 3);
}

TEST_CASE("reading a finding, and a bad finding index is ignored") {
    Browser b = make();
    b.open_reading(0, 1);
    CHECK(b.view() == View::Reading);
    CHECK(b.reading_finding() == 0);
    b.close(2);
    b.open_reading(7, 3);
    CHECK(b.view() == View::Slides);
    b.choose_finding(-1, 4);
    CHECK(b.slides().current() == 0);
}

TEST_CASE("the loop does not advance while a view is open, and idle returns from any view") {
    for (View v : {View::Overview, View::Reading, View::Slides}) {
        Browser b = make();
        if (v == View::Overview)
            b.open_overview(1);
        else if (v == View::Reading)
            b.open_reading(1, 1);
        else
            b.next(1);
        const int slide = b.slides().current();
        b.update(30.9);
        CHECK(b.view() == v);
        CHECK(b.slides().current() == slide);
        b.update(31);
        CHECK(b.view() == View::Slides);
        CHECK(b.mode() == Mode::Attract);
        CHECK(b.slides().current() == 0);
        if (v != View::Slides) {
            REQUIRE(b.view_change(31.1)); // it fades out, no jump
            CHECK(b.view_change(31.1)->from == v);
        }
    }
}

TEST_CASE("activity in a view keeps it open") {
    Browser b = make();
    b.open_reading(0, 1);
    b.activity(25);
    b.update(50);
    CHECK(b.view() == View::Reading);
    b.update(55);
    CHECK(b.view() == View::Slides);
}

TEST_CASE("the browser wakes for view fades, then sleeps until the idle return") {
    Browser b = make();
    b.open_overview(1);
    CHECK(b.seconds_until_change(1.1) == 0);
    CHECK(b.seconds_until_change(2) == Approx(29));
}
