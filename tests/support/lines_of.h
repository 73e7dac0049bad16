#pragma once
// The lines of wrapped text as strings, pieces on one line joined: what a reader sees.
#include "layout/text_layout.h"

#include <string>
#include <vector>

namespace kiosk::test {

inline std::vector<std::string> lines_of(const WrappedText& w) {
    std::vector<std::string> lines;
    int last_y = -1;
    for (const auto& p : w.pieces) {
        if (p.y != last_y) lines.emplace_back();
        lines.back() += p.text;
        last_y = p.y;
    }
    return lines;
}

} // namespace kiosk::test
