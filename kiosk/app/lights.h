#pragma once
// Whether the screen is lit: dark outside opening hours, unless a touch woke it for a while (the
// organiser checking the kiosk before the doors open). Plain state, asked by the app.
#include <algorithm>
#include <limits>

namespace kiosk {

class Lights {
  public:
    // What the opening hours say now; true when the screen goes dark or lights up.
    bool set_open(bool open, double now) {
        open_ = open;
        const bool dark = !open && now >= woken_until_;
        if (dark == dark_) return false;
        dark_ = dark;
        return true;
    }
    // A touch or key outside opening hours keeps the screen lit for lit_s from now (the caller
    // then calls set_open). Returns whether it was dark: such a touch only wakes the screen.
    bool touched(double now, double lit_s) {
        woken_until_ = now + lit_s;
        return dark_;
    }
    bool open() const { return open_; }
    bool dark() const { return dark_; }
    // When a touch's light goes out, as a delay from now (infinity when nothing will change).
    double seconds_until_dark(double now) const {
        if (open_ || dark_) return std::numeric_limits<double>::infinity();
        return std::max(0.0, woken_until_ - now);
    }

  private:
    bool open_ = true;
    bool dark_ = false;
    double woken_until_ = -1e9;
};

} // namespace kiosk
