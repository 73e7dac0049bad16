#include "nav/gestures.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using T = InputEvent::Type;

namespace {

InputEvent ev(T type, long long id, float x, float y, double t) {
    return InputEvent::pointer_event(type, x, y, id, t);
}

GestureRecognizer recognizer() {
    return GestureRecognizer({}, 1000, 600);
}

} // namespace

TEST_CASE("a quick touch without movement is a tap where it started") {
    auto g = recognizer();
    CHECK_FALSE(g.feed(ev(T::PointerDown, 1, 800, 300, 0)));
    const auto tap = g.feed(ev(T::PointerUp, 1, 805, 302, 0.15));
    REQUIRE(tap);
    CHECK(tap->type == Gesture::Type::Tap);
    CHECK(tap->x == 800);
}

TEST_CASE("a horizontal drag is a swipe; its direction decides left or right") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 800, 300, 0));
    g.feed(ev(T::PointerMove, 1, 600, 310, 0.1));
    CHECK(g.drag_dx() == -200);
    const auto left = g.feed(ev(T::PointerUp, 1, 500, 310, 0.2));
    REQUIRE(left);
    CHECK(left->type == Gesture::Type::SwipeLeft);
    g.feed(ev(T::PointerDown, 2, 100, 300, 1));
    const auto right = g.feed(ev(T::PointerUp, 2, 400, 280, 1.3));
    REQUIRE(right);
    CHECK(right->type == Gesture::Type::SwipeRight);
}

TEST_CASE("too short, too vertical or too slow is no gesture") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 500, 300, 0));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 1, 550, 300, 0.2))); // 50 px < 8% of 1000
    g.feed(ev(T::PointerDown, 1, 500, 100, 1));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 1, 600, 400, 1.2))); // mostly vertical
    g.feed(ev(T::PointerDown, 1, 500, 300, 2));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 1, 300, 300, 5))); // slow and short of a third: no swipe
    g.feed(ev(T::PointerDown, 1, 500, 300, 6));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 1, 500, 300, 7))); // a long press is not a tap
}

TEST_CASE("a slow, deliberate swipe commits on distance, however long it takes") {
    auto g = recognizer();
    // 56 % of the width in 2 s snapped back before: an older visitor's swipe.
    g.feed(ev(T::PointerDown, 1, 800, 300, 0));
    for (int i = 1; i <= 20; ++i)
        g.feed(ev(T::PointerMove, 1, 800 - 28.f * i, 300 + i % 3, 0.1 * i));
    const auto left = g.feed(ev(T::PointerUp, 1, 240, 302, 2.05));
    REQUIRE(left);
    CHECK(left->type == Gesture::Type::SwipeLeft);
    // Just over a third, in 1.5 s, to the right.
    g.feed(ev(T::PointerDown, 2, 100, 300, 10));
    const auto right = g.feed(ev(T::PointerUp, 2, 440, 320, 11.5));
    REQUIRE(right);
    CHECK(right->type == Gesture::Type::SwipeRight);
    // Just under a third, slowly: the slide snaps back.
    g.feed(ev(T::PointerDown, 3, 100, 300, 20));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 3, 420, 300, 21.5)));
}

TEST_CASE("a second finger during a swipe cancels it") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 800, 300, 0));
    g.feed(ev(T::PointerDown, 2, 820, 320, 0.05));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 1, 300, 300, 0.2)));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 2, 300, 300, 0.25)));
    CHECK_FALSE(g.active());
    // And the next single touch works again.
    g.feed(ev(T::PointerDown, 3, 500, 300, 1));
    CHECK(g.feed(ev(T::PointerUp, 3, 500, 300, 1.1)));
}

TEST_CASE("ten fingers at once produce at most nothing, and leave nothing stuck") {
    auto g = recognizer();
    int gestures = 0;
    for (int f = 0; f < 10; ++f)
        gestures += g.feed(ev(T::PointerDown, f, 100.f * f, 300, 0)).has_value();
    for (int f = 0; f < 10; ++f)
        gestures += g.feed(ev(T::PointerUp, f, 100.f * f - 300, 300, 0.2)).has_value();
    CHECK(gestures == 0);
    CHECK_FALSE(g.active());
    CHECK(g.drag_dx() == 0);
}

TEST_CASE("lifting the first finger while another stays does not start a new gesture") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 500, 300, 0));
    g.feed(ev(T::PointerDown, 2, 600, 300, 0.01));
    g.feed(ev(T::PointerUp, 1, 500, 300, 0.05));
    g.feed(ev(T::PointerMove, 2, 100, 300, 0.1));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 2, 100, 300, 0.2)));
}

TEST_CASE("an up without a down, or a cancel, is harmless") {
    auto g = recognizer();
    CHECK_FALSE(g.feed(ev(T::PointerUp, 9, 0, 0, 0)));
    g.feed(ev(T::PointerDown, 1, 500, 300, 1));
    CHECK_FALSE(g.feed(ev(T::PointerCancel, 1, 100, 300, 1.1)));
    CHECK_FALSE(g.active());
}

TEST_CASE("a lost finger-up does not block touch: a repeated down restarts") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 500, 300, 0)); // its up never comes
    g.feed(ev(T::PointerDown, 1, 500, 300, 2)); // the same finger again
    CHECK(g.feed(ev(T::PointerUp, 1, 500, 300, 2.1)));
}

TEST_CASE("a finger silent for long is forgotten, so the next touch works") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 500, 300, 0)); // lost
    g.feed(ev(T::PointerDown, 2, 500, 300, 30));
    CHECK(g.feed(ev(T::PointerUp, 2, 500, 300, 30.1)));
}

TEST_CASE("CancelAll forgets every finger") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 500, 300, 0));
    g.feed(ev(T::PointerDown, 2, 600, 300, 0.1));
    g.feed(ev(T::CancelAll, 0, 0, 0, 0.2));
    CHECK_FALSE(g.active());
    g.feed(ev(T::PointerDown, 3, 500, 300, 1));
    CHECK(g.feed(ev(T::PointerUp, 3, 500, 300, 1.1)));
}

TEST_CASE("a long press is reported once, by time, and is then no tap") {
    GestureRecognizer g({}, 1000, 600);
    g.feed(ev(T::PointerDown, 1, 10, 10, 0));
    CHECK(g.hold_deadline() == Approx(4.0));
    CHECK_FALSE(g.poll(3.9));
    const auto hold = g.poll(4.0);
    REQUIRE(hold);
    CHECK(hold->type == Gesture::Type::LongPress);
    CHECK_FALSE(g.poll(5));
    CHECK_FALSE(g.feed(ev(T::PointerUp, 1, 10, 10, 5)));
}

TEST_CASE("moving away cancels a long press") {
    auto g = recognizer();
    g.feed(ev(T::PointerDown, 1, 10, 10, 0));
    g.feed(ev(T::PointerMove, 1, 200, 10, 1));
    CHECK_FALSE(g.poll(10));
}
