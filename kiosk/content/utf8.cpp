#include "content/utf8.h"

#include <cstdint>

namespace kiosk {
namespace {

bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Decodes one code point at text[pos]; on failure sets reason and returns false.
bool decode(std::string_view text, std::size_t pos, char32_t& cp, std::size_t& len,
            std::string& reason) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    len = utf8_sequence_length(lead);
    if (lead >= 0x80 && len == 1) {
        reason = is_continuation(lead) ? "unexpected continuation byte" : "invalid lead byte";
        return false;
    }
    if (pos + len > text.size()) {
        reason = "truncated sequence";
        return false;
    }
    cp = len == 1 ? lead : lead & (0xFF >> (len + 1));
    for (std::size_t i = 1; i < len; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        if (!is_continuation(c)) {
            reason = "truncated sequence";
            return false;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[len])
        reason = "overlong encoding";
    else if (cp >= 0xD800 && cp <= 0xDFFF)
        reason = "UTF-16 surrogate";
    else if (cp > 0x10FFFF)
        reason = "code point above U+10FFFF";
    return reason.empty();
}

} // namespace

std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0xC2) return 1; // ASCII, continuation, or the always-overlong C0/C1
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    if (lead < 0xF5) return 4;
    return 1;
}

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const auto lead = static_cast<unsigned char>(text[pos]);
        if (lead == 0xC0 || lead == 0xC1) return Utf8Error{pos, "overlong encoding"};
        char32_t cp = 0;
        std::size_t len = 1;
        std::string reason;
        if (!decode(text, pos, cp, len, reason)) return Utf8Error{pos, reason};
        pos += len;
    }
    return std::nullopt;
}

std::optional<Utf8Error> find_forbidden_char(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        std::size_t len = 1;
        std::string reason;
        if (!decode(text, pos, cp, len, reason)) return Utf8Error{pos, reason};
        if (cp == 0) return Utf8Error{pos, "NUL character"};
        if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F))
            return Utf8Error{pos, "control character"};
        if (cp == 0xFFFE || cp == 0xFFFF) return Utf8Error{pos, "non-character U+FFFE/U+FFFF"};
        pos += len;
    }
    return std::nullopt;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    TextPosition p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

} // namespace kiosk
