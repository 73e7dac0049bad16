#include "app/attract_moment.h"

#include <algorithm>

namespace kiosk {

void AttractMoment::update(int loops_completed, bool attract, double now, double first_slide_s) {
    updated_at_ = now;
    if (!attract) {
        until_ = std::min(until_, now); // a visitor is browsing: no menu over their slide
        loops_ = loops_completed;
        return;
    }
    if (loops_completed <= loops_) return;
    loops_ = loops_completed;
    start_ = now;
    until_ = now + std::min(length_s, first_slide_s);
}

double AttractMoment::opacity(double now) const {
    if (now < start_ || now >= until_) return 0;
    return std::clamp(std::min(now - start_, until_ - now) / fade_s, 0.0, 1.0);
}

bool AttractMoment::fading(double now) const {
    const double o = opacity(now);
    return o > 0 && o < 1;
}

double AttractMoment::seconds_until_change(double now) const {
    if (now >= until_) return std::numeric_limits<double>::infinity();
    const double fade_out = until_ - fade_s;
    return now < fade_out ? fade_out - now : 0;
}

} // namespace kiosk
