#include "commands/typesetting.h"

#include <ostream>

namespace kiosk {

HyphenatedMeasure typesetting(const TextMeasure& fonts, const DisplaySettings& display,
                              std::string_view language, std::ostream& log) {
    std::string error;
    auto hyphenator = Hyphenator::open(display.hyphenation_dir, language, error);
    if (!hyphenator) log << "kiosk: " << error << "; words wrap at spaces only\n";
    return HyphenatedMeasure(fonts, std::move(hyphenator));
}

} // namespace kiosk
