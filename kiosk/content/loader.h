#pragma once
// Reads a deck from JSON text and validates all of it, collecting every problem with its place
// rather than stopping at the first, so an author fixes a deck in one pass.
#include "content/deck.h"
#include "content/diagnostics.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct LoadResult {
    std::optional<Deck> deck; // set when nothing fatal was found (see Diagnostics::recoverable)
    Diagnostics diagnostics;
};

// The deck file inside a content folder.
inline constexpr const char* deck_file_name = "deck.json";

// base_dir: where image files named by the deck are looked up (the content folder).
LoadResult load_deck_text(std::string_view text, const std::string& file_label,
                          const std::filesystem::path& base_dir = {});
LoadResult load_deck_file(const std::filesystem::path& file);
LoadResult load_content_dir(const std::filesystem::path& dir);

} // namespace kiosk
