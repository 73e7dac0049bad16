#include "app/config_file.h"
#include "app/options_table.h"
#include "app/settings.h"
#include "content/limits.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

using namespace kiosk;

TEST_CASE("no options: fullscreen kiosk") {
    const auto p = parse_args({});
    CHECK(p.error.empty());
    CHECK(p.settings.command == Command::Run);
    CHECK_FALSE(p.settings.display.windowed);
}

TEST_CASE("options fill the settings") {
    const auto p = parse_args({"--windowed", "800x480", "--content", "/c", "--idle", "30",
                               "--time-scale", "10", "--trace"});
    REQUIRE(p.error.empty());
    CHECK(p.settings.display.windowed);
    CHECK(p.settings.display.window == Size{800, 480});
    CHECK(p.settings.content.content_dir == "/c");
    CHECK(*p.settings.visitor.idle_return_s == 30);
    CHECK(p.settings.hooks.time_scale == 10);
    CHECK(p.settings.hooks.trace);
}

TEST_CASE("check and export are commands with their folder") {
    auto p = parse_args({"--check", "content"});
    CHECK(p.settings.command == Command::Check);
    CHECK(p.settings.content.content_dir == "content");
    p = parse_args({"--export", "out", "--size", "1080x1920"});
    CHECK(p.settings.command == Command::Export);
    CHECK(p.settings.args.export_size == Size{1080, 1920});
}

TEST_CASE("bad options get a specific message") {
    CHECK(parse_args({"--windowed"}).error == "--windowed needs a value");
    CHECK(parse_args({"--windowed", "big"}).error ==
          "--windowed: expected WIDTHxHEIGHT between 64 and 8192, got \"big\"");
    CHECK(parse_args({"--size", "10x10"}).error.find("between 64 and 8192") != std::string::npos);
    CHECK(parse_args({"--idle", "-5"}).error.find("--idle: expected a number") == 0);
    CHECK(parse_args({"--frobnicate"}).error == "unknown option \"--frobnicate\"");
}

// The options table: every range is enforced the same way on the command line and in the file,
// and the help names every row.
namespace {

const auto config_path = std::filesystem::temp_directory_path() / "kiosk-options-table-test.json";

std::string text_of(double v) {
    std::ostringstream s;
    s << std::setprecision(17) << v;
    return s.str();
}

std::string size_text(double w, double h) {
    return text_of(w) + "x" + text_of(h);
}

struct Probe {
    std::string cli_text;  // the value as typed after the option
    std::string json_text; // the same value in the configuration file
    bool allowed = false;
};

// The values at a row's limits and just past them (and between two steps).
std::vector<Probe> probes(const OptionRow& row) {
    auto number = [](double v, bool ok) { return Probe{text_of(v), text_of(v), ok}; };
    auto size = [](double w, double h, bool ok) {
        return Probe{size_text(w, h), "\"" + size_text(w, h) + "\"", ok};
    };
    const double past = row.kind == OptionKind::Whole ? 1 : 0.01 * std::max(1.0, row.min);
    switch (row.kind) {
    case OptionKind::Whole:
    case OptionKind::Number: {
        std::vector<Probe> out{number(row.min, true), number(row.max, true),
                               number(row.min - past, false), number(row.max + past, false)};
        if (row.step > 0) out.push_back(number(row.min + row.step / 2, false));
        return out;
    }
    case OptionKind::Size:
        return {size(row.min, row.min, true), size(row.max, row.max, true),
                size(row.min - 1, row.min, false), size(row.min, row.max + 1, false)};
    case OptionKind::Corner:
        return {{"bottom-right", "\"bottom-right\"", true}, {"middle", "\"middle\"", false}};
    case OptionKind::CsvFormat:
        return {{"rfc4180", "\"rfc4180\"", true}, {"csv", "\"csv\"", false}};
    default:
        return {};
    }
}

double number_in(const OptionRow& row, Settings& s) {
    if (auto* f = field_of<double>(row, s)) return *f;
    if (auto* o = field_of<std::optional<double>>(row, s)) return o->value_or(-1);
    if (auto* i = field_of<int>(row, s)) return *i;
    if (auto* u = field_of<std::uint64_t>(row, s)) return static_cast<double>(*u);
    return -1;
}

std::vector<std::string> apply_json(const std::string& json, Settings& s) {
    std::ofstream(config_path) << json;
    return apply_config_file(config_path, s);
}

// Whether the command line accepts the probe; when it does, the value must reach the field.
bool cli_accepts(const OptionRow& row, const Probe& p) {
    const auto parsed = parse_args({row.cli, p.cli_text});
    if (!parsed.error.empty()) {
        CHECK(parsed.error.find(std::string(row.cli) + ": expected ") == 0);
        return false;
    }
    Settings s = parsed.settings;
    if (row.kind == OptionKind::Whole || row.kind == OptionKind::Number)
        CHECK(text_of(number_in(row, s)) == p.cli_text);
    return true;
}

bool file_accepts(const OptionRow& row, const Probe& p) {
    Settings s;
    const auto problems = apply_json("{\"" + std::string(row.key) + "\": " + p.json_text + "}", s);
    if (!problems.empty()) {
        CHECK(problems.size() == 1);
        CHECK(problems[0].find(":1:") != std::string::npos); // placed at its line and column
        CHECK(problems[0].find(": error: /" + std::string(row.key) + ": ") != std::string::npos);
        return false;
    }
    if (row.kind == OptionKind::Whole || row.kind == OptionKind::Number)
        CHECK(text_of(number_in(row, s)) == p.json_text);
    return true;
}

std::string collapse_spaces(const std::string& text) {
    std::istringstream words(text);
    std::string out;
    for (std::string word; words >> word;)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

// Whether the help shows `name` as a word of its own: "--stats" is not found in "--stats-file".
bool names(const std::string& help, const std::string& name) {
    for (auto at = help.find(" " + name); at != std::string::npos;
         at = help.find(" " + name, at + 1)) {
        const char next = help[at + 1 + name.size()];
        if (next == ' ' || next == ',') return true;
    }
    return false;
}

} // namespace

TEST_CASE("every row's range is enforced on the command line and in the file") {
    int probed = 0;
    for (const auto& row : option_rows()) {
        for (const auto& p : probes(row)) {
            INFO((row.cli ? row.cli : row.key) << " " << p.cli_text);
            if (row.cli) CHECK(cli_accepts(row, p) == p.allowed);
            if (row.key) CHECK(file_accepts(row, p) == p.allowed);
            ++probed;
        }
        if (row.kind != OptionKind::TextList) continue;
        std::string items = "\"RWQa\"";
        for (int i = 1; i < row.max; ++i)
            items += ", \"RWQa\"";
        CHECK(file_accepts(row, {"", "[" + items + "]", true}));
        CHECK_FALSE(file_accepts(row, {"", "[" + items + ", \"RWQb\"]", false}));
    }
    CHECK(probed > 40);
    std::filesystem::remove(config_path);
}

TEST_CASE("the command line and the file agree on every option's range") {
    for (const auto& row : option_rows()) {
        if (!row.cli || !row.key) continue;
        auto all = probes(row);
        if (row.kind == OptionKind::Number || row.kind == OptionKind::Whole) {
            const double middle = (row.min + row.max) / 2;
            all.push_back({text_of(middle), text_of(middle), in_range(row, middle)});
        }
        for (const auto& p : all) {
            INFO(row.cli << " " << p.cli_text);
            CHECK(cli_accepts(row, p) == file_accepts(row, p));
        }
    }
    // The two that used to differ: --idle allowed 1..86400, idle_return_s 5..3600.
    CHECK_FALSE(parse_args({"--idle", "4"}).error.empty());
    CHECK_FALSE(parse_args({"--idle", "3601"}).error.empty());
    CHECK(*parse_args({"--idle", "5"}).settings.visitor.idle_return_s == 5);
    std::filesystem::remove(config_path);
}

TEST_CASE("the help lists every row with its help and its name in the file") {
    const std::string help = collapse_spaces(usage());
    for (const auto& row : option_rows()) {
        if (row.cli) CHECK(names(help, row.cli));
        if (row.key && !row.cli) CHECK(names(help, row.key));
        if (row.key && row.cli)
            CHECK((help.find(std::string("in the file: ") + row.key) != std::string::npos ||
                   help.find(std::string("in the file: \"") + row.key) != std::string::npos));
        INFO(row.help);
        CHECK(help.find(collapse_spaces(row.help)) != std::string::npos);
    }
    CHECK(help.find("--idle SECONDS return to the loop") != std::string::npos);
    CHECK(help.find("a number from 5 to 3600; in the file: idle_return_s") != std::string::npos);
    CHECK(help.find("Usage: kiosk [options]") == 0);
    CHECK(names(help, "-h"));
}

TEST_CASE("options on the command line override the file, flags and commands too") {
    std::ofstream(config_path)
        << R"({"idle_return_s": 60, "rotation": 90, "require_signature": true})";
    auto p = parse_args({"--idle", "30", "--config", config_path.string(), "--allow-unsigned"});
    REQUIRE(p.error.empty());
    CHECK(*p.settings.visitor.idle_return_s == 30);
    CHECK(p.settings.display.rotation == 90);
    CHECK_FALSE(p.settings.content.require_signature);
    CHECK(p.settings.config_file == config_path);
    CHECK(parse_args({"-h"}).settings.command == Command::Help);
    CHECK(parse_args({"--stats"}).settings.command == Command::Stats);
    p = parse_args({"--bundle", "b", "--seq", "7"});
    CHECK(p.settings.command == Command::Bundle);
    CHECK(p.settings.args.bundle_dir == "b");
    CHECK(p.settings.args.bundle_sequence == 7);
    CHECK(parse_args({"--exit-after-frames", "2.5"}).error.find("a whole number") !=
          std::string::npos);
    std::filesystem::remove(config_path);
}

TEST_CASE("the statistics CSV is for Excel unless rfc4180 is asked for") {
    CHECK(parse_args({}).settings.args.csv_format == CsvFormat::Excel);
    auto p = parse_args({"--stats-export", "out", "--csv-format", "rfc4180"});
    REQUIRE(p.error.empty());
    CHECK(p.settings.command == Command::StatsExport);
    CHECK(p.settings.args.csv_format == CsvFormat::Rfc4180);
    CHECK(parse_args({"--csv-format", "excel"}).settings.args.csv_format == CsvFormat::Excel);
    CHECK(parse_args({"--csv-format", "tsv"}).error ==
          "--csv-format: expected excel or rfc4180, got \"tsv\"");
    std::ofstream(config_path) << R"({"csv_format": "rfc4180"})";
    p = parse_args({"--config", config_path.string()});
    REQUIRE(p.error.empty());
    CHECK(p.settings.args.csv_format == CsvFormat::Rfc4180);
    p = parse_args({"--config", config_path.string(), "--csv-format", "excel"});
    CHECK(p.settings.args.csv_format == CsvFormat::Excel);
    std::filesystem::remove(config_path);
}

TEST_CASE("--preview-slide takes a slide number from 1 to 200, on the command line only") {
    CHECK(parse_args({}).settings.hooks.preview_slide == 0); // not given: the first slide
    CHECK(parse_args({"--preview-slide", "1"}).settings.hooks.preview_slide == 1);
    CHECK(parse_args({"--preview-slide", "200"}).settings.hooks.preview_slide == 200);
    CHECK(parse_args({"--preview-slide", "0"}).error ==
          "--preview-slide: expected a whole number from 1 to 200, got \"0\"");
    CHECK(parse_args({"--preview-slide", "201"}).error ==
          "--preview-slide: expected a whole number from 1 to 200, got \"201\"");
    CHECK_FALSE(parse_args({"--preview-slide", "2.5"}).error.empty());
    const OptionRow* row = find_option("--preview-slide");
    REQUIRE(row);
    CHECK(row->key == nullptr);
    CHECK(row->kind == OptionKind::Whole);
    CHECK(row->min == 1);
    CHECK(row->max == limits::max_slides);
    Settings s;
    CHECK_FALSE(apply_json(R"({"preview_slide": 2})", s).empty()); // not a field of the file
    std::filesystem::remove(config_path);
}

TEST_CASE("wrong types in the file name their field") {
    Settings s;
    const auto problems = apply_json(
        R"({"idle_return_s": "long", "burn_in_shift": 1, "releases_kept": 3.5, "font_dir": 2})", s);
    CHECK(problems.size() == 4);
    for (const char* field :
         {"/idle_return_s:", "/burn_in_shift:", "/releases_kept:", "/font_dir:"})
        CHECK(std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
            return p.find(field) != std::string::npos;
        }));
    std::filesystem::remove(config_path);
}

TEST_CASE("null in the file leaves the setting as it was (unlike a deck, where it is an error)") {
    Settings s;
    const auto font_dir = s.display.font_dir;
    CHECK(apply_json(R"({"idle_return_s": null, "font_dir": null})", s).empty());
    CHECK_FALSE(s.visitor.idle_return_s);
    CHECK(s.display.font_dir == font_dir);
    std::filesystem::remove(config_path);
}

TEST_CASE("a configuration file's syntax error is placed and said as for a deck") {
    Settings s;
    auto one = [&s](const std::string& json) {
        const auto problems = apply_json(json, s);
        REQUIRE(problems.size() == 1);
        return problems[0];
    };
    CHECK_THAT(one("{\"rotation\": 90,\n \"hall_sync\": true,\n}"),
               Catch::Contains(":2:19: error: JSON syntax: komma na het laatste element"));
    CHECK_THAT(one("{\"rotation\": \xe2\x80\x9c"
                   "90\xe2\x80\x9d}"),
               Catch::Contains(":1:14: error: JSON syntax: \xe2\x80\x9c is a curly quote"));
    CHECK_THAT(one("{\"content\": \"caf\xe9\"}"),
               Catch::Contains("the file is not saved as UTF-8"));
    CHECK_THAT(one("[1, 2]"),
               Catch::Contains("the settings must be a JSON object { ... }, not array"));
    CHECK(s.display.rotation == 0); // nothing applied from a file that did not read
}

TEST_CASE("--frame-times asks for each frame's time, for the display bench") {
    CHECK_FALSE(parse_args({}).settings.hooks.frame_times);
    CHECK(parse_args({"--frame-times"}).settings.hooks.frame_times);
}
