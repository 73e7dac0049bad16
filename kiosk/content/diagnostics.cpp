#include "content/diagnostics.h"

#include <algorithm>
#include <charconv>

namespace kiosk {
namespace {

// "/slides/29/duration_s" -> "slide 30 (/slides/29/duration_s)": the pointer counts from zero,
// an author from one, and the pointer stays for the exact field.
std::string subject(const std::string& pointer) {
    constexpr std::string_view slides = "/slides/";
    if (pointer.rfind(slides, 0) != 0) return pointer;
    std::size_t index = 0;
    const char* first = pointer.data() + slides.size();
    const char* last = pointer.data() + pointer.size();
    const auto [end, ec] = std::from_chars(first, last, index);
    if (ec != std::errc() || end == first || (end != last && *end != '/')) return pointer;
    return "slide " + std::to_string(index + 1) + " (" + pointer + ")";
}

} // namespace

std::string to_string(const Diagnostic& d) {
    const char* level = d.severity == Severity::Error ? "error" : "warning";
    if (d.line > 0) {
        // As a compiler writes it, so that editors and terminals can jump to the place.
        const std::string place =
            d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
        const std::string what = d.pointer.empty() ? "" : subject(d.pointer) + ": ";
        return place + ": " + level + ": " + what + d.message;
    }
    const std::string place = d.pointer.empty() ? d.file : d.file + " " + d.pointer;
    return place + ": " + level + ": " + d.message;
}

void Diagnostics::add(Severity severity, std::string pointer, std::string message) {
    TextPosition at{0, 0};
    // Only JSON pointers point into the text; bundle checks use file names as the place.
    if (locate && !pointer.empty() && pointer.front() == '/') at = locate(pointer);
    items.push_back({severity, file, std::move(pointer), at.line, at.column, std::move(message)});
}

void Diagnostics::error(std::string pointer, std::string message) {
    add(Severity::Error, std::move(pointer), std::move(message));
}

void Diagnostics::recoverable_error(std::string pointer, std::string message) {
    error(std::move(pointer), std::move(message));
    ++recoverable;
}

void Diagnostics::warning(std::string pointer, std::string message) {
    add(Severity::Warning, std::move(pointer), std::move(message));
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
