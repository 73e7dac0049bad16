#pragma once
// nlohmann's parser throws more than parse_error: a number too large for a double is an
// out_of_range exception with no position in it. This one door turns every way the parser can
// refuse a text into a place (a byte offset) and a message, and never throws. The message is
// put in an author's terms where the library's would mislead (a trailing comma, curly quotes).
//
// nlohmann's DOM keeps no positions, so JsonLocator finds them again in the text: where the value
// at a JSON pointer starts, for messages about content that parsed.
#include "content/diagnostics.h"
#include "content/utf8.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kiosk {

struct JsonParseError {
    std::size_t offset = 0; // where the offending token starts
    std::string message;    // nlohmann's reason, without its "[json.exception...]" prefix
};

std::optional<JsonParseError> parse_json(std::string_view text, nlohmann::json& doc);

// A whole file's text into doc, as every JSON file the kiosk reads goes: its size, its UTF-8 (a
// file saved as Latin-1 is named as such), its depth, then the parse; a refusal is placed at its
// line and column in d. On success d.locate places later messages about doc's values too.
bool parse_document(std::string_view text, std::size_t max_bytes, nlohmann::json& doc,
                    Diagnostics& d);

// Built lazily, one object or array at a time along the pointers asked for: a deck with thousands
// of values costs only the containers its messages name.
class JsonLocator {
  public:
    // text must be JSON that parse_json accepted.
    explicit JsonLocator(std::string text);

    // Where the value at pointer starts; a pointer to a missing field (an "is required" error)
    // gives its nearest enclosing value, the object it is missing from.
    TextPosition find(const std::string& pointer);

  private:
    std::size_t offset_of(const std::string& pointer);
    void expand(const std::string& pointer);

    std::string text_;
    std::vector<std::size_t> line_starts_;
    std::unordered_map<std::string, std::size_t> values_; // pointer -> offset of its value
    std::unordered_set<std::string> expanded_;            // containers whose children are known
};

} // namespace kiosk
