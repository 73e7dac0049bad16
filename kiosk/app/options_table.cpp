#include "app/options_table.h"

#include "content/limits.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace kiosk {
namespace {

using K = OptionKind;
using C = ContentSettings;
using D = DisplaySettings;
using V = VisitorSettings;
using A = CommandArgs;
using H = TestHooks;

// The way to each part's fields, short enough for a table.
template <auto M> constexpr auto top = &field<M>;
template <auto M> constexpr auto content = &field<&Settings::content, M>;
template <auto M> constexpr auto display = &field<&Settings::display, M>;
template <auto M> constexpr auto visitor = &field<&Settings::visitor, M>;
template <auto M> constexpr auto args = &field<&Settings::args, M>;
template <auto M> constexpr auto hooks = &field<&Settings::hooks, M>;

// The order is the order of the help. Ranges: where the command line and the file used to differ,
// the stricter one, which is also the deck's own (idle_return_s in deck.schema.json: 5 to 3600).
// One option per row, laid out by hand so that it reads as a table.
// clang-format off
const OptionRow rows[] = {
    {.cli = "--config", .kind = K::Path, .target = top<&Settings::config_file>,
     .value_name = "FILE",
     .help = "settings from a JSON file (README: Configuration); the other options override it"},
    {.cli = "--content", .key = "content", .kind = K::Path, .target = content<&C::content_dir>,
     .value_name = "DIR",
     .help = "content folder holding deck.json (default: the installed deck); it is watched and "
             "reloaded when a file in it is saved"},
    {.cli = "--content-root", .key = "content_root", .kind = K::Path,
     .target = content<&C::content_root>, .value_name = "DIR",
     .help = "show the imported releases in DIR (DIR/current, DIR/releases/), switch when an "
             "import publishes a new one"},
    {.cli = "--allow-unsigned", .key = "require_signature", .kind = K::Flag,
     .target = content<&C::require_signature>,
     .help = "accept bundles without a signature (development only)", .flag_value = false},
    {.cli = "--bundle", .kind = K::Path, .target = args<&A::bundle_dir>, .value_name = "DIR",
     .help = "write DIR/manifest.json for a bundle numbered --seq N and print the command that "
             "signs it",
     .command = Command::Bundle},
    {.cli = "--seq", .kind = K::Whole, .min = 1, .max = 9007199254740991.0,
     .target = args<&A::bundle_sequence>, .value_name = "N",
     .help = "the sequence number of the bundle that --bundle writes"},
    {.cli = "--windowed", .kind = K::Size, .min = 64, .max = 8192, .target = display<&D::window>,
     .value_name = "WxH", .help = "a window of that size instead of fullscreen (Escape quits)",
     .also_sets = display<&D::windowed>},
    {.cli = "--preview-slide", .kind = K::Whole, .min = 1, .max = limits::max_slides,
     .target = hooks<&H::preview_slide>, .value_name = "N",
     .help = "start at slide N, counted from 1 as the slide counter shows it (a preview with "
             "--windowed; past the last slide: the last); it stands for its time, then the loop "
             "goes on"},
    {.cli = "--check", .kind = K::Path, .target = content<&C::content_dir>, .value_name = "DIR",
     .help = "validate DIR/deck.json and its layout; exit 0 when clean, 1 on errors",
     .command = Command::Check},
    {.cli = "--export", .kind = K::Path, .target = args<&A::export_dir>, .value_name = "OUTDIR",
     .help = "render every slide to OUTDIR/slide-NN.png without a display",
     .command = Command::Export},
    {.cli = "--size", .kind = K::Size, .min = 64, .max = 8192, .target = args<&A::export_size>,
     .value_name = "WxH", .help = "size for --export (default 1920x1080)"},
    {.cli = "--stats", .kind = K::Flag,
     .help = "print the visit statistics: per day, the most read findings, visits by hour",
     .command = Command::Stats},
    {.cli = "--stats-export", .kind = K::Path, .target = args<&A::stats_export_dir>,
     .value_name = "DIR",
     .help = "write the statistics to DIR: daily.csv, hourly.csv and chart.png",
     .command = Command::StatsExport},
    {.cli = "--csv-format", .key = "csv_format", .kind = K::CsvFormat,
     .target = args<&A::csv_format>, .value_name = "FORMAT",
     .help = "the CSV files of --stats-export: excel (default: UTF-8 with a byte order mark, "
             "\";\" between fields, decimal commas, as Excel in Belgium opens them) or rfc4180 "
             "(commas, decimal points, no mark: for scripts and an English Excel)"},
    {.cli = "--stats-file", .key = "stats_file", .kind = K::Path,
     .target = top<&Settings::stats_file>,
     .value_name = "FILE",
     .help = "the statistics database (default: CONTENT_ROOT/stats/stats.sqlite)"},
    {.cli = "--font-dir", .key = "font_dir", .kind = K::Path, .target = display<&D::font_dir>,
     .value_name = "DIR",
     .help = "folder with Inter-Regular.otf, Inter-Bold.otf, Inter-Italic.otf"},
    {.cli = "--hyphenation-dir", .key = "hyphenation_dir", .kind = K::Path,
     .target = display<&D::hyphenation_dir>, .value_name = "DIR",
     .help = "folder with hyph_nl.dic (hyphen-nl); without it words wrap at spaces only"},
    {.cli = "--idle", .key = "idle_return_s", .kind = K::Number, .min = 5, .max = 3600,
     .target = visitor<&V::idle_return_s>, .value_name = "SECONDS",
     .help = "return to the loop after this long without touch (default: deck timing)"},
    {.cli = "--time-scale", .kind = K::Number, .min = 0.01, .max = 10000,
     .target = hooks<&H::time_scale>, .value_name = "F",
     .help = "run the clock F times faster (previews and tests)"},
    {.cli = "--exit-after-loops", .kind = K::Whole, .min = 1, .max = 1e6,
     .target = hooks<&H::exit_after_loops>, .value_name = "N",
     .help = "quit after the attract loop has gone round N times (tests)"},
    {.cli = "--exit-after-frames", .kind = K::Whole, .min = 1, .max = 1e6,
     .target = hooks<&H::exit_after_frames>, .value_name = "N",
     .help = "quit after N frames (start-up benchmark, tests)"},
    {.cli = "--rotation", .key = "rotation", .kind = K::Whole, .min = 0, .max = 270, .step = 90,
     .target = display<&D::rotation>, .value_name = "DEG",
     .help = "turn the picture clockwise by DEG degrees (portrait screens)"},
    {.cli = "--status-hold", .key = "status_hold_s", .kind = K::Number, .min = 0.5, .max = 60,
     .target = visitor<&V::status_hold_s>, .value_name = "SECONDS",
     .help = "long press that opens the status overlay (default 4)"},
    {.cli = "--status-corner", .key = "status_corner", .kind = K::Corner,
     .target = visitor<&V::status_corner>, .value_name = "C",
     .help = "where that press goes: top-left (default), top-right, bottom-left, bottom-right"},
    {.cli = "--trace", .kind = K::Flag, .target = hooks<&H::trace>,
     .help = "print what is shown, one line per change (tests)"},
    {.cli = "--frame-times", .kind = K::Flag, .target = hooks<&H::frame_times>,
     .help = "print each frame's time to draw and send it, on stderr (benchmarks)"},
    {.cli = "--version", .kind = K::Flag, .help = "print the version", .command = Command::Version},
    {.cli = "--help", .kind = K::Flag, .help = "print this help", .command = Command::Help,
     .alias = "-h"},
    {.key = "bundle_folder", .kind = K::Text, .target = content<&C::bundle_folder>,
     .value_name = "NAME", .help = "the folder on a stick that holds a bundle (default kiosk)"},
    {.key = "trusted_keys", .kind = K::TextList, .max = 2, .target = content<&C::trusted_keys>,
     .value_name = "[KEY]",
     .help = "minisign public keys (the second line of kiosk.pub): the current one and a spare"},
    {.key = "releases_kept", .kind = K::Whole, .min = 2, .max = 20,
     .target = content<&C::releases_kept>, .value_name = "N",
     .help = "imported releases kept on disk (default 3)"},
    {.key = "schedule", .kind = K::Schedule, .target = visitor<&V::schedule>, .value_name = "{...}",
     .help = "opening hours, e.g. {\"mon-fri\": \"08:00-18:00\", \"sun\": \"closed\"}; dark "
             "outside them (default: always open)"},
    {.key = "wake_on_touch_s", .kind = K::Number, .min = 5, .max = 3600,
     .target = visitor<&V::wake_on_touch_s>, .value_name = "SECONDS",
     .help = "a touch outside opening hours lights the screen this long (default 120)"},
    {.cli = "--hall-sync", .key = "hall_sync", .kind = K::Flag, .target = visitor<&V::hall_sync>,
     .value_name = "BOOL",
     .help = "show the loop in step with the other screens of the hall: the slide follows the "
             "clock (default false)"},
    {.cli = "--hall-offset", .kind = K::Number, .min = -3600, .max = 3600,
     .target = hooks<&H::hall_offset_s>, .value_name = "SECONDS",
     .help = "take the clock as this far off, for hall sync only (tests)"},
    {.key = "burn_in_shift", .kind = K::Flag, .target = visitor<&V::burn_in_shift>,
     .value_name = "BOOL",
     .help = "move the picture a few pixels every 10 minutes against burn-in (default true)"},
};
// clang-format on

std::string format_number(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e16) return std::to_string(static_cast<long long>(v));
    std::ostringstream s;
    s << v;
    return s.str();
}

std::optional<double> parse_number(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size()) return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

std::optional<Size> parse_size(const std::string& text, double min, double max) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    Size s;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto a = std::from_chars(begin, begin + x, s.w);
    auto b = std::from_chars(begin + x + 1, end, s.h);
    if (a.ec != std::errc{} || a.ptr != begin + x || b.ec != std::errc{} || b.ptr != end)
        return std::nullopt;
    if (s.w < min || s.h < min || s.w > max || s.h > max) return std::nullopt;
    return s;
}

template <class T>
bool store_parsed(const OptionRow& row, Settings& settings, const std::optional<T>& value) {
    auto* field = field_of<T>(row, settings);
    if (!value || !field) return false;
    *field = *value;
    return true;
}

// The help of one row, with what the table knows: its range and its name in the file.
std::string row_help(const OptionRow& row) {
    std::string text = row.help;
    if (row.kind == K::Whole || row.kind == K::Number || row.kind == K::Size)
        text += "; " + allowed_values(row);
    if (row.cli && row.key && row.kind == K::Flag)
        text += std::string("; in the file: \"") + row.key +
                "\": " + (row.flag_value ? "true" : "false");
    else if (row.cli && row.key)
        text += std::string("; in the file: ") + row.key;
    return text;
}

// "  --idle SECONDS", then the help from column 25, wrapped before column 100.
void append_entry(std::string& out, const std::string& head, const std::string& text) {
    constexpr std::size_t column = 25, width = 99;
    const std::string indent(column, ' ');
    std::string line = head;
    if (line.size() < column) {
        line.resize(column, ' ');
    } else { // a long name: its help starts on the next line
        out += line + "\n";
        line = indent;
    }
    std::istringstream words(text);
    for (std::string word; words >> word;) {
        if (line.size() > column && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line = indent;
        }
        line += (line.size() > column ? " " : "") + word;
    }
    out += line + "\n";
}

// "0, 90, 180 or 270": every value a stepped row allows.
std::string listed_values(const OptionRow& row) {
    std::string out;
    for (double v = row.min; v <= row.max; v += row.step) {
        if (!out.empty()) out += v + row.step > row.max ? " or " : ", ";
        out += format_number(v);
    }
    return out;
}

} // namespace

std::span<const OptionRow> option_rows() {
    return rows;
}

const OptionRow* find_option(std::string_view name) {
    for (const auto& row : rows)
        if ((row.cli && name == row.cli) || (row.alias && name == row.alias)) return &row;
    return nullptr;
}

std::string allowed_values(const OptionRow& row) {
    const std::string range = " from " + format_number(row.min) + " to " + format_number(row.max);
    switch (row.kind) {
    case K::Whole:
        return row.step > 0 ? listed_values(row) : "a whole number" + range;
    case K::Number:
        return "a number" + range;
    case K::Size:
        return "WIDTHxHEIGHT between " + format_number(row.min) + " and " + format_number(row.max);
    case K::Corner:
        return "top-left, top-right, bottom-left or bottom-right";
    case K::CsvFormat:
        return "excel or rfc4180";
    case K::Flag:
        return "true or false";
    case K::TextList:
        return "a list of at most " + format_number(row.max) + " strings";
    case K::Schedule:
        return "opening hours per day";
    default:
        return "a string";
    }
}

bool in_range(const OptionRow& row, double value) {
    if (!(value >= row.min && value <= row.max)) return false; // the negation also refuses NaN
    if (row.kind != K::Whole) return true;
    if (value != std::floor(value)) return false;
    return row.step == 0 || std::fmod(value - row.min, row.step) == 0;
}

void store_number(const OptionRow& row, Settings& settings, double value) {
    if (auto* f = field_of<double>(row, settings))
        *f = value;
    else if (auto* o = field_of<std::optional<double>>(row, settings))
        *o = value;
    else if (auto* i = field_of<int>(row, settings))
        *i = static_cast<int>(value);
    else if (auto* u = field_of<std::uint64_t>(row, settings))
        *u = static_cast<std::uint64_t>(value);
}

bool store_text(const OptionRow& row, Settings& settings, const std::string& text) {
    switch (row.kind) {
    case K::Whole:
    case K::Number: {
        const auto n = parse_number(text);
        if (!n || !in_range(row, *n)) return false;
        store_number(row, settings, *n);
        return true;
    }
    case K::Size:
        return store_parsed(row, settings, parse_size(text, row.min, row.max));
    case K::Corner:
        return store_parsed(row, settings, parse_corner(text));
    case K::CsvFormat:
        return store_parsed(row, settings, parse_csv_format(text));
    case K::Text:
        return store_parsed(row, settings, std::optional(text));
    case K::Path:
        return store_parsed(row, settings, std::optional(std::filesystem::path(text)));
    default:
        return false;
    }
}

std::string usage() {
    std::string out =
        "Usage: kiosk [options]\n"
        "       kiosk publish DECK_DIR STICK_DIR [--key SECRET_KEY] [--pub PUBLIC_KEY] [--after N]\n"
        "Shows a deck of slides fullscreen, looping, browsable by touch. publish checks\n"
        "DECK_DIR, signs it with minisign and puts it on the stick as kiosk/ (README:\n"
        "Updating the slides from a USB stick); --after N numbers it above N, the number\n"
        "a kiosk's receipt names when it refused an older one.\n\n";
    for (const auto& row : rows) {
        if (!row.cli) continue;
        std::string head =
            std::string("  ") + row.cli + (row.alias ? std::string(", ") + row.alias : "");
        if (*row.value_name) head += std::string(" ") + row.value_name;
        append_entry(out, head, row_help(row));
    }
    out += "\nFields of the configuration file (--config) that have no option:\n";
    for (const auto& row : rows)
        if (!row.cli)
            append_entry(out, std::string("  ") + row.key + " " + row.value_name, row_help(row));
    return out;
}

} // namespace kiosk
