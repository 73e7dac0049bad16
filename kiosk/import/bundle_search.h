#pragma once
// A stick without a bundle folder of the expected name is searched for one under another name
// ("Kiosk ", "kiosk-2017", or kiosk/ one level down), so that the organiser hears what to rename
// instead of nothing at all. Only folders are looked at, no link is followed, and only the
// stick's top level and the level below it, a bounded number of entries each.
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

// The folder (relative to the mount, "Nieuwe map/kiosk" for one level down) that holds a
// manifest.json or deck.json, or nothing.
std::optional<std::string> find_misnamed_bundle(const std::filesystem::path& mount,
                                                const std::string& bundle_folder);

} // namespace kiosk
