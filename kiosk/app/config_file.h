#pragma once
// /etc/kiosk/kiosk.json: the same options as the command line, read from the options table.
#include "app/settings.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

// Reads a configuration file into settings (the options table's rows with a key); the command
// line then overrides it. Returns every problem, each naming the file and field; empty when all
// is well.
std::vector<std::string> apply_config_file(const std::filesystem::path& file, Settings& settings);

} // namespace kiosk
