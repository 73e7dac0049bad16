#include "app/schedule.h"

#include <cstdio>

namespace kiosk {
namespace {

constexpr const char* day_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> day_index(const std::string& name) {
    for (int i = 0; i < 7; ++i)
        if (name == day_names[i]) return i;
    return std::nullopt;
}

std::optional<int> parse_clock(const std::string& text) {
    int h = -1, m = -1;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2) return std::nullopt;
    if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

} // namespace

std::optional<OpeningSpan> parse_span(const std::string& text) {
    const auto dash = text.find('-');
    if (dash == std::string::npos) return std::nullopt;
    const auto open = parse_clock(text.substr(0, dash));
    const auto close = parse_clock(text.substr(dash + 1));
    if (!open || !close || *close <= *open) return std::nullopt;
    return OpeningSpan{*open, *close};
}

std::optional<std::vector<int>> parse_days(const std::string& text) {
    std::vector<int> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string part = text.substr(start, comma - start);
        const auto dash = part.find('-');
        const auto first = day_index(part.substr(0, dash));
        const auto last = dash == std::string::npos ? first : day_index(part.substr(dash + 1));
        if (!first || !last || *last < *first) return std::nullopt;
        for (int d = *first; d <= *last; ++d)
            out.push_back(d);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

bool is_open(const Schedule& s, LocalTime t) {
    if (s.always_open) return true;
    for (const auto& span : s.days[static_cast<std::size_t>(t.weekday % 7)])
        if (t.minute >= span.open && t.minute < span.close) return true;
    return false;
}

int minutes_until_change(const Schedule& s, LocalTime t) {
    const bool now_open = is_open(s, t);
    for (int step = 1; step <= 7 * 24 * 60; ++step) {
        const int minute = t.minute + step;
        const LocalTime later{(t.weekday + minute / (24 * 60)) % 7, minute % (24 * 60)};
        if (is_open(s, later) != now_open) return step;
    }
    return 7 * 24 * 60;
}

PixelShift burn_in_shift(double seconds, int amplitude_px, double period_s) {
    // A slow walk round a small square: eight positions, one per period. Seconds are wall-clock
    // seconds since start, so a restart starts the walk again: harmless.
    static constexpr int pattern[8][2] = {{0, 0},  {1, 0},  {1, 1},   {0, 1},
                                          {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}};
    const auto step = static_cast<long long>(seconds / period_s) % 8;
    // Offsets from 0 to 2 * amplitude, never negative: the picture moves into its own margins.
    return {(pattern[step][0] + 1) * amplitude_px, (pattern[step][1] + 1) * amplitude_px};
}

} // namespace kiosk
