#pragma once
// Every option of the kiosk is one row of a table: its command-line name, its configuration-file
// key, the kind of value it takes, the range allowed, the Settings field it fills and its help.
// The command line (parse_args), the configuration file (apply_config_file) and the help (usage)
// all read these rows, so a name or a range cannot differ between them.
#include "app/settings.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace kiosk {

enum class OptionKind {
    Flag,      // no value on the command line (stores flag_value); true or false in the file
    Whole,     // a whole number from min to max; when step > 0, a multiple of it
    Number,    // a number from min to max
    Text,      // a string
    Path,      // a file or folder
    Size,      // WIDTHxHEIGHT, each side from min to max
    Corner,    // top-left, top-right, bottom-left or bottom-right
    CsvFormat, // excel or rfc4180
    TextList,  // an array of at most max strings
    Schedule,  // opening hours per day, an object
};

// The way to a Settings field through its part: field<&Settings::visitor, &VisitorSettings::
// hall_sync> is a function that returns that field of the Settings it is given.
template <class Field> using FieldOf = Field& (*)(Settings&);

template <auto Member, auto... Rest> auto& reach(auto& object) {
    if constexpr (sizeof...(Rest) == 0)
        return object.*Member;
    else
        return reach<Rest...>(object.*Member);
}
template <auto... Path> auto& field(Settings& settings) {
    return reach<Path...>(settings);
}

// The Settings field a row fills; monostate for options that only select a command (--stats).
using OptionTarget =
    std::variant<std::monostate, FieldOf<bool>, FieldOf<int>, FieldOf<std::uint64_t>,
                 FieldOf<double>, FieldOf<std::optional<double>>, FieldOf<std::filesystem::path>,
                 FieldOf<std::string>, FieldOf<Size>, FieldOf<Corner>, FieldOf<CsvFormat>,
                 FieldOf<std::vector<std::string>>, FieldOf<Schedule>>;

struct OptionRow {
    const char* cli = nullptr; // "--idle"; nullptr: configuration file only
    const char* key = nullptr; // "idle_return_s"; nullptr: command line only
    OptionKind kind = OptionKind::Flag;
    double min = 0, max = 0, step = 0;
    OptionTarget target{};
    const char* value_name = ""; // what the help shows after the name: SECONDS, DIR
    const char* help = "";
    bool flag_value = true;            // what a Flag given on the command line stores
    std::optional<Command> command{};  // giving the option also selects this command
    FieldOf<bool> also_sets = nullptr; // turned on too: --windowed WxH means windowed
    const char* alias = nullptr;       // a short name: -h
};

std::span<const OptionRow> option_rows();
// The row named `name` (or with that alias) on the command line; nullptr when there is none.
const OptionRow* find_option(std::string_view name);

// What a row accepts, for messages and the help: "a number from 5 to 3600", "0, 90, 180 or 270".
std::string allowed_values(const OptionRow& row);
bool in_range(const OptionRow& row, double value);

// The row's field in settings when it has that type, else nullptr.
template <class Field> Field* field_of(const OptionRow& row, Settings& settings) {
    const auto* way = std::get_if<FieldOf<Field>>(&row.target);
    return way ? &(*way)(settings) : nullptr;
}

// Stores a number that in_range accepted into the row's field, whatever its numeric type.
void store_number(const OptionRow& row, Settings& settings, double value);
// Converts text for a row of any kind but TextList and Schedule, checks its range and stores
// it; false (settings untouched) when the text does not fit the row.
bool store_text(const OptionRow& row, Settings& settings, const std::string& text);

} // namespace kiosk
