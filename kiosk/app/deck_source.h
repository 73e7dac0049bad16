#pragma once
// Where the deck on screen comes from: a plain content folder, or the releases made by USB
// imports (falling back from `current` to older releases), and as a last resort the deck built
// into the executable (the default SERV deck), so the kiosk never shows a blank screen because
// of content. Every problem is logged with its place.
#include "content/deck.h"
#include "content/loader.h"

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

namespace kiosk {

struct StartupDeck {
    Deck deck;
    std::string origin; // "content/deck.json", "release 12-ab…", "built-in default deck"
    bool fallback = false;
    std::string problem; // why something newer could not be shown, for the status overlay
};

// From a content folder (content_root empty) or from a content root's releases.
StartupDeck load_startup_deck(const std::filesystem::path& content_dir,
                              const std::filesystem::path& content_root, std::ostream& log);

// How a release is named as an origin ("release 12-ab…"): the running kiosk compares these to
// tell whether `current` moved.
std::string release_origin(const std::filesystem::path& release);

// The default deck's JSON as compiled into the executable.
std::string_view builtin_deck_json();

void log_diagnostics(const Diagnostics& d, std::ostream& log);

} // namespace kiosk
