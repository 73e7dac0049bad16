#pragma once
// The "still reading?" countdown before a visitor's pause ends and the kiosk returns to its loop:
// the last ten seconds, or the last third of a short idle time, so a visitor who just touched the
// screen is never asked whether they are still there.
#include "nav/browser.h"

namespace kiosk {

constexpr double countdown_max_s = 10;

double countdown_window(const Browser& browser);
// Whole seconds left in the countdown, or -1 when none shows.
int countdown_seconds(const Browser& browser, double now);
// Until the countdown starts, then until each of its seconds (the idle time left in the loop).
double seconds_until_countdown_tick(const Browser& browser, double now);

} // namespace kiosk
