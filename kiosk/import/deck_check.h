#pragma once
// Stage 3 of an import: the staged deck must load with the kiosk's own loader, without a single
// error; its first errors go on the receipt, named where the organiser finds them on the stick.
#include "import/importer.h"

#include <filesystem>
#include <string>

namespace kiosk {

// Sets r.slides when the deck is sound; else refuses r as invalid_deck. folder: the bundle's
// folder on the stick, which the messages name instead of the staging copy.
bool check_deck(const std::filesystem::path& staging, const std::string& folder, ImportResult& r);

} // namespace kiosk
