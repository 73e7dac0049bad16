#pragma once
// Finding the bundle on a stick. A stick without a bundle folder of the expected name is searched
// for one under another name ("Kiosk ", "kiosk-2017", or kiosk/ one level down), so that the
// organiser hears what to rename instead of nothing at all. Only folders are looked at, no link
// is followed, and only the stick's top level and the level below it, a bounded number of
// entries each.
#include "import/importer.h"
#include "import/untrusted_dir.h"

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

// The stick's bundle folder (options.bundle_folder), or none: then `none` says why, as nothing
// to import (no folder, an empty one: a statistics-only stick) or as a refusal the organiser
// must hear about (a link in its place, an unreadable folder, a bundle under another name).
std::optional<UntrustedDir> open_bundle(const ImportOptions& options, ImportResult& none);

// The folder (relative to the mount, "Nieuwe map/kiosk" for one level down) that holds a
// manifest.json or deck.json, or nothing.
std::optional<std::string> find_misnamed_bundle(const std::filesystem::path& mount,
                                                const std::string& bundle_folder);

} // namespace kiosk
