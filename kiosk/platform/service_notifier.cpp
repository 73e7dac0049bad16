#include "platform/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <limits>

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) interval_s_ = usec / 1e6;
}

void ServiceNotifier::ready() {
    if (sent_ready_) return;
    sent_ready_ = true;
    sd_notify(0, "READY=1\nSTATUS=Showing slides");
}

void ServiceNotifier::alive() {
    if (interval_s_ <= 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (std::chrono::duration<double>(now - last_ping_).count() < interval_s_ / 2) return;
    last_ping_ = now;
    sd_notify(0, "WATCHDOG=1");
}

double ServiceNotifier::max_sleep_s() const {
    return interval_s_ > 0 ? interval_s_ / 3 : std::numeric_limits<double>::infinity();
}

void ServiceNotifier::stopping() {
    sd_notify(0, "STOPPING=1");
}

} // namespace kiosk
