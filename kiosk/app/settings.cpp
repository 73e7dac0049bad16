// The command line, read through the options table (options_table.cpp); the configuration file
// named by --config is read first so that every other option overrides it.
#include "app/settings.h"

#include "app/config_file.h"
#include "app/options_table.h"

namespace kiosk {

std::optional<Corner> parse_corner(const std::string& text) {
    if (text == "top-left") return Corner::TopLeft;
    if (text == "top-right") return Corner::TopRight;
    if (text == "bottom-left") return Corner::BottomLeft;
    if (text == "bottom-right") return Corner::BottomRight;
    return std::nullopt;
}

std::optional<CsvFormat> parse_csv_format(const std::string& text) {
    if (text == "excel") return CsvFormat::Excel;
    if (text == "rfc4180") return CsvFormat::Rfc4180;
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
    const std::string& name = c.args[c.i];
    const OptionRow* row = find_option(name);
    if (!row) {
        c.error = "unknown option \"" + name + "\"";
        return false;
    }
    if (row->command) s.command = *row->command;
    if (row->also_sets) row->also_sets(s) = true;
    if (row->kind == OptionKind::Flag) {
        if (auto* flag = field_of<bool>(*row, s)) *flag = row->flag_value;
        return true;
    }
    const auto value = c.value(name);
    if (!value) return false;
    if (store_text(*row, s, *value)) return true;
    c.error = name + ": expected " + allowed_values(*row) + ", got \"" + *value + "\"";
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
            out.usage_helps = false;
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

std::filesystem::path stats_path(const Settings& settings) {
    if (!settings.stats_file.empty()) return settings.stats_file;
    if (settings.content.content_root.empty()) return {};
    return settings.content.content_root / "stats" / "stats.sqlite";
}

std::filesystem::path default_content_dir(const std::filesystem::path& executable) {
    std::error_code ec;
    const auto installed = executable.parent_path().parent_path() / "share" / "kiosk" / "content";
    if (std::filesystem::exists(installed / "deck.json", ec)) return installed;
    return KIOSK_SOURCE_CONTENT_DIR;
}

} // namespace kiosk
