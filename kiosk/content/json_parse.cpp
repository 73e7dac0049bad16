#include "content/json_parse.h"

#include "content/json_fields.h"
#include "content/limits.h"

#include <algorithm>
#include <memory>
#include <type_traits>

namespace kiosk {
namespace {

void syntax_error(Diagnostics& d, std::string_view text, std::size_t offset, std::string message) {
    const auto pos = position_of(text, offset);
    d.items.push_back({Severity::Error, d.file, "", pos.line, pos.column, std::move(message)});
}

// nlohmann's parser is iterative, but a deep document still costs memory and its message would
// not say why; this scan refuses it first, with the place where the limit was crossed.
std::optional<std::size_t> find_excess_depth(std::string_view text) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limits::max_json_depth) return i;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

// Nearly always a file saved as Latin-1 or Windows-1252 ("é" as the one byte 0xE9): the message
// says which byte and how to save the file again, which is all the author can do about it.
std::string not_utf8_message(std::string_view text, const Utf8Error& bad) {
    const auto byte = static_cast<unsigned char>(text[bad.offset]);
    return "invalid UTF-8: " + bad.reason + " (byte " + describe_foreign_byte(byte) +
           "): the file is not saved as UTF-8; in the editor choose \"Save as…\" (or \"Save "
           "with encoding\") with the encoding UTF-8, and save it again";
}

bool precheck(std::string_view text, std::size_t max_bytes, Diagnostics& d) {
    if (text.size() > max_bytes) {
        d.error("", "file is " + std::to_string(text.size()) + " bytes; the limit is " +
                        std::to_string(max_bytes));
        return false;
    }
    if (auto bad = find_invalid_utf8(text)) {
        syntax_error(d, text, bad->offset, not_utf8_message(text, *bad));
        return false;
    }
    if (auto deep = find_excess_depth(text)) {
        syntax_error(d, text, *deep,
                     "nesting deeper than " + std::to_string(limits::max_json_depth) + " levels");
        return false;
    }
    return true;
}

// "[json.exception.parse_error.101] parse error at line 3, column 5: x" -> "x";
// "[json.exception.out_of_range.406] number overflow parsing '1e400'" -> "number overflow ...".
std::string clean_message(const std::string& what) {
    const auto bracket = what.find("] ");
    std::string out = bracket == std::string::npos ? what : what.substr(bracket + 2);
    if (out.rfind("parse error", 0) == 0) {
        const auto colon = out.find(": ");
        if (colon != std::string::npos) out = out.substr(colon + 2);
    }
    return escape_invalid_utf8(out); // nlohmann quotes what it read, cut mid-character
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// nlohmann reports "[1, 2,\n]" at the bracket, as an unexpected ']': the author must find the
// comma, so the message names it and the place is the comma's own.
std::optional<JsonParseError> trailing_comma(std::string_view text, std::size_t offset) {
    if (offset >= text.size() || (text[offset] != ']' && text[offset] != '}')) return std::nullopt;
    std::size_t i = offset;
    while (i > 0 && is_space(text[i - 1]))
        --i;
    if (i == 0 || text[i - 1] != ',') return std::nullopt;
    return JsonParseError{i - 1, "komma na het laatste element (a comma after the last element); "
                                 "delete this comma"};
}

// A word processor's or a phone's "smart quotes" look like quotes but are letters to JSON.
std::optional<JsonParseError> curly_quote(std::string_view text, std::size_t offset) {
    std::size_t start = offset;
    while (start > 0 && offset - start < 3 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    const auto cp = code_point_at(text, start);
    constexpr char32_t curly[] = {0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0x00AB, 0x00BB};
    if (!cp || std::find(std::begin(curly), std::end(curly), *cp) == std::end(curly))
        return std::nullopt;
    std::string quote;
    append_utf8(quote, *cp);
    return JsonParseError{start, quote + " is a curly quote, not a JSON quote: type a straight \" "
                                         "instead (turn off smart quotes in the editor)"};
}

// The library's wording where it is right, an author's where it misleads.
JsonParseError explain(std::string_view text, JsonParseError error) {
    if (auto comma = trailing_comma(text, error.offset)) return *comma;
    if (error.offset < text.size())
        if (auto quote = curly_quote(text, error.offset)) return *quote;
    return error;
}

// The DOM builder, with its error hook replaced: sax_parse calls parse_error on the static type,
// so this one is used, and it keeps the position instead of throwing.
class LocatingDomParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
  public:
    explicit LocatingDomParser(nlohmann::json& doc) : json_sax_dom_parser(doc, false) {}

    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
        // position is just past what was read. A syntax error is placed at the last character
        // read, as nlohmann's own message does; a number out of range at the number's start.
        if constexpr (std::is_same_v<Exception, nlohmann::json::parse_error>) {
            error = JsonParseError{position > 0 ? position - 1 : 0, clean_message(ex.what())};
        } else {
            const std::size_t start = position >= token.size() ? position - token.size() : 0;
            error = JsonParseError{start, clean_message(ex.what())};
        }
        return false;
    }

    std::optional<JsonParseError> error;
};

// The scanners below walk text that has parsed, so they only find where things end; each still
// stops at the end of the text, whatever it holds.
std::size_t skip_space(std::string_view text, std::size_t i) {
    while (i < text.size() && is_space(text[i]))
        ++i;
    return i;
}

// i at the opening quote; returns the index just past the closing one.
std::size_t skip_string(std::string_view text, std::size_t i) {
    for (++i; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return text.size();
}

std::size_t skip_value(std::string_view text, std::size_t i) {
    if (i < text.size() && text[i] == '"') return skip_string(text, i);
    std::size_t depth = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            i = skip_string(text, i);
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (depth == 0 && (c == ',' || c == '}' || c == ']' || is_space(c))) break;
        if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        ++i;
    }
    return i;
}

// A key as the DOM holds it: escapes are rare, so nlohmann decodes only those with one.
std::string decode_key(std::string_view quoted) {
    if (quoted.size() < 2) return std::string(quoted);
    if (quoted.find('\\') == std::string_view::npos)
        return std::string(quoted.substr(1, quoted.size() - 2));
    const auto key = nlohmann::json::parse(quoted, nullptr, false);
    return key.is_string() ? key.get<std::string>() : std::string(quoted);
}

} // namespace

std::optional<JsonParseError> parse_json(std::string_view text, nlohmann::json& doc) {
    LocatingDomParser sax(doc);
    try {
        nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const nlohmann::json::exception& e) {
        // Not expected (errors go through parse_error), but a parser must never end the kiosk.
        return JsonParseError{0, clean_message(e.what())};
    }
    if (!sax.error) return std::nullopt;
    doc = nullptr;
    return explain(text, *sax.error);
}

JsonLocator::JsonLocator(std::string text) : text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    values_.emplace("", skip_space(text_, 0));
}

TextPosition JsonLocator::find(const std::string& pointer) {
    const std::size_t offset = std::min(offset_of(pointer), text_.size());
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    TextPosition p;
    p.line = static_cast<int>(line - line_starts_.begin()) + 1;
    p.column = position_of(std::string_view(text_).substr(*line), offset - *line).column;
    return p;
}

std::size_t JsonLocator::offset_of(const std::string& pointer) {
    std::string at; // walks down the pointer as far as the text has it
    for (std::size_t start = 1; start <= pointer.size();) {
        const std::size_t end = std::min(pointer.find('/', start), pointer.size());
        if (expanded_.insert(at).second) expand(at);
        const std::string next = at + "/" + pointer.substr(start, end - start);
        if (!values_.count(next)) break;
        at = next;
        start = end + 1;
    }
    return values_.at(at);
}

// Records where each member or element of the object or array at pointer starts.
void JsonLocator::expand(const std::string& pointer) {
    const std::string_view text = text_;
    std::size_t i = values_.at(pointer);
    if (i >= text.size() || (text[i] != '{' && text[i] != '[')) return;
    const bool object = text[i] == '{';
    for (std::size_t index = 0;; ++index) {
        i = skip_space(text, i + 1);
        if (i >= text.size() || text[i] == '}' || text[i] == ']') return;
        std::string child = pointer_join(pointer, index);
        if (object) {
            const std::size_t key_end = skip_string(text, i);
            child = pointer_join(pointer, decode_key(text.substr(i, key_end - i)));
            i = skip_space(text, key_end);
            if (i >= text.size() || text[i] != ':') return;
            i = skip_space(text, i + 1);
        }
        values_[child] = i; // a repeated key: the last one counts, as in the DOM
        i = skip_space(text, skip_value(text, i));
        if (i >= text.size() || text[i] != ',') return;
    }
}

bool parse_document(std::string_view text, std::size_t max_bytes, nlohmann::json& doc,
                    Diagnostics& d) {
    if (!precheck(text, max_bytes, d)) return false;
    if (const auto bad = parse_json(text, doc)) {
        syntax_error(d, text, bad->offset, "JSON syntax: " + bad->message);
        return false;
    }
    // Every problem from here on is about a value in this text: it gets its line and column.
    d.locate = [at = std::make_shared<JsonLocator>(std::string(text))](const std::string& pointer) {
        return at->find(pointer);
    };
    return true;
}

} // namespace kiosk
