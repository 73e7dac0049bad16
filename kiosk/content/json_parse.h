#pragma once
// nlohmann's parser throws more than parse_error: a number too large for a double is an
// out_of_range exception with no position in it. This one door turns every way the parser can
// refuse a text into a place (a byte offset) and a message, and never throws.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct JsonParseError {
    std::size_t offset = 0; // where the offending token starts
    std::string message;    // nlohmann's reason, without its "[json.exception...]" prefix
};

std::optional<JsonParseError> parse_json(std::string_view text, nlohmann::json& doc);

} // namespace kiosk
