#pragma once
// Dutch hyphenation from a real source: the patterns of Debian's hyphen-* packages, read through
// libhyphen (the library LibreOffice uses). Layout asks the TextMeasure for a word's points, so
// HyphenatedMeasure lends them to any measure; tests use the real patterns or none.
#include "layout/measure.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct _HyphenDict;

namespace kiosk {

class Hyphenator {
  public:
    // The patterns for a language tag ("nl", "nl-BE"): hyph_nl_BE.dic, else hyph_nl.dic, in dir.
    // nullopt, with error naming the file looked for, when there are none.
    static std::optional<Hyphenator> open(const std::filesystem::path& dir,
                                          std::string_view language, std::string& error);

    // Byte offsets inside a UTF-8 word where a hyphen may be added, at least min_fragment letters
    // from either end. Punctuation around the word is allowed; a word with digits, a hyphen,
    // inner capitals (an acronym, "eID") or other marks gets none.
    std::vector<std::size_t> points(std::string_view word) const;

    // As for a break at a written hyphen (break_points.h): at a distance, a fragment shorter than
    // five letters reads as a typo ("digi-", "-heid").
    static constexpr int min_fragment = 5;

  private:
    struct Free {
        void operator()(_HyphenDict* d) const;
    };
    explicit Hyphenator(_HyphenDict* dict) : dict_(dict) {}
    std::unique_ptr<_HyphenDict, Free> dict_;
};

// A measure that also knows where words may be hyphenated (none without a hyphenator).
class HyphenatedMeasure : public TextMeasure {
  public:
    HyphenatedMeasure(const TextMeasure& base, std::optional<Hyphenator> hyphenator)
        : base_(base), hyphenator_(std::move(hyphenator)) {}
    int text_width(std::string_view utf8, FontStyle style, int px) const override {
        return base_.text_width(utf8, style, px);
    }
    int line_height(int px) const override { return base_.line_height(px); }
    std::vector<std::size_t> hyphenation_points(std::string_view word) const override {
        return hyphenator_ ? hyphenator_->points(word) : std::vector<std::size_t>{};
    }

  private:
    const TextMeasure& base_;
    std::optional<Hyphenator> hyphenator_;
};

} // namespace kiosk
