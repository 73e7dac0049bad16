#include "platform/clock_status.h"

#include <sys/timex.h>

#include <cstdio>

namespace kiosk {

ClockStatus read_clock_status() {
    timex tx{}; // modes 0: read only, allowed without privileges
    const int state = ::adjtimex(&tx);
    ClockStatus s;
    s.synchronised = state != -1 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
    s.error_ms = static_cast<double>(tx.esterror) / 1000.0; // microseconds
    return s;
}

std::string describe(const ClockStatus& status) {
    if (!status.synchronised) return "not synchronised";
    char text[64];
    std::snprintf(text, sizeof text, "synchronised, estimated error %.1f ms", status.error_ms);
    return text;
}

} // namespace kiosk
