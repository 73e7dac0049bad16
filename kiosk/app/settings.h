#pragma once
// Every knob of the kiosk in one struct with defaults, filled from the command line and passed
// down explicitly. No globals: tests build a Settings by hand.
#include "app/schedule.h"
#include "layout/geometry.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class Command { Run, Check, Export, Bundle, Stats, StatsExport, Help, Version };
enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };
// The CSV files of --stats-export: for a Belgian Excel (BOM, ";", decimal comma), or RFC 4180.
enum class CsvFormat { Excel, Rfc4180 };

// Where the slides come from, and which bundles from a stick are trusted: the content updates
// and the importer.
struct ContentSettings {
    std::filesystem::path content_dir;   // a plain folder: watched and reloaded on save
    std::filesystem::path content_root;  // releases from USB imports: ROOT/current, ROOT/releases/
    std::string bundle_folder = "kiosk"; // the folder on a stick that holds a bundle
    std::vector<std::string> trusted_keys; // minisign public keys (base64), current and spare
    bool require_signature = true;         // only a development setup turns this off
    int releases_kept = 3;
};

// The screen: the display, the fonts and hyphenation, and how the picture is turned.
struct DisplaySettings {
    bool windowed = false;
    Size window{1280, 720};
    std::filesystem::path font_dir = "/usr/share/fonts/opentype/inter";
    std::filesystem::path hyphenation_dir = "/usr/share/hyphen"; // Debian's hyphen-nl and kin
    int rotation = 0; // 0, 90, 180, 270: the picture turned clockwise
};

// How the kiosk behaves towards visitors and the operator: the app's own part.
struct VisitorSettings {
    std::optional<double> idle_return_s; // overrides the deck's timing
    double status_hold_s = 4;            // long press that opens the status overlay
    Corner status_corner = Corner::TopLeft;
    double status_visible_s = 20; // the overlay closes itself after this long
    Schedule schedule;            // opening hours; dark outside them (always open by default)
    double wake_on_touch_s = 120; // a touch outside opening hours lights the screen this long
    bool burn_in_shift = true;    // move the whole picture a few pixels every 10 minutes
    bool hall_sync = false;       // the loop as a function of the clock (README: Several screens)
};

// What the one-shot commands work on (--bundle, --export, --stats-export).
struct CommandArgs {
    std::filesystem::path bundle_dir;  // --bundle: the content folder to make a manifest for
    std::uint64_t bundle_sequence = 0; // --seq for --bundle
    std::filesystem::path export_dir;
    Size export_size{1920, 1080};
    std::filesystem::path stats_export_dir;  // --stats-export: CSV files and the chart go here
    CsvFormat csv_format = CsvFormat::Excel; // what the organiser's spreadsheet opens
};

// For tests, previews and the benchmark, never for a kiosk in a foyer.
struct TestHooks {
    double time_scale = 1.0;   // > 1 runs the clock fast (tests, previews)
    int exit_after_loops = 0;  // 0: run until stopped
    int exit_after_frames = 0; // 0: run until stopped (the benchmark's start-up time)
    bool trace = false;        // print state changes on stdout (tests)
    bool frame_times = false;  // print each frame's drawing and sending time on stderr (bench)
    double hall_offset_s = 0;  // the hall's clock taken as this far off
    int preview_slide = 0;     // 1..: the loop starts at this slide (as the counter shows it)
};

// Every knob, each consumer's part in a struct of its own; filled from the options table
// (options_table.h) by the command line and the configuration file.
struct Settings {
    Command command = Command::Run;
    std::filesystem::path config_file; // JSON with any of the options (README: Configuration)
    ContentSettings content;
    DisplaySettings display;
    VisitorSettings visitor;
    CommandArgs args;
    TestHooks hooks;
    std::filesystem::path stats_file; // the visit statistics (SQLite); see stats_path()
};

// Where the statistics live: stats_file when set, else CONTENT_ROOT/stats/stats.sqlite on an
// installed kiosk; empty (nothing recorded) for a plain content folder, as in development.
std::filesystem::path stats_path(const Settings& settings);

struct ParsedArgs {
    Settings settings;
    std::string error; // non-empty: print it (with usage() when usage_helps) and exit 2
    // A mistake on the command line is shown with the usage; one in the configuration file is
    // not: the file's lines would drown in a screen of options it does not need.
    bool usage_helps = true;
};

ParsedArgs parse_args(const std::vector<std::string>& args);
std::optional<Corner> parse_corner(const std::string& text);        // "top-left", ...
std::optional<CsvFormat> parse_csv_format(const std::string& text); // "excel", "rfc4180"
std::string usage(); // --help: every row of the options table (options_table.h)

// The installed deck beside the executable (../share/kiosk/content), else the source tree's.
std::filesystem::path default_content_dir(const std::filesystem::path& executable);

} // namespace kiosk
