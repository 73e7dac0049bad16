#pragma once
// Opening hours: outside them the screen goes dark (nobody is in the foyer, and a panel that
// shows the same slides all night ages), and a touch wakes it for a while. Pure functions of the
// local time, so tests give any day and hour.
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Minutes since midnight, [open, close); close <= open is not allowed.
struct OpeningSpan {
    int open = 0, close = 24 * 60;
};

// Per weekday, Monday = 0 .. Sunday = 6; a day with no spans is closed all day. An empty
// schedule (the default) means always open.
struct Schedule {
    std::array<std::vector<OpeningSpan>, 7> days;
    bool always_open = true;
};

// Parses e.g. {"mon-fri": "08:00-18:00", "sat": "10:00-16:00", "sun": "closed"}; days not named
// are closed. Returns nullopt and sets error (naming the key) when something does not parse.
struct LocalTime {
    int weekday = 0; // Monday = 0
    int minute = 0;  // since midnight
};
bool is_open(const Schedule& s, LocalTime t);
// Minutes until the schedule next changes between open and closed (at most a week).
int minutes_until_change(const Schedule& s, LocalTime t);
std::optional<OpeningSpan> parse_span(const std::string& text);
std::optional<std::vector<int>> parse_days(const std::string& text); // "mon", "mon-fri", "sat,sun"

// The few-pixel offset of the whole picture, changed every few minutes so that nothing stands
// on the same pixels all day (burn-in on OLED and some LCD panels).
struct PixelShift {
    int dx = 0, dy = 0;
};
PixelShift burn_in_shift(double seconds, int amplitude_px = 3, double period_s = 600);

} // namespace kiosk
