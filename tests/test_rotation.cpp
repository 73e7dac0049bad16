#include "input/rotation.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace kiosk;

namespace {

constexpr Size panel{800, 480};
constexpr Rotation all_rotations[] = {Rotation::R0, Rotation::R90, Rotation::R180, Rotation::R270};

bool near(PointF a, PointF b) {
    return std::fabs(a.x - b.x) < 1e-3f && std::fabs(a.y - b.y) < 1e-3f;
}

struct Pair {
    PointF logical, physical;
};

void check_pairs(Rotation r, std::initializer_list<Pair> pairs) {
    const Size logical = logical_size(panel, r);
    for (const auto& p : pairs) {
        INFO("rotation " << int(r) << ", logical (" << p.logical.x << ", " << p.logical.y << ")");
        CHECK(near(logical_to_physical(p.logical, logical, r), p.physical));
        CHECK(near(physical_to_logical(p.physical, panel, r), p.logical));
    }
}

} // namespace

TEST_CASE("rotation_from_degrees accepts only quarter turns") {
    CHECK(rotation_from_degrees(0) == Rotation::R0);
    CHECK(rotation_from_degrees(90) == Rotation::R90);
    CHECK(rotation_from_degrees(180) == Rotation::R180);
    CHECK(rotation_from_degrees(270) == Rotation::R270);
    CHECK_FALSE(rotation_from_degrees(45));
    CHECK_FALSE(rotation_from_degrees(-90));
    CHECK_FALSE(rotation_from_degrees(360));
}

TEST_CASE("the logical size swaps for quarter turns") {
    CHECK(logical_size(panel, Rotation::R0) == Size{800, 480});
    CHECK(logical_size(panel, Rotation::R90) == Size{480, 800});
    CHECK(logical_size(panel, Rotation::R180) == Size{800, 480});
    CHECK(logical_size(panel, Rotation::R270) == Size{480, 800});
}

TEST_CASE("corners and centre for each rotation") {
    check_pairs(Rotation::R0,
                {{{0, 0}, {0, 0}}, {{800, 480}, {800, 480}}, {{400, 240}, {400, 240}}});
    // R90: the logical top edge runs down the physical right edge.
    check_pairs(Rotation::R90, {{{0, 0}, {800, 0}},
                                {{480, 0}, {800, 480}},
                                {{0, 800}, {0, 0}},
                                {{480, 800}, {0, 480}},
                                {{240, 400}, {400, 240}}});
    check_pairs(Rotation::R180, {{{0, 0}, {800, 480}},
                                 {{800, 0}, {0, 480}},
                                 {{0, 480}, {800, 0}},
                                 {{800, 480}, {0, 0}},
                                 {{400, 240}, {400, 240}}});
    // R270: the logical top edge runs up the physical left edge.
    check_pairs(Rotation::R270, {{{0, 0}, {0, 480}},
                                 {{480, 0}, {0, 0}},
                                 {{0, 800}, {800, 480}},
                                 {{480, 800}, {800, 0}},
                                 {{240, 400}, {400, 240}}});
}

TEST_CASE("a touch near the physical top-right is near the logical top-left with R90") {
    const PointF p = physical_to_logical({790, 10}, panel, Rotation::R90);
    CHECK(p.x == Approx(10));
    CHECK(p.y == Approx(10));
    // Pixel centres map to pixel centres: logical pixel (0,0) is physical pixel (W-1, 0).
    const PointF c =
        logical_to_physical({0.5f, 0.5f}, logical_size(panel, Rotation::R90), Rotation::R90);
    CHECK(c.x == Approx(799.5));
    CHECK(c.y == Approx(0.5));
}

TEST_CASE("logical -> physical -> logical is the identity") {
    for (Rotation r : all_rotations) {
        const Size logical = logical_size(panel, r);
        for (int i = 0; i <= 20; ++i) {
            for (int j = 0; j <= 20; ++j) {
                // A grid with off-grid quarter pixels, inside [0,w]x[0,h].
                const PointF p{(logical.w - 1) * i / 20.f + 0.25f * (i % 3), logical.h * j / 20.f};
                INFO("rotation " << int(r) << ", point (" << p.x << ", " << p.y << ")");
                const PointF there = logical_to_physical(p, logical, r);
                CHECK(there.x >= 0);
                CHECK(there.y >= 0);
                CHECK(there.x <= panel.w);
                CHECK(there.y <= panel.h);
                CHECK(near(physical_to_logical(there, panel, r), p));
            }
        }
    }
}

TEST_CASE("SDL's clockwise rotation of the destination agrees with the touch mapping") {
    for (Rotation r : all_rotations) {
        const Rect dst = render_destination(panel, r);
        CHECK(dst.w == logical_size(panel, r).w);
        CHECK(dst.h == logical_size(panel, r).h);
        // SDL_RenderCopyEx turns dst clockwise (y down) about its centre.
        const double a = render_angle(r) * std::numbers::pi / 180;
        const double cx = dst.x + dst.w / 2.0, cy = dst.y + dst.h / 2.0;
        CHECK(cx == panel.w / 2.0);
        CHECK(cy == panel.h / 2.0);
        for (PointF p : {PointF{0, 0}, PointF{float(dst.w), 0}, PointF{37, 111}}) {
            const double dx = dst.x + p.x - cx, dy = dst.y + p.y - cy;
            const PointF drawn{float(cx + dx * std::cos(a) - dy * std::sin(a)),
                               float(cy + dx * std::sin(a) + dy * std::cos(a))};
            INFO("rotation " << int(r));
            CHECK(near(drawn, logical_to_physical(p, {dst.w, dst.h}, r)));
        }
    }
    CHECK(render_angle(Rotation::R0) == 0);
    CHECK(render_angle(Rotation::R90) == 90);
    CHECK(render_angle(Rotation::R270) == 270);
    CHECK(render_destination(panel, Rotation::R90) == Rect{160, -160, 480, 800});
}
