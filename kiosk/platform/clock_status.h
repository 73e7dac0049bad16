#pragma once
// What the kernel says of the system clock (adjtimex, read only): whether a time service such as
// chrony keeps it synchronised, and its estimated error. Hall sync is as good as the clocks of
// the hall's screens; the status overlay says how good this one is. No socket is opened.
#include <string>

namespace kiosk {

struct ClockStatus {
    bool synchronised = false;
    double error_ms = 0; // the kernel's estimate; meaningful when synchronised
};

ClockStatus read_clock_status();
// "synchronised, estimated error 0.4 ms", or "not synchronised".
std::string describe(const ClockStatus& status);

} // namespace kiosk
