#pragma once
// Sizes derived from the screen, so one deck reads the same from a 7-inch 800x480 panel to a 4K
// screen, in landscape and portrait. Everything scales with the shorter side.
#include "layout/geometry.h"

#include <algorithm>

namespace kiosk {

struct ScreenMetrics {
    explicit ScreenMetrics(Size screen)
        : screen(screen), unit(std::max(1, std::min(screen.w, screen.h))) {}

    Size screen;
    int unit;

    // Body text: 1/16 of the shorter side nominally; the readable minimum is 1/24 (45 px at 1080p).
    int body_px() const { return std::max(8, unit / 16); }
    int min_body_px() const { return std::max(8, unit / 24); }
    double min_scale() const { return static_cast<double>(min_body_px()) / body_px(); }
    int title_px() const { return std::max(10, unit / 9); }
    int heading_px() const { return std::max(9, unit / 12); }
    int label_px() const { return std::max(8, unit / 24); }
    int footer_px() const { return std::max(8, unit / 30); }

    int margin_x() const { return std::max(8, screen.w * 6 / 100); }
    int margin_top() const { return std::max(8, screen.h * 7 / 100); }
    int footer_h() const { return std::max(16, unit * 10 / 100); }

    // Where slide content goes: inside the margins and a gap above the footer (progress, and
    // the controls while a visitor browses), so that a button never touches the text.
    Rect content_box() const {
        const int x = margin_x();
        const int y = margin_top();
        return {x, y, screen.w - 2 * x, screen.h - y - footer_h() - unit / 40};
    }
};

} // namespace kiosk
