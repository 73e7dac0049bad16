#pragma once
// How layout learns the size of text without knowing about fonts or SDL: the renderer implements
// this with SDL_ttf, tests with a fixed-width fake.
#include <cstddef>
#include <string_view>
#include <vector>

namespace kiosk {

enum class FontStyle { Regular, Bold, Italic };

class TextMeasure {
  public:
    virtual ~TextMeasure() = default;
    // Advance width in pixels of a single line of UTF-8 text at the given pixel size.
    virtual int text_width(std::string_view utf8, FontStyle style, int px) const = 0;
    // Distance between baselines of consecutive lines at this size.
    virtual int line_height(int px) const = 0;
    // Byte offsets inside a word where the deck's language lets it take a hyphen and break
    // (layout/hyphenation.h); none unless a hyphenator is lent.
    virtual std::vector<std::size_t> hyphenation_points(std::string_view) const { return {}; }
};

} // namespace kiosk
