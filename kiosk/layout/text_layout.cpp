#include "layout/text_layout.h"

#include "content/utf8.h"

#include <algorithm>
#include <utility>

namespace kiosk {
namespace {

struct Fragment {
    std::string text;
    bool emphasis = false;
};
using Word = std::vector<Fragment>;

// A word, or a forced line break.
struct Token {
    Word word;
    bool line_break = false;
};

std::vector<Token> tokenize(const std::vector<TextRun>& runs) {
    std::vector<Token> tokens;
    Word word;
    auto flush = [&] {
        if (!word.empty()) tokens.push_back({std::exchange(word, {}), false});
    };
    for (const auto& run : runs) {
        for (char c : run.text) {
            if (c == ' ' || c == '\n') {
                flush();
                if (c == '\n') tokens.push_back({{}, true});
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

class LineBuilder {
public:
    LineBuilder(const TextStyle& style, int max_width, const TextMeasure& m)
        : style_(style), max_width_(max_width), m_(m),
          space_(m.text_width(" ", style.regular, style.px)) {}

    void add_word(const Word& word) {
        const int w = width(word);
        if (w > max_width_) return add_long_word(word);
        if (!line_.empty() && line_width_ + space_ + w > max_width_) end_line();
        if (!line_.empty()) {
            line_.back().text += ' ';
            line_width_ += space_;
        }
        append(word, w);
    }

    void end_line() {
        place_line();
        line_.clear();
        line_width_ = 0;
        ++out_.lines;
    }

    WrappedText finish() {
        if (!line_.empty() || out_.lines == 0) end_line();
        out_.height = out_.lines * m_.line_height(style_.px);
        return std::move(out_);
    }

private:
    FontStyle font(bool emphasis) const { return emphasis ? style_.emphasis : style_.regular; }

    int width(const Word& word) const {
        int w = 0;
        for (const auto& f : word) w += m_.text_width(f.text, font(f.emphasis), style_.px);
        return w;
    }

    void append(const Word& word, int w) {
        for (const auto& f : word) {
            if (!line_.empty() && line_.back().emphasis == f.emphasis) line_.back().text += f.text;
            else line_.push_back(f);
        }
        line_width_ += w;
    }

    // Breaks between characters; per-character widths ignore kerning, which only ever narrows.
    void add_long_word(const Word& word) {
        if (!line_.empty()) end_line();
        for (const auto& f : word) {
            for (std::size_t pos = 0; pos < f.text.size();) {
                const auto len = utf8_sequence_length(static_cast<unsigned char>(f.text[pos]));
                Fragment ch{f.text.substr(pos, len), f.emphasis};
                const int w = m_.text_width(ch.text, font(f.emphasis), style_.px);
                if (!line_.empty() && line_width_ + w > max_width_) end_line();
                append({ch}, w);
                pos += len;
            }
        }
    }

    void place_line() {
        const int y = out_.lines * m_.line_height(style_.px);
        int x = 0;
        for (auto& f : line_) {
            SceneText t;
            t.style = font(f.emphasis);
            t.ink = f.emphasis ? style_.emphasis_ink : style_.ink;
            t.px = style_.px;
            t.text = std::move(f.text);
            t.w = m_.text_width(t.text, t.style, t.px);
            t.h = m_.line_height(t.px);
            t.x = x;
            t.y = y;
            x += t.w;
            out_.pieces.push_back(std::move(t));
        }
        out_.width = std::max(out_.width, x);
    }

    const TextStyle& style_;
    int max_width_;
    const TextMeasure& m_;
    int space_;
    std::vector<Fragment> line_;
    int line_width_ = 0;
    WrappedText out_;
};

} // namespace

WrappedText wrap_text(const std::vector<TextRun>& runs, const TextStyle& style, int max_width,
                      const TextMeasure& measure) {
    LineBuilder lines(style, std::max(1, max_width), measure);
    for (const auto& token : tokenize(runs)) {
        if (token.line_break) lines.end_line();
        else lines.add_word(token.word);
    }
    return lines.finish();
}

} // namespace kiosk
