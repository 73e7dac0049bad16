#pragma once
// What each of the screen's two scanout buffers still lacks. The kiosk draws every frame into one
// picture in memory and sends only the areas that changed; the screen shows one buffer while the
// other is filled, then flips. A buffer that was on screen during the last frame missed that
// frame's changes, so before it is shown again it takes its own backlog, not just the newest
// frame's areas. Plain C++, so the bookkeeping is tested without a screen.
#include "layout/geometry.h"

#include <array>
#include <vector>

namespace kiosk {

class ScanoutDamage {
  public:
    explicit ScanoutDamage(Size screen);
    // A frame changed these areas of the picture: both buffers now lack them.
    void changed(const std::vector<Rect>& areas);
    // What buffer (0 or 1) must take from the picture before it is shown; it is up to date after.
    std::vector<Rect> take(int buffer);

  private:
    // Past this many areas a backlog becomes their bounding box: one larger copy is cheaper than
    // many small ones, and the list cannot grow while a buffer waits.
    static constexpr std::size_t max_areas = 16;
    Size screen_;
    std::array<std::vector<Rect>, 2> backlog_;
};

} // namespace kiosk
