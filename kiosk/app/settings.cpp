#include "app/settings.h"

#include <charconv>

namespace kiosk {
namespace {

std::optional<Size> parse_size(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    Size s;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto a = std::from_chars(begin, begin + x, s.w);
    auto b = std::from_chars(begin + x + 1, end, s.h);
    if (a.ec != std::errc{} || a.ptr != begin + x || b.ec != std::errc{} || b.ptr != end)
        return std::nullopt;
    if (s.w < 64 || s.h < 64 || s.w > 8192 || s.h > 8192) return std::nullopt;
    return s;
}

std::optional<double> parse_number(const std::string& text, double min, double max) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size() || v < min || v > max) return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

} // namespace

std::optional<Corner> parse_corner(const std::string& text) {
    if (text == "top-left") return Corner::TopLeft;
    if (text == "top-right") return Corner::TopRight;
    if (text == "bottom-left") return Corner::BottomLeft;
    if (text == "bottom-right") return Corner::BottomRight;
    return std::nullopt;
}

namespace {

struct ArgCursor {
    const std::vector<std::string>& args;
    std::size_t i = 0;
    std::string error;

    std::optional<std::string> value(const std::string& option) {
        if (i + 1 >= args.size()) {
            error = option + " needs a value";
            return std::nullopt;
        }
        return args[++i];
    }
};

// Handles one option at cursor.i; false when it is unknown or its value is bad.
bool parse_option(ArgCursor& c, Settings& s) {
    const std::string& a = c.args[c.i];
    auto size_value = [&](Size& out) {
        auto v = c.value(a);
        if (!v) return false;
        auto size = parse_size(*v);
        if (!size)
            c.error = a + ": expected WIDTHxHEIGHT between 64 and 8192, got \"" + *v + "\"";
        else
            out = *size;
        return size.has_value();
    };
    auto number_value = [&](double min, double max) -> std::optional<double> {
        auto v = c.value(a);
        if (!v) return std::nullopt;
        auto n = parse_number(*v, min, max);
        if (!n)
            c.error = a + ": expected a number from " + std::to_string(min) + " to " +
                      std::to_string(max) + ", got \"" + *v + "\"";
        return n;
    };
    auto path_value = [&](std::filesystem::path& out) {
        auto v = c.value(a);
        if (v) out = *v;
        return v.has_value();
    };
    if (a == "--help" || a == "-h") return s.command = Command::Help, true;
    if (a == "--version") return s.command = Command::Version, true;
    if (a == "--windowed") return s.windowed = true, size_value(s.window);
    if (a == "--content") return path_value(s.content_dir);
    if (a == "--content-root") return path_value(s.content_root);
    if (a == "--config") return path_value(s.config_file); // read before the other options
    if (a == "--bundle") return s.command = Command::Bundle, path_value(s.bundle_dir);
    if (a == "--seq") {
        auto n = number_value(1, 9007199254740991.0);
        if (n) s.bundle_sequence = static_cast<std::uint64_t>(*n);
        return n.has_value();
    }
    if (a == "--allow-unsigned") return s.require_signature = false, true;
    if (a == "--check") return s.command = Command::Check, path_value(s.content_dir);
    if (a == "--export") return s.command = Command::Export, path_value(s.export_dir);
    if (a == "--size") return size_value(s.export_size);
    if (a == "--stats") return s.command = Command::Stats, true;
    if (a == "--stats-export")
        return s.command = Command::StatsExport, path_value(s.stats_export_dir);
    if (a == "--stats-file") return path_value(s.stats_file);
    if (a == "--font-dir") return path_value(s.font_dir);
    if (a == "--trace") return s.trace = true, true;
    if (a == "--idle") {
        auto n = number_value(1, 86400);
        if (n) s.idle_return_s = *n;
        return n.has_value();
    }
    if (a == "--time-scale") {
        auto n = number_value(0.01, 10000);
        if (n) s.time_scale = *n;
        return n.has_value();
    }
    if (a == "--exit-after-frames") {
        auto n = number_value(1, 1e6);
        if (n) s.exit_after_frames = static_cast<int>(*n);
        return n.has_value();
    }
    if (a == "--exit-after-loops") {
        auto n = number_value(1, 1e6);
        if (n) s.exit_after_loops = static_cast<int>(*n);
        return n.has_value();
    }
    if (a == "--rotation") {
        auto n = number_value(0, 270);
        const int deg = n ? static_cast<int>(*n) : -1;
        if (n && (deg % 90 != 0 || deg != *n))
            c.error = "--rotation: expected 0, 90, 180 or 270";
        else if (n)
            s.rotation = deg;
        return c.error.empty() && n.has_value();
    }
    if (a == "--status-hold") {
        auto n = number_value(0.5, 60);
        if (n) s.status_hold_s = *n;
        return n.has_value();
    }
    if (a == "--status-corner") {
        auto v = c.value(a);
        if (!v) return false;
        auto corner = parse_corner(*v);
        if (!corner)
            c.error = "--status-corner: expected top-left, top-right, bottom-left or bottom-right";
        else
            s.status_corner = *corner;
        return corner.has_value();
    }
    c.error = "unknown option \"" + a + "\"";
    return false;
}

} // namespace

ParsedArgs parse_args(const std::vector<std::string>& args) {
    ParsedArgs out;
    // The configuration file first, so that any option on the command line overrides it.
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] != "--config") continue;
        const auto problems = apply_config_file(args[i + 1], out.settings);
        if (!problems.empty()) {
            for (const auto& p : problems)
                out.error += (out.error.empty() ? "" : "\n") + p;
            return out;
        }
    }
    ArgCursor cursor{args, 0, {}};
    for (cursor.i = 0; cursor.i < args.size(); ++cursor.i) {
        if (!parse_option(cursor, out.settings)) {
            out.error = cursor.error;
            return out;
        }
    }
    return out;
}

std::string usage() {
    return R"(Usage: kiosk [options]
Shows a deck of slides fullscreen, looping, browsable by touch.

  --config FILE          settings from a JSON file (see README); options below override it
  --content DIR          content folder holding deck.json (default: the installed deck); it is
                         watched and reloaded when a file in it is saved
  --content-root DIR     show the imported releases in DIR (DIR/current, DIR/releases/), switch
                         when an import publishes a new one
  --allow-unsigned       accept bundles without a signature (development only)
  --bundle DIR --seq N   write DIR/manifest.json for a bundle and print the command that signs it
  --windowed WxH         a window of that size instead of fullscreen (Escape quits)
  --check DIR            validate DIR/deck.json and its layout; exit 0 when clean, 1 on errors
  --export OUTDIR        render every slide to OUTDIR/slide-NN.png without a display
  --size WxH             size for --export (default 1920x1080)
  --stats                print the visit statistics: per day, the most read findings, visits
                         by hour
  --stats-export DIR     write the statistics to DIR: daily.csv, hourly.csv and chart.png
  --stats-file FILE      the statistics database (default: CONTENT_ROOT/stats/stats.sqlite)
  --font-dir DIR         folder with Inter-Regular.otf, Inter-Bold.otf, Inter-Italic.otf
  --idle SECONDS         return to the loop after this long without touch (default: deck timing)
  --time-scale F         run the clock F times faster (previews and tests)
  --exit-after-loops N   quit after the attract loop has gone round N times (tests)
  --rotation DEG         turn the picture 0, 90, 180 or 270 degrees clockwise (portrait screens)
  --status-hold SECONDS  long press that opens the status overlay (default 4)
  --status-corner C      where that press goes: top-left (default), top-right, bottom-left,
                         bottom-right
  --trace                print what is shown, one line per change (tests)
  --version, --help
)";
}

std::filesystem::path stats_path(const Settings& settings) {
    if (!settings.stats_file.empty()) return settings.stats_file;
    if (settings.content_root.empty()) return {};
    return settings.content_root / "stats" / "stats.sqlite";
}

std::filesystem::path default_content_dir(const std::filesystem::path& executable) {
    std::error_code ec;
    const auto installed = executable.parent_path().parent_path() / "share" / "kiosk" / "content";
    if (std::filesystem::exists(installed / "deck.json", ec)) return installed;
    return KIOSK_SOURCE_CONTENT_DIR;
}

} // namespace kiosk
