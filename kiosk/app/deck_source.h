#pragma once
// Where the deck on screen comes from at start-up: the content folder, else the deck built into
// the executable (the default SERV deck), so the kiosk never shows a blank screen because of
// content. Every problem is logged with its place.
#include "content/deck.h"

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

namespace kiosk {

struct StartupDeck {
    Deck deck;
    std::string origin; // "content/deck.json" or "built-in default deck"
    bool fallback = false;
};

StartupDeck load_startup_deck(const std::filesystem::path& content_dir, std::ostream& log);

// The default deck's JSON as compiled into the executable.
std::string_view builtin_deck_json();

} // namespace kiosk
