#include "app/deck_source.h"

#include "import/release_store.h"

namespace kiosk {

extern const char builtin_deck_data[];
extern const std::size_t builtin_deck_size;

std::string release_origin(const std::filesystem::path& release) {
    return "release " + release.filename().string();
}

std::string_view builtin_deck_json() {
    return {builtin_deck_data, builtin_deck_size};
}

void log_diagnostics(const Diagnostics& d, std::ostream& log) {
    for (const auto& item : d.items)
        log << "kiosk: " << to_string(item) << '\n';
}

namespace {

// Last resort if even the built-in deck were broken (a build mistake): one plain slide.
Deck emergency_deck() {
    Deck deck;
    deck.id = "emergency";
    deck.title = deck.version = "emergency";
    Slide s;
    s.kind = SlideKind::Title;
    s.title = "SERV-rondetafels digitalisering";
    deck.slides.push_back(s);
    return deck;
}

StartupDeck builtin(std::string problem, std::ostream& log) {
    log << "kiosk: showing the built-in default deck\n";
    auto loaded = load_deck_text(builtin_deck_json(), "built-in deck");
    log_diagnostics(loaded.diagnostics, log);
    if (loaded.deck) return {std::move(*loaded.deck), "built-in default deck", true, problem};
    return {emergency_deck(), "emergency slide", true, problem};
}

// The first diagnostic error, short, for the status overlay.
std::string first_error(const LoadResult& r) {
    const auto first = first_lines(r.diagnostics, Severity::Error, 1);
    return first.empty() ? "cannot be loaded" : first.front();
}

StartupDeck from_releases(const std::filesystem::path& root, std::ostream& log) {
    ReleaseStore store(root);
    const auto current = store.current();
    std::string problem = current ? "" : "no current release in " + root.string();
    auto candidates = store.releases();
    if (current) candidates.insert(candidates.begin(), *current);
    for (const auto& release : candidates) {
        auto loaded = load_content_dir(release);
        log_diagnostics(loaded.diagnostics, log);
        if (loaded.deck && !loaded.diagnostics.has_errors()) {
            const bool is_current = current && release == *current;
            if (!is_current)
                log << "kiosk: falling back to release " << release.filename().string() << '\n';
            return {std::move(*loaded.deck), release_origin(release), !is_current, problem};
        }
        if (problem.empty()) problem = release_origin(release) + ": " + first_error(loaded);
    }
    return builtin(problem.empty() ? "no release in " + root.string() : problem, log);
}

} // namespace

StartupDeck load_startup_deck(const std::filesystem::path& content_dir,
                              const std::filesystem::path& content_root, std::ostream& log) {
    if (!content_root.empty()) return from_releases(content_root, log);
    auto loaded = load_content_dir(content_dir);
    log_diagnostics(loaded.diagnostics, log);
    const std::string file = (content_dir / deck_file_name).string();
    if (loaded.deck) return {std::move(*loaded.deck), file, false, ""};
    log << "kiosk: " << file << " cannot be shown\n";
    return builtin(file + ": " + first_error(loaded), log);
}

} // namespace kiosk
