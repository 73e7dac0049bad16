// What a visitor's gesture asks for, decided without an app: the tap on the text, the edges, the
// buttons, the attract moment's menu, the operator's corner.
#include "app/visitor_input.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace kiosk;

namespace {

constexpr Size screen{1000, 500};

Gesture tap_at(float x, float y) {
    return {Gesture::Type::Tap, x, y};
}

// A touch that starts and ends at (x, y): the gesture it completes.
Gesture touch(VisitorInput& input, float x, float y, bool loop = false, bool menu = false) {
    input.feed(InputEvent::pointer_down(x, y, 1, 0), loop, menu, false, 0);
    const auto g = input.feed(InputEvent::pointer_up(x, y, 1, 0.1), loop, menu, false, 0.1);
    REQUIRE(g);
    return *g;
}

const std::vector<Button> buttons{{{400, 420, 200, 60}, Action::Overview, -1}};
const std::vector<Button> tiles{{{100, 100, 200, 100}, Action::OpenFinding, 3}};

} // namespace

TEST_CASE("a tap while browsing: buttons act, the edges turn the page, the text does not") {
    VisitorInput input({}, screen, Corner::TopLeft);
    const TouchContext c{View::Slides, false, buttons, 10};
    CHECK(input.intent(touch(input, 500, 440), c) == Intent{Action::Overview});
    CHECK(input.intent(touch(input, 500, 440 - 65), c) == Intent{}); // beyond the slop
    CHECK(input.intent(tap_at(500, 200), c) == Intent{}); // a finger resting on the text
    CHECK(input.intent(tap_at(960, 200), c) == Intent{Action::Next});
    CHECK(input.intent(tap_at(40, 200), c) == Intent{Action::Previous});
    CHECK(input.intent(tap_at(160, 200), c) == Intent{}); // just inside the 15 % strip's edge
}

TEST_CASE("the touch that wakes the loop only wakes it; the menu's opens a tile's finding") {
    VisitorInput input({}, screen, Corner::TopLeft);
    const TouchContext c{View::Slides, false, buttons, 10};
    CHECK(input.intent(touch(input, 960, 200, true), c) == Intent{}); // not even the edge
    CHECK(input.woke() == Woke::Loop);
    const TouchContext menu{View::Slides, false, tiles, 10};
    CHECK(input.intent(touch(input, 150, 150, true, true), menu) ==
          Intent{Action::OpenFinding, 3});
    CHECK(input.woke() == Woke::Menu);
    CHECK(input.intent(touch(input, 700, 300, true, true), menu) == Intent{}); // beside the tiles
    CHECK(input.intent(touch(input, 960, 200), c) == Intent{Action::Next}); // awake: pages turn
    CHECK(input.woke() == Woke::No);
}

TEST_CASE("swipes turn pages only on the slides; views other than the slides ignore edges") {
    VisitorInput input({}, screen, Corner::TopLeft);
    const Gesture left{Gesture::Type::SwipeLeft, 800, 200}, right{Gesture::Type::SwipeRight, 200, 200};
    CHECK(input.intent(left, {View::Slides}) == Intent{Action::Next});
    CHECK(input.intent(right, {View::Slides}) == Intent{Action::Previous});
    CHECK(input.intent(left, {View::Reading}) == Intent{});
    CHECK(input.intent(tap_at(960, 200), {View::Overview}) == Intent{});
}

TEST_CASE("the operator's long press counts in its corner; any tap closes the overlay") {
    VisitorInput input({}, screen, Corner::BottomRight);
    const Gesture corner{Gesture::Type::LongPress, 990, 495}, other{Gesture::Type::LongPress, 10, 10};
    CHECK(input.intent(corner, {}).status == Intent::Status::Open);
    CHECK(input.intent(other, {}) == Intent{});
    const TouchContext open{View::Slides, true, buttons, 10};
    CHECK(input.intent(tap_at(500, 440), open) == Intent{.status = Intent::Status::Close});
}

TEST_CASE("in the reading view the finger drags the text, and a second finger stops it") {
    VisitorInput input({}, screen, Corner::TopLeft);
    input.scroller().set_extent(2000, 400);
    input.feed(InputEvent::pointer_down(500, 400, 1, 0), false, false, true, 0);
    input.feed(InputEvent::pointer_move(500, 250, 1, 0.1), false, false, true, 0.1);
    CHECK(input.scroller().offset() == Approx(150));
    input.feed(InputEvent::pointer_down(600, 300, 2, 0.15), false, false, true, 0.15);
    CHECK_FALSE(input.scroller().dragging());
    input.reset();
    CHECK_FALSE(input.gestures().active());
}
