#pragma once
#include "app/settings.h"

namespace kiosk {

// --stats: the totals in the terminal. --stats-export DIR: daily.csv, hourly.csv and chart.png,
// what the USB import hands the organiser in kiosk-stats/. Each returns the exit code.
int run_stats(const Settings& settings);
int run_stats_export(const Settings& settings);

} // namespace kiosk
