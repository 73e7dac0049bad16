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

std::optional<char32_t> code_point_at(std::string_view text, std::size_t pos) {
    char32_t cp = 0;
    std::size_t len = 1;
    std::string reason;
    if (pos >= text.size() || !decode(text, pos, cp, len, reason)) return std::nullopt;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
        return;
    }
    const int extra = cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
    static constexpr unsigned char lead_bits[] = {0, 0xC0, 0xE0, 0xF0};
    out += static_cast<char>(lead_bits[extra] | (cp >> (6 * extra)));
    for (int i = extra - 1; i >= 0; --i)
        out += static_cast<char>(0x80 | ((cp >> (6 * i)) & 0x3F));
}

std::string escape_invalid_utf8(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        std::size_t len = 1;
        std::string reason;
        if (decode(text, pos, cp, len, reason)) {
            out.append(text.substr(pos, len));
            pos += len;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[pos++]);
        out += std::string("\\x") + hex[byte >> 4] + hex[byte & 15];
    }
    return out;
}

std::string describe_foreign_byte(unsigned char byte) {
    // Windows-1252's 0x80-0x9F; zero where it leaves a byte undefined. Above, it is Latin-1.
    static constexpr char16_t cp1252[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = std::string("0x") + hex[byte >> 4] + hex[byte & 15];
    const char32_t cp = byte >= 0xA0 ? byte : byte >= 0x80 ? cp1252[byte - 0x80] : 0;
    if (cp == 0 || cp == 0xA0 || cp == 0xAD) return out; // nothing worth quoting
    out += ", \"";
    append_utf8(out, cp);
    return out + "\" in Windows-1252";
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    TextPosition p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!is_continuation(static_cast<unsigned char>(text[i]))) {
            ++p.column;
        }
    }
    return p;
}

} // namespace kiosk
