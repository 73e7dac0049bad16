#include "content/markup.h"

namespace kiosk {
namespace {

// Positions of "**" delimiters, in pairs; a trailing odd one is unclosed.
std::vector<std::size_t> delimiters(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t pos = text.find("**"); pos != std::string_view::npos;
         pos = text.find("**", pos + 2))
        out.push_back(pos);
    return out;
}

void append(std::vector<TextRun>& runs, std::string_view text, bool emphasis) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().emphasis == emphasis) {
        runs.back().text.append(text);
        return;
    }
    runs.push_back({std::string(text), emphasis});
}

} // namespace

std::vector<TextRun> parse_markup(std::string_view text) {
    const auto marks = delimiters(text);
    const std::size_t paired = marks.size() - marks.size() % 2;
    std::vector<TextRun> runs;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < paired; i += 2) {
        append(runs, text.substr(pos, marks[i] - pos), false);
        append(runs, text.substr(marks[i] + 2, marks[i + 1] - marks[i] - 2), true);
        pos = marks[i + 1] + 2;
    }
    append(runs, text.substr(pos), false);
    return runs;
}

std::string strip_markup(std::string_view text) {
    std::string out;
    for (const auto& run : parse_markup(text))
        out += run.text;
    return out;
}

std::optional<std::string> markup_problem(std::string_view text) {
    const auto marks = delimiters(text);
    if (marks.size() % 2 != 0)
        return "unclosed ** at character " + std::to_string(marks.back() + 1);
    for (std::size_t i = 0; i < marks.size(); i += 2)
        if (marks[i + 1] == marks[i] + 2)
            return "empty emphasis **** at character " + std::to_string(marks[i] + 1);
    return std::nullopt;
}

} // namespace kiosk
