#include "content/diagnostics.h"

#include <algorithm>

namespace kiosk {

std::string to_string(const Diagnostic& d) {
    std::string place = d.file;
    if (d.line > 0) place += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    if (!d.pointer.empty()) place += " " + d.pointer;
    const char* level = d.severity == Severity::Error ? "error" : "warning";
    return place + ": " + level + ": " + d.message;
}

void Diagnostics::error(std::string pointer, std::string message) {
    items.push_back({Severity::Error, file, std::move(pointer), 0, 0, std::move(message)});
}

void Diagnostics::recoverable_error(std::string pointer, std::string message) {
    error(std::move(pointer), std::move(message));
    ++recoverable;
}

void Diagnostics::warning(std::string pointer, std::string message) {
    items.push_back({Severity::Warning, file, std::move(pointer), 0, 0, std::move(message)});
}

bool Diagnostics::has_errors() const {
    return count(Severity::Error) > 0;
}

int Diagnostics::count(Severity s) const {
    return static_cast<int>(
        std::count_if(items.begin(), items.end(), [s](const auto& d) { return d.severity == s; }));
}

std::vector<std::string> first_lines(const Diagnostics& d, Severity severity, std::size_t at_most) {
    std::vector<std::string> lines;
    for (const auto& item : d.items) {
        if (lines.size() == at_most) break;
        if (item.severity == severity) lines.push_back(to_string(item));
    }
    return lines;
}

} // namespace kiosk
