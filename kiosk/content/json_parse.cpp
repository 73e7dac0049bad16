#include "content/json_parse.h"

#include <type_traits>

namespace kiosk {
namespace {

// "[json.exception.parse_error.101] parse error at line 3, column 5: x" -> "x";
// "[json.exception.out_of_range.406] number overflow parsing '1e400'" -> "number overflow ...".
std::string clean_message(const std::string& what) {
    const auto bracket = what.find("] ");
    std::string out = bracket == std::string::npos ? what : what.substr(bracket + 2);
    if (out.rfind("parse error", 0) == 0) {
        const auto colon = out.find(": ");
        if (colon != std::string::npos) out = out.substr(colon + 2);
    }
    return out;
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

} // namespace

std::optional<JsonParseError> parse_json(std::string_view text, nlohmann::json& doc) {
    LocatingDomParser sax(doc);
    try {
        nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const nlohmann::json::exception& e) {
        // Not expected (errors go through parse_error), but a parser must never end the kiosk.
        return JsonParseError{0, clean_message(e.what())};
    }
    if (sax.error) doc = nullptr;
    return sax.error;
}

} // namespace kiosk
