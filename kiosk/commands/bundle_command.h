#pragma once
#include "app/settings.h"
#include "bundle/manifest.h"
#include "content/diagnostics.h"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// The manifest of every file a content folder would carry on a stick; what cannot go on a stick
// safely (links, odd names) is listed in errors instead, and what the kiosk never reads (editor
// backups, Thumbs.db, the schema) in left_out, each with why: "deck.json~ (an editor's backup)".
std::optional<Manifest> bundle_manifest(const std::filesystem::path& dir,
                                        std::vector<std::string>& errors,
                                        std::vector<std::string>& left_out);

// bundle_manifest checked against the bundle's limits as the importer will judge them, then
// written to DIR/manifest.json; every problem goes to log, and nothing is written when any.
std::optional<Manifest> write_bundle_manifest(const std::filesystem::path& dir, std::ostream& log);

// kiosk --bundle DIR --seq N: writes DIR/manifest.json and prints the signing command.
int run_bundle(const Settings& settings);

// For --check: when dir holds a manifest, its hashes and signature as the kiosk will check them.
void check_bundle(const Settings& settings, const std::filesystem::path& dir, Diagnostics& d);

} // namespace kiosk
