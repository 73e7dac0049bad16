#include "platform/scanout_damage.h"

#include <algorithm>
#include <utility>

namespace kiosk {
namespace {

Rect clipped(const Rect& r, Size screen) {
    const int x0 = std::clamp(r.x, 0, screen.w), y0 = std::clamp(r.y, 0, screen.h);
    const int x1 = std::clamp(r.right(), 0, screen.w), y1 = std::clamp(r.bottom(), 0, screen.h);
    return {x0, y0, x1 - x0, y1 - y0};
}

Rect bounding_box(const std::vector<Rect>& areas) {
    int x0 = areas[0].x, y0 = areas[0].y, x1 = areas[0].right(), y1 = areas[0].bottom();
    for (const Rect& a : areas) {
        x0 = std::min(x0, a.x);
        y0 = std::min(y0, a.y);
        x1 = std::max(x1, a.right());
        y1 = std::max(y1, a.bottom());
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

} // namespace

ScanoutDamage::ScanoutDamage(Size screen) : screen_(screen) {
    // Both buffers start black, the picture does not: the first frame fills each whole.
    changed({{0, 0, screen.w, screen.h}});
}

void ScanoutDamage::changed(const std::vector<Rect>& areas) {
    for (auto& backlog : backlog_) {
        for (const Rect& a : areas) {
            const Rect c = clipped(a, screen_);
            if (c.w <= 0 || c.h <= 0) continue;
            const bool covered = std::any_of(backlog.begin(), backlog.end(),
                                             [&](const Rect& b) { return b.contains(c); });
            if (!covered) backlog.push_back(c);
        }
        if (backlog.size() > max_areas) backlog = {bounding_box(backlog)};
    }
}

std::vector<Rect> ScanoutDamage::take(int buffer) {
    return std::exchange(backlog_[static_cast<std::size_t>(buffer & 1)], {});
}

} // namespace kiosk
