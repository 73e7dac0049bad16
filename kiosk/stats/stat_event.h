#pragma once
// One anonymous thing that happened at the kiosk, for the visit statistics: no identifiers and
// nothing about a person, only what was shown or opened, when, and for how long.
#include <optional>
#include <string_view>

namespace kiosk {

enum class StatKind {
    Visit,      // a visit ended: seconds = its length (first touch to return to the loop)
    SlideShown, // a slide was left: seconds = time on screen; by_visitor: visitor or loop
    OverviewOpened,
    ReadingOpened, // finding = the finding whose text was opened
    ReadingTime,   // the reading view closed: seconds read, finding set
    QrShown,       // a QR slide was shown (slide set)
    Start,         // the kiosk started
    CrashSeen,     // at start-up, the previous run did not stop cleanly
    ImportAccepted,
    ImportRefused,
    Uptime, // seconds of uptime since the previous Uptime or Start record (heartbeat)
};

struct StatEvent {
    double at = 0; // wall-clock time, seconds since the Unix epoch (UTC)
    StatKind kind = StatKind::Start;
    int slide = -1;  // 0-based slide index, -1 when none
    int finding = 0; // finding number (1..), 0 when none
    bool by_visitor = false;
    double seconds = 0; // a duration, where the kind has one
};

// "visit", "slide_shown", ...: stable names, used in the database and the CSV files.
std::string_view to_string(StatKind kind);
std::optional<StatKind> stat_kind_from(std::string_view name);

} // namespace kiosk
