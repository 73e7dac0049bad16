#include "content/qr.h"
#include "layout/media_layout.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// The 7x7 finder pattern: a dark ring, a light ring, a dark 3x3 centre.
bool finder_at(const QrMatrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            const bool dark = ring != 2;
            if (m.at(x0 + x, y0 + y) != dark) return false;
        }
    return true;
}

} // namespace

TEST_CASE("a URL becomes a QR matrix with finder patterns in three corners") {
    const auto qr = make_qr("https://www.serv.be");
    REQUIRE(qr);
    CHECK(qr->size == 25); // version 2 at medium error correction
    CHECK(qr->dark.size() == 25u * 25u);
    CHECK(finder_at(*qr, 0, 0));
    CHECK(finder_at(*qr, qr->size - 7, 0));
    CHECK(finder_at(*qr, 0, qr->size - 7));
    CHECK_FALSE(finder_at(*qr, qr->size - 7, qr->size - 7));
    // Timing pattern between the top finders alternates dark and light.
    for (int x = 8; x < qr->size - 8; ++x)
        CHECK(qr->at(x, 6) == (x % 2 == 0));
}

TEST_CASE("different text gives a different matrix; the same text the same one") {
    CHECK(make_qr("https://www.serv.be")->dark == make_qr("https://www.serv.be")->dark);
    CHECK(make_qr("https://www.serv.be")->dark != make_qr("https://www.serv.be/x")->dark);
}

TEST_CASE("empty or oversized text gives no QR code") {
    CHECK_FALSE(make_qr(""));
    CHECK_FALSE(make_qr(std::string(5000, 'a')));
}

TEST_CASE("the QR side is a whole number of pixels per module, quiet zone included") {
    CHECK(qr_side(25, 400) == 396); // 33 modules with the zone, 12 px each
    CHECK(qr_side(25, 32) == 0);
    CHECK(qr_side(25, 33) == 33);
}

TEST_CASE("contain keeps proportions inside the area, centred") {
    const Rect r = contain(400, 200, {0, 0, 100, 100});
    CHECK(r == Rect{0, 25, 100, 50});
    CHECK(contain(0, 10, {0, 0, 100, 100}).w == 0);
}
