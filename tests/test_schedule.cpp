#include "app/config_file.h"
#include "app/schedule.h"
#include "app/settings.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

using namespace kiosk;

TEST_CASE("spans and day lists parse, nonsense does not") {
    CHECK(parse_span("08:00-18:30")->open == 480);
    CHECK(parse_span("08:00-18:30")->close == 1110);
    CHECK(parse_span("00:00-24:00")->close == 1440);
    for (const char* bad :
         {"18:00-08:00", "8-18", "08:00", "25:00-26:00", "08:60-09:00", "08:00-09:00x"})
        CHECK_FALSE(parse_span(bad));
    CHECK(parse_days("mon-fri") == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(parse_days("sat,sun") == std::vector<int>{5, 6});
    CHECK_FALSE(parse_days("fri-mon"));
    CHECK_FALSE(parse_days("monday"));
}

TEST_CASE("opening hours: open inside a span, closed outside, and when it changes next") {
    Schedule s;
    s.always_open = false;
    for (int d = 0; d < 5; ++d)
        s.days[d] = {{8 * 60, 18 * 60}};
    CHECK(is_open(s, {0, 8 * 60}));
    CHECK_FALSE(is_open(s, {0, 18 * 60}));
    CHECK_FALSE(is_open(s, {5, 12 * 60})); // Saturday
    CHECK(minutes_until_change(s, {0, 17 * 60}) == 60);
    CHECK(minutes_until_change(s, {4, 18 * 60}) == (24 + 24 + 24 + 8 - 18) * 60); // Friday evening
    CHECK(is_open(Schedule{}, {6, 3 * 60}));                                      // the default
}

TEST_CASE("the burn-in shift walks round a small square, never negative") {
    std::set<std::pair<int, int>> seen;
    for (int period = 0; period < 8; ++period) {
        const auto s = burn_in_shift(period * 600.0 + 1);
        CHECK(s.dx >= 0);
        CHECK(s.dy >= 0);
        CHECK(s.dx <= 6);
        seen.insert({s.dx, s.dy});
    }
    CHECK(seen.size() == 8);
    CHECK(burn_in_shift(10).dx == burn_in_shift(590).dx);
}

TEST_CASE("the configuration file reads a schedule and names the field of a mistake") {
    const auto file = std::filesystem::temp_directory_path() / "kiosk-config-test.json";
    std::ofstream(file)
        << R"({"schedule": {"mon-fri": "08:00-18:00", "sat": "10:00-12:00,13:00-16:00", "sun": "closed"},
                               "rotation": 90, "trusted_keys": ["RWQx"], "wake_on_touch_s": 60})";
    Settings s;
    CHECK(apply_config_file(file, s).empty());
    CHECK_FALSE(s.visitor.schedule.always_open);
    CHECK(s.visitor.schedule.days[5].size() == 2);
    CHECK(s.visitor.schedule.days[6].empty());
    CHECK(s.display.rotation == 90);
    CHECK(s.visitor.wake_on_touch_s == 60);
    std::ofstream(file) << R"({"schedule": {"mon": "late"}, "rotation": 45, "colour": "red"})";
    const auto problems = apply_config_file(file, s);
    REQUIRE(problems.size() == 3);
    auto said = [&](const std::string& text) {
        for (const auto& p : problems)
            if (p.find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(said("kiosk-config-test.json:1:"));
    CHECK(said("error: /schedule/mon: "));
    CHECK(said("error: /rotation: must be 0, 90, 180 or 270"));
    CHECK(said("error: /colour: unknown field"));
    std::filesystem::remove(file);
}
