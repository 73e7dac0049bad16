#include "import/deck_check.h"

#include "content/loader.h"
#include "import/words.h"

#include <string_view>
#include <vector>

namespace kiosk {

namespace fs = std::filesystem;
namespace {

// A deck error where the organiser finds it (kiosk/deck.json:1:14), not in the kiosk's staging.
std::string on_stick(std::string text, const fs::path& staging, const std::string& folder) {
    const std::string prefix = staging.string();
    for (auto at = text.find(prefix); at != std::string::npos;
         at = text.find(prefix, at + folder.size()))
        text.replace(at, prefix.size(), folder);
    return text;
}

void list_deck_errors(const std::vector<std::string>& shown, int total, ImportResult& r) {
    for (std::string line : shown) {
        constexpr std::string_view severity = ": error: "; // every line here is an error
        if (const auto at = line.find(severity); at != std::string::npos)
            line.replace(at, severity.size(), ": ");
        r.details.push_back(line);
    }
    if (const auto more = total - static_cast<int>(shown.size()); more > 0)
        r.details.push_back(
            fill_template(receipt_words.more_errors, {{"n", std::to_string(more)}}));
}

} // namespace

// Stage 3: the deck must load with the kiosk's own loader, without a single error.
bool check_deck(const fs::path& staging, const std::string& folder, ImportResult& r) {
    const auto loaded = load_content_dir(staging);
    if (!loaded.diagnostics.has_errors() && loaded.deck) {
        r.slides = static_cast<int>(loaded.deck->slides.size());
        return true;
    }
    // The receipt lists the first few errors; kiosk --check gives them all.
    auto errors = first_lines(loaded.diagnostics, Severity::Error, 3);
    for (auto& line : errors)
        line = on_stick(line, staging, folder);
    r = refused(ImportCode::invalid_deck,
                errors.empty() ? "the deck does not load" : errors.front());
    list_deck_errors(errors, loaded.diagnostics.count(Severity::Error), r);
    return false;
}

} // namespace kiosk
