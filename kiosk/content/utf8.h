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

// 1-based line and column (in bytes) of a byte offset, for messages an editor can jump to.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition position_of(std::string_view text, std::size_t offset);

} // namespace kiosk
