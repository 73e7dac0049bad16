#include "layout/break_points.h"

#include "content/utf8.h"

#include <utility>

namespace kiosk {
namespace {

int code_points(std::string_view s) {
    int n = 0;
    for (std::size_t i = 0; i < s.size();
         i += utf8_sequence_length(static_cast<unsigned char>(s[i])))
        ++n;
    return n;
}

// Byte offsets just after the hyphens where this word may break.
std::vector<std::size_t> hyphen_breaks(const std::string& text) {
    std::vector<std::size_t> out;
    for (std::size_t i = text.find('-'); i != std::string::npos; i = text.find('-', i + 1)) {
        const std::string_view before(text.data(), i);
        const std::string_view after = std::string_view(text).substr(i + 1);
        if (code_points(before) >= min_hyphen_fragment && code_points(after) >= min_hyphen_fragment)
            out.push_back(i + 1);
    }
    return out;
}

void add_word(std::vector<Token>& tokens, Word word) {
    const std::string text = text_of(word);
    if (text == "\u00B7") return tokens.push_back({std::move(word), false, false, true});
    std::size_t done = 0;
    bool glued = false;
    for (const std::size_t at : hyphen_breaks(text)) {
        tokens.push_back({take_front(word, at - done), false, glued, false});
        done = at;
        glued = true;
    }
    tokens.push_back({std::move(word), false, glued, false});
}

} // namespace

std::string text_of(const Word& word) {
    std::string s;
    for (const auto& f : word)
        s += f.text;
    return s;
}

// The word's first `bytes` bytes, taken off its front.
Word take_front(Word& word, std::size_t bytes) {
    Word front;
    while (bytes > 0 && !word.empty()) {
        Fragment& f = word.front();
        const std::size_t n = std::min(bytes, f.text.size());
        front.push_back({f.text.substr(0, n), f.emphasis});
        f.text.erase(0, n);
        if (f.text.empty()) word.erase(word.begin());
        bytes -= n;
    }
    return front;
}

std::vector<Token> tokenize(const std::vector<TextRun>& runs) {
    std::vector<Token> tokens;
    Word word;
    auto flush = [&] {
        if (!word.empty()) add_word(tokens, std::exchange(word, {}));
    };
    for (const auto& run : runs) {
        for (char c : run.text) {
            if (c == ' ' || c == '\n') {
                flush();
                if (c == '\n') tokens.push_back({{}, true, false, false});
                continue;
            }
            if (word.empty() || word.back().emphasis != run.emphasis)
                word.push_back({std::string(), run.emphasis});
            word.back().text += c;
        }
    }
    flush();
    return tokens;
}

} // namespace kiosk
