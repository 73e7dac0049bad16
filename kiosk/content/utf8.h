#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct Utf8Error {
    std::size_t offset = 0; // byte offset of the first bad byte
    std::string reason;     // "overlong encoding", "surrogate", ...
};

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

// The first character a slide must not carry: C0/C1 controls except line feed, DEL, and the
// non-characters U+FFFE/U+FFFF. Returns its byte offset and a name for the message.
std::optional<Utf8Error> find_forbidden_char(std::string_view valid_utf8);

// Length of the UTF-8 sequence starting with this lead byte (1 for continuation bytes, so a
// caller walking text always makes progress).
std::size_t utf8_sequence_length(unsigned char lead);

// The code point whose sequence starts at pos, or nothing when it is not valid UTF-8 there.
std::optional<char32_t> code_point_at(std::string_view text, std::size_t pos);

// Appends the UTF-8 form of a valid code point.
void append_utf8(std::string& out, char32_t cp);

// The text with every byte that is not part of valid UTF-8 written as "\xE9": a message quoting
// the author's text (or a parser's cut of it) must itself be valid UTF-8.
std::string escape_invalid_utf8(std::string_view text);

// What a byte that is not UTF-8 most likely meant, for a message: files that are not UTF-8 are
// nearly always Windows-1252 (Latin-1 with extras). "0xE9, "é" in Windows-1252".
std::string describe_foreign_byte(unsigned char byte);

// 1-based line and column of a byte offset, for messages an editor can jump to. The column counts
// characters, not bytes, as an editor does: "é" is one column.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

} // namespace kiosk
