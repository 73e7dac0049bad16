#pragma once
// Fixed-width text measure: every character (code point) is half the pixel size wide, bold a
// little wider, so expected line breaks can be worked out by hand.
#include "content/utf8.h"
#include "layout/measure.h"

namespace kiosk::test {

class FakeMeasure : public TextMeasure {
  public:
    int text_width(std::string_view s, FontStyle style, int px) const override {
        int chars = 0;
        for (std::size_t i = 0; i < s.size();
             i += utf8_sequence_length(static_cast<unsigned char>(s[i])))
            ++chars;
        const int per_char = style == FontStyle::Bold ? px * 6 / 10 : px / 2;
        return chars * per_char;
    }
    int line_height(int px) const override { return px * 5 / 4; }
};

} // namespace kiosk::test
