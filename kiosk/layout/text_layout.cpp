#include "layout/text_layout.h"

#include "content/utf8.h"
#include "layout/break_points.h"

#include <algorithm>
#include <span>
#include <utility>

namespace kiosk {
namespace {

struct Line {
    std::vector<Fragment> fragments;
    int words = 0;                // glued pieces ("SERV-" "rondetafels") count as one word
    bool after_separator = false; // begins a part ("Naam · 02 209 01 01"): never an orphan
};

struct Paragraph {
    std::vector<Line> lines;
    bool broke_words = false;
};

class LineBuilder {
  public:
    LineBuilder(const TextStyle& style, int max_width, const TextMeasure& m)
        : style_(style), max_width_(max_width), m_(m) {}

    void add(const Token& token) {
        if (token.separator) {
            if (!line_.fragments.empty()) separator_ = token.word;
            return;
        }
        add_word(token.word, token.glued);
    }

    Paragraph finish() {
        if (!line_.fragments.empty() || out_.lines.empty()) end_line();
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

    void add_word(const Word& word, bool glued) {
        auto separator = std::exchange(separator_, {});
        if (width(word) > max_width_) return add_long_word(word);
        if (!line_.fragments.empty()) {
            if (try_append(word, glued, separator)) return;
            if (style_.hyphenate && hyphenate_into_line(word, glued, separator)) return;
            end_line(); // a separator at the break is left out: the break separates
            line_.after_separator = !separator.empty();
        }
        append_to(line_.fragments, word);
        line_.words = 1;
    }

    // The current line with the word added, if it fits. Measured as the line will be drawn:
    // summing word widths would drift from the shaped line by a pixel per word (fractional
    // advances), enough to overflow.
    bool try_append(const Word& word, bool glued, const Word& separator) {
        auto candidate = line_.fragments;
        if (!glued) candidate.back().text += ' ';
        if (!separator.empty()) {
            append_to(candidate, separator);
            candidate.back().text += ' ';
        }
        append_to(candidate, word);
        if (width(candidate) > max_width_) return false;
        line_.fragments = std::move(candidate);
        line_.words += glued ? 0 : 1;
        return true;
    }

    // A word that would leave this line well short (a fifth of it or more) is split at the
    // latest hyphenation point that fits; the rest starts the next line.
    bool hyphenate_into_line(const Word& word, bool glued, const Word& separator) {
        if (width(line_.fragments) * 5 >= max_width_ * 4) return false;
        const auto points = m_.hyphenation_points(text_of(word));
        for (auto at = points.rbegin(); at != points.rend(); ++at) {
            Word rest = word;
            Word front = take_front(rest, *at);
            front.back().text += '-';
            if (!try_append(front, glued, separator)) continue;
            end_line();
            add_word(rest, false);
            return true;
        }
        return false;
    }

    void end_line() {
        out_.lines.push_back(std::exchange(line_, {}));
        separator_.clear();
    }

    // Breaks between characters, for a word wider than the whole line. Each line takes the
    // longest prefix that fits, found by doubling then bisecting, so a 4000-character word costs
    // a few measurements a line rather than one per character.
    void add_long_word(const Word& word) {
        out_.broke_words = true;
        if (!line_.fragments.empty()) end_line();
        line_.words = 1;
        for (const auto& f : word) {
            std::string_view rest = f.text;
            while (!rest.empty()) {
                const std::size_t take = fitting_prefix(rest, f.emphasis);
                append_to(line_.fragments, Word{{std::string(rest.substr(0, take)), f.emphasis}});
                rest.remove_prefix(take);
                if (!rest.empty()) end_line(), line_.words = 1;
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
            auto candidate = line_.fragments;
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

    const TextStyle& style_;
    int max_width_;
    const TextMeasure& m_;
    Line line_;
    Word separator_; // waiting for the next word on the same line
    Paragraph out_;
};

Paragraph wrap_greedy(std::span<const Token> tokens, const TextStyle& style, int width,
                      const TextMeasure& measure) {
    LineBuilder lines(style, width, measure);
    for (const auto& token : tokens)
        lines.add(token);
    return lines.finish();
}

int line_width(const Line& line, const TextStyle& style, const TextMeasure& m) {
    int w = 0;
    for (const auto& f : line.fragments)
        w += m.text_width(f.text, f.emphasis ? style.emphasis : style.regular, style.px);
    return w;
}

// A last line of one word looks like an accident. Wrapping just narrower than the line above it
// moves a word down to keep it company; failing that (the line count would grow), narrowing the
// whole paragraph a little may. If neither keeps the line count, the greedy wrap stays.
Paragraph wrap_balanced(std::span<const Token> tokens, const TextStyle& style, int width,
                        const TextMeasure& measure) {
    Paragraph greedy = wrap_greedy(tokens, style, width, measure);
    const auto n = greedy.lines.size();
    const Line& last = greedy.lines.back();
    if (n < 2 || last.words != 1 || last.after_separator || greedy.broke_words) return greedy;
    std::vector<int> widths{line_width(greedy.lines[n - 2], style, measure) - 1};
    for (int percent = 98; percent >= 80; percent -= 2)
        widths.push_back(width * percent / 100);
    for (const int w : widths) {
        Paragraph p = wrap_greedy(tokens, style, w, measure);
        if (p.lines.size() == n && !p.broke_words && p.lines.back().words > 1) return p;
    }
    return greedy;
}

// Explicit line breaks cut the text into paragraphs; a break at the very end adds no line.
std::vector<std::span<const Token>> paragraphs(const std::vector<Token>& tokens) {
    std::vector<std::span<const Token>> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        if (i < tokens.size() && !tokens[i].line_break) continue;
        out.emplace_back(tokens.data() + start, i - start);
        start = i + 1;
    }
    if (out.size() > 1 && out.back().empty()) out.pop_back();
    return out;
}

void place_line(WrappedText& out, Line& line, const TextStyle& style, const TextMeasure& m) {
    const int y = out.lines * m.line_height(style.px);
    int x = 0;
    for (auto& f : line.fragments) {
        SceneText t;
        t.style = f.emphasis ? style.emphasis : style.regular;
        t.ink = f.emphasis ? style.emphasis_ink : style.ink;
        t.px = style.px;
        t.text = std::move(f.text);
        t.w = m.text_width(t.text, t.style, t.px);
        t.h = m.line_height(t.px);
        t.x = x;
        t.y = y;
        x += t.w;
        out.pieces.push_back(std::move(t));
    }
    out.width = std::max(out.width, x);
    ++out.lines;
}

} // namespace

WrappedText wrap_text(const std::vector<TextRun>& runs, const TextStyle& style, int max_width,
                      const TextMeasure& measure) {
    WrappedText out;
    const auto tokens = tokenize(runs);
    for (const auto paragraph : paragraphs(tokens)) {
        Paragraph p = wrap_balanced(paragraph, style, std::max(1, max_width), measure);
        out.broke_words = out.broke_words || p.broke_words;
        for (auto& line : p.lines)
            place_line(out, line, style, measure);
    }
    out.height = out.lines * measure.line_height(style.px);
    return out;
}

} // namespace kiosk
