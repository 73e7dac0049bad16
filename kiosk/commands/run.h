#pragma once
// The display loop: the kiosk itself.
#include "app/settings.h"

namespace kiosk {

// Returns the process exit code.
int run_kiosk(const Settings& settings);

} // namespace kiosk
