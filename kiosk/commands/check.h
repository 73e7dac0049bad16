#pragma once
// --check: validates the content and its layout at every screen size, as an author's last step.
#include "app/settings.h"

namespace kiosk {

// Returns the process exit code.
int run_check(const Settings& settings);

} // namespace kiosk
