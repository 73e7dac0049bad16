#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace kiosk {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

// Parses "#RRGGBB"; anything else is nullopt so the loader can say which field is wrong.
std::optional<Color> parse_hex_color(std::string_view text);

// WCAG 2 contrast ratio (1..21) between two opaque colours.
double contrast_ratio(Color a, Color b);

} // namespace kiosk
