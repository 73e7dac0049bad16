#pragma once
// Reads the fields of one JSON object with type checks and limits, remembering which keys were
// read so that the rest can be reported as unknown (usually a typo: "titel", "duration").
#include "content/diagnostics.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace kiosk {

std::string pointer_join(const std::string& base, const std::string& key);
std::string pointer_join(const std::string& base, std::size_t index);

// The known name closest to `name` by edits (a letter added, dropped, changed or two swapped,
// ignoring case), when it is close enough to be the name meant; "" otherwise.
std::string nearest_name(std::string_view name, const std::vector<std::string_view>& known);

// What a JSON null in a field means. In a deck it is a wrong type, as in the deck's JSON Schema
// (an editor marks "subtitle": null, so the kiosk must refuse it too); the configuration file has
// always read it as "not set".
enum class NullField { WrongType, Absent };

class JsonFields {
  public:
    JsonFields(const nlohmann::json& object, std::string pointer, Diagnostics& diagnostics,
               NullField nulls = NullField::WrongType);

    std::string text(const char* key, bool required = false, const std::string& fallback = {});
    // The text at key when it is there and well-formed; nullopt when absent or bad (reported).
    std::optional<std::string> present_text(const char* key);
    std::optional<double> number(const char* key, double min, double max, bool required = false);
    std::optional<int> whole_number(const char* key, int min, int max, bool required = false);
    bool boolean(const char* key, bool fallback);
    // The array at key, or nullptr (after reporting) when missing, mistyped or too long.
    const nlohmann::json* array(const char* key, std::size_t min_items, std::size_t max_items,
                                bool required);
    const nlohmann::json* object(const char* key);
    void ignore(const char* key) { seen_.insert(key); }
    bool has(const char* key) const { return object_.contains(key); }

    // Reports every key not read. A name no reader knows is an error, with the nearest known name
    // ("did you mean `title`?"): a misspelt field's text would otherwise silently not show. A
    // name in `elsewhere` (a field of another slide kind) is only a warning, `context` saying
    // why it does nothing here ("not used by a "title" slide").
    void warn_unknown(std::span<const std::string_view> elsewhere = {},
                      const std::string& context = {}) const;
    const std::string& pointer() const { return pointer_; }

  private:
    const nlohmann::json* find(const char* key, bool required);

    const nlohmann::json& object_;
    std::string pointer_;
    Diagnostics& diagnostics_;
    NullField nulls_;
    std::set<std::string> seen_;
};

// Reads the JSON object at pointer into a T with read(fields, t), then warns about the keys it did
// not read. Anything but an object is reported with must_be, and the T stays as defaulted: one bad
// entry in a list must not stop the rest from being read.
template <typename T, typename Read>
T read_object(const nlohmann::json& value, const std::string& pointer, Diagnostics& diagnostics,
              const char* must_be, Read&& read) {
    T out;
    if (!value.is_object()) {
        diagnostics.error(pointer, must_be);
        return out;
    }
    JsonFields fields(value, pointer, diagnostics);
    read(fields, out);
    fields.warn_unknown();
    return out;
}

// Nothing a visitor would see: only spaces, line breaks and emphasis marks.
bool blank_text(const std::string& text);

// Checks a string value (type, length, characters, markup) found at pointer.
std::optional<std::string> checked_text(const nlohmann::json& value, const std::string& pointer,
                                        Diagnostics& diagnostics);

} // namespace kiosk
