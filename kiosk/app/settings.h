#pragma once
// Every knob of the kiosk in one struct with defaults, filled from the command line and passed
// down explicitly. No globals: tests build a Settings by hand.
#include "layout/geometry.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class Command { Run, Check, Export, Help, Version };
enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

struct Settings {
    Command command = Command::Run;
    std::filesystem::path content_dir; // empty: default_content_dir()
    bool windowed = false;
    Size window{1280, 720};
    std::filesystem::path export_dir;
    Size export_size{1920, 1080};
    std::filesystem::path font_dir = "/usr/share/fonts/opentype/inter";
    std::optional<double> idle_return_s; // overrides the deck's timing
    double time_scale = 1.0;             // > 1 runs the clock fast (tests, previews)
    int exit_after_loops = 0;            // 0: run until stopped
    bool trace = false;                  // print state changes on stdout (tests)
    int rotation = 0;                    // 0, 90, 180, 270: the picture turned clockwise
    double status_hold_s = 4;            // long press that opens the status overlay
    Corner status_corner = Corner::TopLeft;
    double status_visible_s = 20;        // the overlay closes itself after this long
};

struct ParsedArgs {
    Settings settings;
    std::string error; // non-empty: print it with usage() and exit 2
};

ParsedArgs parse_args(const std::vector<std::string>& args);
std::string usage();

// The installed deck beside the executable (../share/kiosk/content), else the source tree's.
std::filesystem::path default_content_dir(const std::filesystem::path& executable);

} // namespace kiosk
