#include "content/json_fields.h"

#include "content/limits.h"
#include "content/markup.h"
#include "content/utf8.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace kiosk {
namespace {

std::string escape_pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// Keys come from the author: shown in messages, their control characters must not reach a
// terminal as escape sequences.
std::string printable(const std::string& key) {
    std::string out;
    for (unsigned char c : key) {
        if (c < 0x20 || c == 0x7F)
            out += "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
        else
            out += static_cast<char>(c);
    }
    return out;
}

std::string format_number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// Edits from a to b (optimal string alignment: a swap of two neighbours is one edit), ASCII
// case ignored: field names are ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

} // namespace

std::string nearest_name(std::string_view name, const std::vector<std::string_view>& known) {
    if (name.size() > 64) return {}; // no field name is that long: not worth the table
    std::string_view best;
    std::size_t best_distance = 3; // more than two edits is another word, not a typo
    for (const auto k : known) {
        const std::size_t d = edit_distance(name, k);
        // A short name needs a closer match: "id" is not a typo of "url".
        if (d < best_distance && d * 3 <= std::max(name.size(), k.size())) {
            best = k;
            best_distance = d;
        }
    }
    return std::string(best);
}

bool blank_text(const std::string& text) {
    return strip_markup(text).find_first_not_of(" \n") == std::string::npos;
}

std::string pointer_join(const std::string& base, const std::string& key) {
    return base + "/" + escape_pointer_token(printable(key));
}

std::string pointer_join(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

std::optional<std::string> checked_text(const nlohmann::json& value, const std::string& pointer,
                                        Diagnostics& diagnostics) {
    if (!value.is_string()) {
        diagnostics.error(pointer, std::string("must be a string, not ") + value.type_name());
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > limits::max_string_bytes) {
        diagnostics.error(pointer, "text is " + std::to_string(text.size()) +
                                       " bytes; the limit is " +
                                       std::to_string(limits::max_string_bytes));
        return std::nullopt;
    }
    if (auto bad = find_forbidden_char(text)) {
        diagnostics.error(pointer, bad->reason + " at byte " + std::to_string(bad->offset));
        return std::nullopt;
    }
    if (const auto breaks = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
        breaks > limits::max_line_breaks) {
        diagnostics.error(pointer, std::to_string(breaks) + " line breaks; the limit is " +
                                       std::to_string(limits::max_line_breaks));
        return std::nullopt;
    }
    if (auto problem = markup_problem(text)) diagnostics.warning(pointer, *problem);
    return text;
}

JsonFields::JsonFields(const nlohmann::json& object, std::string pointer, Diagnostics& diagnostics,
                       NullField nulls)
    : object_(object), pointer_(std::move(pointer)), diagnostics_(diagnostics), nulls_(nulls) {}

const nlohmann::json* JsonFields::find(const char* key, bool required) {
    seen_.insert(key);
    const auto it = object_.find(key);
    if (it == object_.end() || (it->is_null() && nulls_ == NullField::Absent)) {
        if (required) diagnostics_.error(pointer_join(pointer_, key), "is required");
        return nullptr;
    }
    return &*it;
}

std::string JsonFields::text(const char* key, bool required, const std::string& fallback) {
    const auto* value = find(key, required);
    if (!value) return fallback;
    auto text = checked_text(*value, pointer_join(pointer_, key), diagnostics_);
    if (text && required && blank_text(*text))
        diagnostics_.error(pointer_join(pointer_, key), "must not be empty");
    return text.value_or(fallback);
}

std::optional<std::string> JsonFields::present_text(const char* key) {
    const auto* value = find(key, false);
    if (!value) return std::nullopt;
    return checked_text(*value, pointer_join(pointer_, key), diagnostics_);
}

std::optional<int> JsonFields::whole_number(const char* key, int min, int max, bool required) {
    const auto v = number(key, min, max, required);
    if (!v) return std::nullopt;
    if (*v != static_cast<int>(*v)) {
        diagnostics_.error(pointer_join(pointer_, key),
                           "must be a whole number, not " + format_number(*v));
        return std::nullopt;
    }
    return static_cast<int>(*v);
}

std::optional<double> JsonFields::number(const char* key, double min, double max, bool required) {
    const auto* value = find(key, required);
    if (!value) return std::nullopt;
    const auto where = pointer_join(pointer_, key);
    if (!value->is_number()) {
        diagnostics_.error(where, std::string("must be a number, not ") + value->type_name());
        return std::nullopt;
    }
    const double v = value->get<double>();
    if (!std::isfinite(v) || v < min || v > max) {
        diagnostics_.error(where, "must be between " + format_number(min) + " and " +
                                      format_number(max) + ", not " + format_number(v));
        return std::nullopt;
    }
    return v;
}

bool JsonFields::boolean(const char* key, bool fallback) {
    const auto* value = find(key, false);
    if (!value) return fallback;
    if (!value->is_boolean()) {
        diagnostics_.error(pointer_join(pointer_, key), "must be true or false");
        return fallback;
    }
    return value->get<bool>();
}

const nlohmann::json* JsonFields::array(const char* key, std::size_t min_items,
                                        std::size_t max_items, bool required) {
    const auto* value = find(key, required);
    if (!value) return nullptr;
    const auto where = pointer_join(pointer_, key);
    if (!value->is_array()) {
        diagnostics_.error(where, std::string("must be an array, not ") + value->type_name());
        return nullptr;
    }
    if (value->size() < min_items) {
        diagnostics_.error(where, "needs at least " + std::to_string(min_items) + " item(s)");
        return nullptr;
    }
    if (value->size() > max_items) {
        diagnostics_.error(where, "has " + std::to_string(value->size()) + " items; the limit is " +
                                      std::to_string(max_items));
        return nullptr;
    }
    return value;
}

const nlohmann::json* JsonFields::object(const char* key) {
    const auto* value = find(key, false);
    if (!value) return nullptr;
    if (!value->is_object()) {
        diagnostics_.error(pointer_join(pointer_, key),
                           std::string("must be an object, not ") + value->type_name());
        return nullptr;
    }
    return value;
}

void JsonFields::warn_unknown(std::span<const std::string_view> elsewhere,
                              const std::string& context) const {
    std::vector<std::string_view> known(seen_.begin(), seen_.end());
    known.insert(known.end(), elsewhere.begin(), elsewhere.end());
    for (const auto& [key, value] : object_.items()) {
        if (seen_.count(key)) continue;
        const auto at = pointer_join(pointer_, key);
        if (std::find(elsewhere.begin(), elsewhere.end(), key) != elsewhere.end()) {
            diagnostics_.warning(at, "unknown field, ignored" +
                                         (context.empty() ? "" : " (" + context + ")"));
            continue;
        }
        const std::string near = nearest_name(key, known);
        diagnostics_.error(at, "unknown field" +
                                   (near.empty() ? "" : "; did you mean \"" + near + "\"?"));
    }
}

} // namespace kiosk
