#pragma once
#include <chrono>

namespace kiosk {

// Seconds since start, optionally running fast (--time-scale) for previews and tests.
class ScaledClock {
  public:
    explicit ScaledClock(double scale) : scale_(scale) {}
    double now() const {
        const std::chrono::duration<double> d = std::chrono::steady_clock::now() - start_;
        return d.count() * scale_;
    }
    double scale() const { return scale_; }

  private:
    double scale_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace kiosk
