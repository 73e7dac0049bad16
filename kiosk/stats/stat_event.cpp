#include "stats/stat_event.h"

#include <array>

namespace kiosk {
namespace {

constexpr std::array<std::string_view, 11> names{
    "visit", "slide_shown", "overview_opened", "reading_opened", "reading_time", "qr_shown",
    "start", "crash_seen",  "import_accepted", "import_refused", "uptime"};

} // namespace

std::string_view to_string(StatKind kind) {
    return names[static_cast<std::size_t>(kind)];
}

std::optional<StatKind> stat_kind_from(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<StatKind>(i);
    return std::nullopt;
}

} // namespace kiosk
