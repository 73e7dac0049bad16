#include "nav/countdown.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

double countdown_window(const Browser& browser) {
    return std::min(countdown_max_s, browser.idle_return() / 3);
}

int countdown_seconds(const Browser& browser, double now) {
    const double left = browser.idle_left(now);
    if (browser.mode() != Mode::Browsing || left > countdown_window(browser)) return -1;
    return static_cast<int>(std::ceil(left));
}

double seconds_until_countdown_tick(const Browser& browser, double now) {
    const double left = browser.idle_left(now);
    if (browser.mode() != Mode::Browsing) return left;
    const double window = countdown_window(browser);
    return left > window ? left - window : std::max(0.01, left - std::floor(left));
}

} // namespace kiosk
