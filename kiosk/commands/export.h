#pragma once
// --export: every slide to a numbered PNG file, drawn as on screen.
#include "app/settings.h"

namespace kiosk {

// Returns the process exit code.
int run_export(const Settings& settings);

} // namespace kiosk
