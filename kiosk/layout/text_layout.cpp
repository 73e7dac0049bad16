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

// A word, or a forced line break. A word that follows a hyphen ("SERV-|rondetafels") may start a
// new line but is glued to its predecessor when it does not.
struct Token {
    Word word;
    bool line_break = false;
    bool glued = false;
};

std::vector<Token> tokenize(const std::vector<TextRun>& runs) {
    std::vector<Token> tokens;
    Word word;
    bool glued = false;
    auto flush = [&](bool next_glued) {
        if (!word.empty()) tokens.push_back({std::exchange(word, {}), false, glued});
        glued = next_glued;
    };
    for (const auto& run : runs) {
        for (char c : run.text) {
            if (c == ' ' || c == '\n') {
                flush(false);
                if (c == '\n') tokens.push_back({{}, true, false});
                continue;
            }
            if (word.empty() || word.back().emphasis != run.emphasis)
                word.push_back({std::string(), run.emphasis});
            word.back().text += c;
            // A break opportunity after a hyphen inside a word, not after a lone dash.
            if (c == '-' && word.back().text.size() > 1) flush(true);
        }
    }
    flush(false);
    return tokens;
}

class LineBuilder {
  public:
    LineBuilder(const TextStyle& style, int max_width, const TextMeasure& m)
        : style_(style), max_width_(max_width), m_(m) {}

    void add_word(const Word& word, bool glued) {
        if (width(word) > max_width_) return add_long_word(word);
        if (!line_.empty()) {
            // Measured as the line will be drawn: summing word widths would drift from the
            // shaped line by a pixel per word (fractional advances), enough to overflow.
            auto candidate = line_;
            if (!glued) candidate.back().text += ' ';
            append_to(candidate, word);
            if (width(candidate) <= max_width_) {
                line_ = std::move(candidate);
                return;
            }
            end_line();
        }
        append_to(line_, word);
    }

    void end_line() {
        place_line();
        line_.clear();
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
        for (const auto& f : word)
            w += m_.text_width(f.text, font(f.emphasis), style_.px);
        return w;
    }

    static void append_to(std::vector<Fragment>& line, const Word& word) {
        for (const auto& f : word) {
            if (!line.empty() && line.back().emphasis == f.emphasis)
                line.back().text += f.text;
            else
                line.push_back(f);
        }
    }

    // Breaks between characters, for a word wider than the whole line. Each line takes the
    // longest prefix that fits, found by doubling then bisecting, so a 4000-character word costs
    // a few measurements a line rather than one per character.
    void add_long_word(const Word& word) {
        out_.broke_words = true;
        if (!line_.empty()) end_line();
        for (const auto& f : word) {
            std::string_view rest = f.text;
            while (!rest.empty()) {
                const std::size_t take = fitting_prefix(rest, f.emphasis);
                append_to(line_, Word{{std::string(rest.substr(0, take)), f.emphasis}});
                rest.remove_prefix(take);
                if (!rest.empty()) end_line();
            }
        }
    }

    // Bytes of the longest whole-character prefix of text that fits the line (at least one
    // character, so the loop always advances).
    std::size_t fitting_prefix(std::string_view text, bool emphasis) const {
        std::vector<std::size_t> ends; // byte offset after each character
        for (std::size_t pos = 0; pos < text.size();) {
            pos = std::min(text.size(),
                           pos + utf8_sequence_length(static_cast<unsigned char>(text[pos])));
            ends.push_back(pos);
        }
        auto fits = [&](std::size_t chars) {
            auto candidate = line_;
            append_to(candidate, Word{{std::string(text.substr(0, ends[chars - 1])), emphasis}});
            return width(candidate) <= max_width_;
        };
        std::size_t good = 1, bad = ends.size() + 1;
        for (std::size_t probe = 2; probe < bad; probe *= 2) {
            if (!fits(std::min(probe, ends.size()))) {
                bad = std::min(probe, ends.size());
                break;
            }
            good = std::min(probe, ends.size());
            if (good == ends.size()) return ends.back();
        }
        while (bad - good > 1) {
            const std::size_t mid = (good + bad) / 2;
            (fits(mid) ? good : bad) = mid;
        }
        return ends[good - 1];
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
    std::vector<Fragment> line_;
    WrappedText out_;
};

} // namespace

WrappedText wrap_text(const std::vector<TextRun>& runs, const TextStyle& style, int max_width,
                      const TextMeasure& measure) {
    LineBuilder lines(style, std::max(1, max_width), measure);
    for (const auto& token : tokenize(runs)) {
        if (token.line_break)
            lines.end_line();
        else
            lines.add_word(token.word, token.glued);
    }
    return lines.finish();
}

} // namespace kiosk
