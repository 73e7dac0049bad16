#pragma once
// What layout measures with: the fonts, and the hyphenation of the deck's language where Debian's
// patterns for it are installed. Without them words wrap at spaces only, and the log says so.
#include "app/settings.h"
#include "layout/hyphenation.h"

#include <iosfwd>
#include <string_view>

namespace kiosk {

HyphenatedMeasure typesetting(const TextMeasure& fonts, const DisplaySettings& display,
                              std::string_view language, std::ostream& log);

} // namespace kiosk
