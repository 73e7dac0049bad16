#pragma once
// How layout learns the size of text without knowing about fonts or SDL: the renderer implements
// this with SDL_ttf, tests with a fixed-width fake.
#include <string_view>

namespace kiosk {

enum class FontStyle { Regular, Bold, Italic };

class TextMeasure {
  public:
    virtual ~TextMeasure() = default;
    // Advance width in pixels of a single line of UTF-8 text at the given pixel size.
    virtual int text_width(std::string_view utf8, FontStyle style, int px) const = 0;
    // Distance between baselines of consecutive lines at this size.
    virtual int line_height(int px) const = 0;
};

} // namespace kiosk
