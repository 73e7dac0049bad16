// The configuration file: the rows of the options table that have a key, as JSON, with the same
// ranges as the command line and the same messages as content (file, JSON pointer, what is
// wrong), so an installer sees every mistake.
#include "app/config_file.h"
#include "app/options_table.h"
#include "app/settings.h"
#include "content/json_fields.h"
#include "content/json_parse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kiosk {
namespace {

// {"mon-fri": "08:00-18:00", "sat": "10:00-12:00,13:00-17:00", "sun": "closed"}
void read_schedule(const nlohmann::json& object, Schedule& out, Diagnostics& d) {
    Schedule schedule;
    schedule.always_open = false;
    for (const auto& [days, value] : object.items()) {
        const std::string where = pointer_join("/schedule", days);
        const auto indexes = parse_days(days);
        if (!indexes) return d.error(where, "name days as mon..sun, \"mon-fri\" or \"sat,sun\"");
        if (!value.is_string())
            return d.error(where, "must be \"HH:MM-HH:MM\" (several with commas) or \"closed\"");
        const std::string text = value.get<std::string>();
        std::vector<OpeningSpan> spans;
        for (std::size_t start = 0; text != "closed" && start <= text.size();) {
            const auto comma = text.find(',', start);
            const auto span = parse_span(text.substr(start, comma - start));
            if (!span)
                return d.error(where, "\"" + text +
                                          "\" is not \"HH:MM-HH:MM\" with the end after the start");
            spans.push_back(*span);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        for (int day : *indexes)
            schedule.days[static_cast<std::size_t>(day)] = spans;
    }
    out = schedule;
}

void read_list(JsonFields& f, const OptionRow& row, std::vector<std::string>& out, Diagnostics& d) {
    const auto* items = f.array(row.key, 0, static_cast<std::size_t>(row.max), false);
    if (!items) return;
    out.clear();
    for (std::size_t i = 0; i < items->size(); ++i)
        if (auto item =
                checked_text((*items)[i], pointer_join(pointer_join(f.pointer(), row.key), i), d))
            out.push_back(*item);
}

// Numbers come as JSON numbers; JsonFields checks the row's range, the step is checked here.
void read_number(JsonFields& f, const OptionRow& row, Settings& s, Diagnostics& d) {
    std::optional<double> value;
    // JsonFields reads whole numbers as int: a wider row (none has a file key today) is capped.
    auto as_int = [](double v) {
        return static_cast<int>(std::clamp(v, -2147483648.0, 2147483647.0));
    };
    if (row.kind == OptionKind::Whole)
        value = f.whole_number(row.key, as_int(row.min), as_int(row.max));
    else
        value = f.number(row.key, row.min, row.max);
    if (!value) return;
    if (in_range(row, *value))
        store_number(row, s, *value);
    else
        d.error(pointer_join(f.pointer(), row.key), "must be " + allowed_values(row));
}

// Strings go through the same conversion as on the command line; an empty one changes nothing.
void read_text(JsonFields& f, const OptionRow& row, Settings& s, Diagnostics& d) {
    const std::string text = f.text(row.key);
    if (!text.empty() && !store_text(row, s, text))
        d.error(pointer_join(f.pointer(), row.key), "must be " + allowed_values(row));
}

void read_row(JsonFields& f, const OptionRow& row, Settings& s, Diagnostics& d) {
    switch (row.kind) {
    case OptionKind::Flag:
        if (auto* flag = field_of<bool>(row, s)) *flag = f.boolean(row.key, *flag);
        return;
    case OptionKind::Whole:
    case OptionKind::Number:
        return read_number(f, row, s, d);
    case OptionKind::TextList:
        if (auto* list = field_of<std::vector<std::string>>(row, s)) read_list(f, row, *list, d);
        return;
    case OptionKind::Schedule: {
        auto* schedule = field_of<Schedule>(row, s);
        if (const auto* object = f.object(row.key); object && schedule)
            read_schedule(*object, *schedule, d);
        return;
    }
    case OptionKind::Text:
    case OptionKind::Path:
    case OptionKind::Size:
    case OptionKind::Corner:
    case OptionKind::CsvFormat:
        return read_text(f, row, s, d);
    }
}

} // namespace

std::vector<std::string> apply_config_file(const std::filesystem::path& file, Settings& settings) {
    std::ifstream in(file);
    if (!in) return {file.string() + ": cannot open the configuration file"};
    std::ostringstream text;
    text << in.rdbuf();
    Diagnostics d;
    d.file = file.string();
    nlohmann::json doc;
    constexpr std::size_t max_bytes = 1 << 20; // a few dozen settings: far less than this
    if (!parse_document(text.str(), max_bytes, doc, d)) return first_lines(d, Severity::Error);
    if (!doc.is_object()) {
        d.error("",
                std::string("the settings must be a JSON object { ... }, not ") + doc.type_name());
        return first_lines(d, Severity::Error);
    }
    JsonFields f(doc, "", d, NullField::Absent);
    f.ignore("$comment");
    for (const auto& row : option_rows())
        if (row.key) read_row(f, row, settings, d);
    f.warn_unknown();
    auto problems = first_lines(d, Severity::Error);
    // Unknown fields are likely typos in a file nobody reads twice: treat them as errors too.
    const auto warnings = first_lines(d, Severity::Warning);
    problems.insert(problems.end(), warnings.begin(), warnings.end());
    settings.config_file = file;
    return problems;
}

} // namespace kiosk
