#pragma once
// Inline emphasis: the seed marks key words with **...**, and so do deck authors. That is the only
// markup; everything else is literal text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct TextRun {
    std::string text;
    bool emphasis = false;
    friend bool operator==(const TextRun&, const TextRun&) = default;
};

// Splits text into runs. An unclosed ** is kept as literal text so nothing a visitor should read
// disappears; markup_problem() reports it to the author.
std::vector<TextRun> parse_markup(std::string_view text);

std::string strip_markup(std::string_view text);

// A message for an author ("unclosed ** at character 12"), or nullopt when the markup is sound.
std::optional<std::string> markup_problem(std::string_view text);

} // namespace kiosk
