// The two scanout buffers' backlogs: a buffer that was on screen during a frame takes that
// frame's changes before it is shown again, so nothing drawn is ever lost on the screen.
#include "platform/scanout_damage.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kiosk;

namespace {
using Rects = std::vector<Rect>;
const Size screen{800, 480};
const Rect whole{0, 0, 800, 480};
} // namespace

TEST_CASE("both buffers start black, so each takes the whole picture once") {
    ScanoutDamage d(screen);
    d.changed({{10, 10, 20, 20}}); // inside the whole screen: nothing more to copy
    CHECK(d.take(1) == Rects{whole});
    CHECK(d.take(0) == Rects{whole});
    CHECK(d.take(1).empty());
}

TEST_CASE("a buffer takes what changed while it was on screen, not only the newest frame") {
    ScanoutDamage d(screen);
    d.take(0);
    d.take(1);
    const Rect first{0, 0, 100, 50}, second{200, 100, 10, 10};
    d.changed({first});
    CHECK(d.take(1) == Rects{first}); // buffer 1 goes on screen with frame 1
    d.changed({second});
    CHECK(d.take(0) == Rects{first, second}); // buffer 0 missed frame 1
    d.changed({});
    CHECK(d.take(1) == Rects{second});
}

TEST_CASE("areas are clipped to the screen; empty and covered ones are left out") {
    ScanoutDamage d(screen);
    d.take(0);
    d.take(1);
    d.changed({{-10, 470, 30, 40}, {900, 0, 10, 10}, {5, 5, 0, 9}});
    CHECK(d.take(0) == Rects{{0, 470, 20, 10}});
    d.changed({{0, 0, 400, 400}, {10, 10, 5, 5}});
    CHECK(d.take(0) == Rects{{0, 0, 400, 400}});
}

TEST_CASE("a long backlog becomes one bounding box, so it cannot grow without end") {
    ScanoutDamage d(screen);
    d.take(0);
    d.take(1);
    for (int i = 0; i < 40; ++i)
        d.changed({{i * 10, i * 5, 4, 4}});
    const Rects backlog = d.take(0);
    CHECK(backlog.size() <= 17);
    CHECK(backlog.front().x == 0);
    CHECK(backlog.front().y == 0);
    for (int i = 0; i < 40; ++i) { // every change is still in it
        const Rect r{i * 10, i * 5, 4, 4};
        CHECK(std::any_of(backlog.begin(), backlog.end(),
                          [&](const Rect& b) { return b.contains(r); }));
    }
}
