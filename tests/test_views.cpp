// How the browsing views draw: the reading view's edges fade where its text goes on.
#include "support/recording_canvas.h"
#include "view/views.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

constexpr Rect viewport{100, 200, 600, 300};
const Color background{10, 20, 30, 255};

// The fills that touch the viewport's top edge (y == 200) or its bottom edge (ending at 500).
struct Edges {
    int top = 0, bottom = 0;
};
Edges fades_at_edges(const ScrollState& scroll, std::uint8_t alpha = 255) {
    test::RecordingCanvas canvas;
    draw_edge_fades(canvas, viewport, scroll, background, alpha);
    Edges e;
    for (const auto& [r, c] : canvas.fills) {
        CHECK(viewport.contains(r)); // never over the heading or the button below
        CHECK(c.r == background.r);
        if (r.y == viewport.y) {
            ++e.top;
            CHECK(c.a == alpha); // fully the background at the edge itself
        }
        if (r.bottom() == viewport.bottom()) ++e.bottom;
    }
    return e;
}

} // namespace

TEST_CASE("the reading view fades an edge only where the text goes on beyond it") {
    SECTION("a text that fits has no fade") {
        const auto e = fades_at_edges({0, 0, 1});
        CHECK(e.top == 0);
        CHECK(e.bottom == 0);
    }
    SECTION("at the start: more below only") {
        const auto e = fades_at_edges({0, 0, 0.4});
        CHECK(e.top == 0);
        CHECK(e.bottom == 1);
    }
    SECTION("in the middle: both edges") {
        const auto e = fades_at_edges({300, 0.3, 0.4});
        CHECK(e.top == 1);
        CHECK(e.bottom == 1);
    }
    SECTION("at the end: more above only") {
        const auto e = fades_at_edges({450, 0.6, 0.4});
        CHECK(e.top == 1);
        CHECK(e.bottom == 0);
    }
    SECTION("while the view fades in, so does the fade") {
        const auto e = fades_at_edges({300, 0.3, 0.4}, 100);
        CHECK(e.top == 1);
    }
}

TEST_CASE("an edge fade grows lighter away from the edge") {
    test::RecordingCanvas canvas;
    draw_edge_fades(canvas, viewport, {300, 0.3, 0.4}, background, 255);
    int last_y = -1, last_a = 256;
    for (const auto& [r, c] : canvas.fills) {
        if (r.y >= viewport.y + viewport.h / 2) continue; // the top fade only
        CHECK(r.y > last_y);
        CHECK(c.a < last_a);
        last_y = r.y;
        last_a = c.a;
    }
    CHECK(last_a > 0); // the last band is still a little covered: no hard line where it ends
}
