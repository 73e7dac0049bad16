#include "app/deck_source.h"

#include "content/loader.h"

namespace kiosk {

extern const char builtin_deck_data[];
extern const std::size_t builtin_deck_size;

std::string_view builtin_deck_json() { return {builtin_deck_data, builtin_deck_size}; }

namespace {

void log_diagnostics(const Diagnostics& d, std::ostream& log) {
    for (const auto& item : d.items) log << "kiosk: " << to_string(item) << '\n';
}

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

} // namespace

StartupDeck load_startup_deck(const std::filesystem::path& content_dir, std::ostream& log) {
    auto loaded = load_content_dir(content_dir);
    log_diagnostics(loaded.diagnostics, log);
    if (loaded.deck)
        return {std::move(*loaded.deck), (content_dir / deck_file_name).string(), false};
    log << "kiosk: " << (content_dir / deck_file_name).string()
        << " cannot be shown; showing the built-in default deck\n";
    auto builtin = load_deck_text(builtin_deck_json(), "built-in deck");
    log_diagnostics(builtin.diagnostics, log);
    if (builtin.deck) return {std::move(*builtin.deck), "built-in default deck", true};
    return {emergency_deck(), "emergency slide", true};
}

} // namespace kiosk
