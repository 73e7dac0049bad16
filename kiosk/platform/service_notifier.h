#pragma once
// Talks to systemd when the kiosk runs as a Type=notify service: READY once the first frame is on
// screen (so "started" means "showing slides"), and watchdog keep-alives from the render loop, so
// a loop that hangs is restarted. Outside systemd every call does nothing.
#include <chrono>

namespace kiosk {

class ServiceNotifier {
  public:
    ServiceNotifier();
    void ready();
    // Call once per loop iteration; sends a keep-alive when half the watchdog interval has passed.
    void alive();
    // How long the loop may sleep and still keep the watchdog fed (seconds; infinity when off).
    double max_sleep_s() const;
    void stopping();

  private:
    bool sent_ready_ = false;
    double interval_s_ = 0; // 0: no watchdog
    std::chrono::steady_clock::time_point last_ping_{};
};

} // namespace kiosk
