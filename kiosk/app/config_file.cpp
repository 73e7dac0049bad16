// The configuration file: the same fields as the command line, as JSON, validated with the same
// messages as content (file, JSON pointer, what is wrong), so an installer sees every mistake.
#include "app/settings.h"
#include "content/json_fields.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace kiosk {
namespace {

void read_paths(JsonFields& f, Settings& s) {
    if (auto v = f.text("content"); !v.empty()) s.content_dir = v;
    if (auto v = f.text("content_root"); !v.empty()) s.content_root = v;
    if (auto v = f.text("font_dir"); !v.empty()) s.font_dir = v;
    if (auto v = f.text("stats_file"); !v.empty()) s.stats_file = v;
    s.bundle_folder = f.text("bundle_folder", false, s.bundle_folder);
}

void read_keys(JsonFields& f, Settings& s, Diagnostics& d) {
    const auto* keys = f.array("trusted_keys", 0, 2, false);
    if (!keys) return;
    s.trusted_keys.clear();
    for (std::size_t i = 0; i < keys->size(); ++i)
        if (auto k = checked_text((*keys)[i], pointer_join("/trusted_keys", i), d))
            s.trusted_keys.push_back(*k);
}

void read_behaviour(JsonFields& f, Settings& s, Diagnostics& d) {
    s.require_signature = f.boolean("require_signature", s.require_signature);
    s.releases_kept = f.whole_number("releases_kept", 2, 20).value_or(s.releases_kept);
    if (auto v = f.number("idle_return_s", 5, 3600)) s.idle_return_s = *v;
    if (auto r = f.whole_number("rotation", 0, 270)) {
        if (*r % 90 == 0)
            s.rotation = *r;
        else
            d.error("/rotation", "must be 0, 90, 180 or 270");
    }
    s.status_hold_s = f.number("status_hold_s", 0.5, 60).value_or(s.status_hold_s);
    if (auto c = f.text("status_corner"); !c.empty()) {
        if (auto corner = parse_corner(c))
            s.status_corner = *corner;
        else
            d.error("/status_corner", "must be top-left, top-right, bottom-left or bottom-right");
    }
}

// {"mon-fri": "08:00-18:00", "sat": "10:00-12:00,13:00-17:00", "sun": "closed"}
void read_schedule(const nlohmann::json& object, Settings& s, Diagnostics& d) {
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
    s.schedule = schedule;
}

} // namespace

std::vector<std::string> apply_config_file(const std::filesystem::path& file, Settings& settings) {
    std::ifstream in(file);
    if (!in) return {file.string() + ": cannot open the configuration file"};
    std::ostringstream text;
    text << in.rdbuf();
    Diagnostics d;
    d.file = file.string();
    const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return {file.string() + ": not a JSON object"};
    JsonFields f(doc, "", d);
    f.ignore("$comment");
    read_paths(f, settings);
    read_keys(f, settings, d);
    read_behaviour(f, settings, d);
    if (const auto* schedule = f.object("schedule")) read_schedule(*schedule, settings, d);
    settings.wake_on_touch_s =
        f.number("wake_on_touch_s", 5, 3600).value_or(settings.wake_on_touch_s);
    settings.burn_in_shift = f.boolean("burn_in_shift", settings.burn_in_shift);
    f.warn_unknown();
    std::vector<std::string> problems;
    for (const auto& item : d.items)
        if (item.severity == Severity::Error) problems.push_back(to_string(item));
    // Unknown fields are likely typos in a file nobody reads twice: treat them as errors too.
    for (const auto& item : d.items)
        if (item.severity == Severity::Warning) problems.push_back(to_string(item));
    settings.config_file = file;
    return problems;
}

} // namespace kiosk
