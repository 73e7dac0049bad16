#pragma once
#include "app/settings.h"
#include "content/diagnostics.h"

#include <filesystem>

namespace kiosk {

// kiosk --bundle DIR --seq N: writes DIR/manifest.json and prints the signing command.
int run_bundle(const Settings& settings);

// For --check: when dir holds a manifest, its hashes and signature as the kiosk will check them.
void check_bundle(const Settings& settings, const std::filesystem::path& dir, Diagnostics& d);

} // namespace kiosk
