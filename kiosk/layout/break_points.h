#pragma once
// Where a line may break, before any measuring: text becomes words, forced breaks and separators.
// A break after a hyphen is offered only where both sides are long enough to read on their own
// ("Sociaal-|Economische", never "e-|learning" or "SERV-|rondetafels"), and a lone middle dot is
// a separator that disappears at a line break instead of dangling at a line's end.
#include "content/markup.h"

#include <string>
#include <vector>

namespace kiosk {

struct Fragment {
    std::string text;
    bool emphasis = false;
};
using Word = std::vector<Fragment>;

// A word, a forced line break, or a separator ("·"). A word that follows a hyphen may start a
// new line but is glued to its predecessor when it does not.
struct Token {
    Word word;
    bool line_break = false;
    bool glued = false;
    bool separator = false;
};

// A break after a hyphen needs at least this many characters before it and after it.
inline constexpr int min_hyphen_fragment = 5;

std::vector<Token> tokenize(const std::vector<TextRun>& runs);

std::string text_of(const Word& word);
// The word's first `bytes` bytes, taken off its front (hyphenation splits a word this way too).
Word take_front(Word& word, std::size_t bytes);

} // namespace kiosk
