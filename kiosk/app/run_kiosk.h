#pragma once
#include "app/settings.h"

namespace kiosk {

// The three commands; each returns the process exit code.
int run_kiosk(const Settings& settings);  // the display loop
int run_export(const Settings& settings); // slides to PNG files
int run_check(const Settings& settings);  // validate content and layout

} // namespace kiosk
