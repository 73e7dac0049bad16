#include "app/settings.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("no options: fullscreen kiosk") {
    const auto p = parse_args({});
    CHECK(p.error.empty());
    CHECK(p.settings.command == Command::Run);
    CHECK_FALSE(p.settings.windowed);
}

TEST_CASE("options fill the settings") {
    const auto p = parse_args({"--windowed", "800x480", "--content", "/c", "--idle", "30",
                               "--time-scale", "10", "--trace"});
    REQUIRE(p.error.empty());
    CHECK(p.settings.windowed);
    CHECK(p.settings.window == Size{800, 480});
    CHECK(p.settings.content_dir == "/c");
    CHECK(*p.settings.idle_return_s == 30);
    CHECK(p.settings.time_scale == 10);
    CHECK(p.settings.trace);
}

TEST_CASE("check and export are commands with their folder") {
    auto p = parse_args({"--check", "content"});
    CHECK(p.settings.command == Command::Check);
    CHECK(p.settings.content_dir == "content");
    p = parse_args({"--export", "out", "--size", "1080x1920"});
    CHECK(p.settings.command == Command::Export);
    CHECK(p.settings.export_size == Size{1080, 1920});
}

TEST_CASE("bad options get a specific message") {
    CHECK(parse_args({"--windowed"}).error == "--windowed needs a value");
    CHECK(parse_args({"--windowed", "big"}).error ==
          "--windowed: expected WIDTHxHEIGHT between 64 and 8192, got \"big\"");
    CHECK(parse_args({"--size", "10x10"}).error.find("between 64 and 8192") != std::string::npos);
    CHECK(parse_args({"--idle", "-5"}).error.find("--idle: expected a number") == 0);
    CHECK(parse_args({"--frobnicate"}).error == "unknown option \"--frobnicate\"");
}
