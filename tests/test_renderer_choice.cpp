// Which renderer the kiosk draws with, and the fallback away from one that never presents (on
// KMSDRM SDL's desktop-GL renderer left the screen blank after its first frame).
#include "platform/renderer_choice.h"

#include <catch2/catch.hpp>

#include <map>

using namespace kiosk;
using Strings = std::vector<std::string>;

namespace {

// SDL 2.26's drivers as Debian builds them, in SDL's order.
const Strings sdl_drivers{"opengl", "opengles2", "opengles", "software"};

} // namespace

TEST_CASE("on KMSDRM GLES2 comes first and the software renderer last") {
    CHECK(renderer_order("KMSDRM", sdl_drivers, "") ==
          Strings{"opengles2", "opengles", "opengl", "software"});
    CHECK(renderer_order("kmsdrm", sdl_drivers, "") ==
          Strings{"opengles2", "opengles", "opengl", "software"});
}

TEST_CASE("on X11 the software renderer comes first, SDL's order after it") {
    CHECK(renderer_order("x11", sdl_drivers, "") ==
          Strings{"software", "opengl", "opengles2", "opengles"});
    CHECK(renderer_order("x11", sdl_drivers, "opengl") ==
          Strings{"opengl", "software", "opengles2", "opengles"}); // an operator still chooses
}

TEST_CASE("elsewhere SDL's own order is kept, ending in software") {
    CHECK(renderer_order("offscreen", {"opengl", "software"}, "") == Strings{"opengl", "software"});
}

TEST_CASE("an operator's SDL_RENDER_DRIVER is tried first, once, and unknown names are dropped") {
    CHECK(renderer_order("KMSDRM", sdl_drivers, "opengl") ==
          Strings{"opengl", "opengles2", "opengles", "software"});
    CHECK(renderer_order("KMSDRM", sdl_drivers, "vulkan") ==
          Strings{"opengles2", "opengles", "opengl", "software"});
    CHECK(renderer_order("KMSDRM", {"software"}, "") == Strings{"software"});
}

TEST_CASE("a renderer that does not present is left for the next one, and the log says so") {
    std::map<std::string, RendererTry> outcome{{"opengles2", RendererTry::DoesNotPresent},
                                               {"opengles", RendererTry::CannotCreate},
                                               {"opengl", RendererTry::Works},
                                               {"software", RendererTry::Works}};
    Strings tried, log;
    const auto chosen = choose_renderer(
        renderer_order("KMSDRM", sdl_drivers, ""),
        [&](const std::string& name) {
            tried.push_back(name);
            return outcome[name];
        },
        log);
    CHECK(chosen == "opengl");
    CHECK(tried == Strings{"opengles2", "opengles", "opengl"});
    REQUIRE(log.size() == 2);
    CHECK(log[0] == "opengles2 renderer: frames never reach the screen; trying the next");
    CHECK(log[1] == "opengles renderer: cannot be created; trying the next");
}

TEST_CASE("when every GPU renderer fails, the software renderer draws") {
    Strings log;
    const auto chosen = choose_renderer(
        renderer_order("KMSDRM", sdl_drivers, ""),
        [](const std::string& name) {
            return name == "software" ? RendererTry::Works : RendererTry::DoesNotPresent;
        },
        log);
    CHECK(chosen == "software");
    CHECK(log.size() == 3);
}

TEST_CASE("when nothing works the caller is told, so the kiosk exits and is restarted") {
    Strings log;
    const auto chosen = choose_renderer(
        {"software"}, [](const std::string&) { return RendererTry::CannotCreate; }, log);
    CHECK_FALSE(chosen);
    CHECK(log.back() == "no renderer works (tried 1)");
}

TEST_CASE("only the software renderer on X11 keeps its pixels, so frames may be drawn in part") {
    CHECK(window_keeps_pixels("x11", "software"));
    CHECK(window_keeps_pixels("X11", "Software"));
    CHECK_FALSE(window_keeps_pixels("x11", "opengl"));
    CHECK_FALSE(window_keeps_pixels("KMSDRM", "software")); // its window surface is a GL texture
    CHECK_FALSE(window_keeps_pixels("KMSDRM", "opengles2"));
    CHECK_FALSE(window_keeps_pixels("offscreen", "software"));
}

TEST_CASE("the kiosk drives the console's screen itself only full screen, off any desktop, "
          "with no other video driver asked for") {
    CHECK(drives_screen_itself(false, "", false));
    CHECK_FALSE(drives_screen_itself(false, "kmsdrm", false)); // the operator's choice stands
    CHECK_FALSE(drives_screen_itself(false, "evdev", false));  // (no screen at all: SDL's own)
    CHECK_FALSE(drives_screen_itself(false, "x11", false));
    CHECK_FALSE(drives_screen_itself(false, "", true)); // DISPLAY or WAYLAND_DISPLAY is set
    CHECK_FALSE(drives_screen_itself(true, "", false)); // a development window
}

TEST_CASE("input is looked for every 10 ms only where SDL cannot sleep until it comes") {
    CHECK(input_poll_interval_ms("x11") == 0);
    CHECK(input_poll_interval_ms("wayland") == 0);
    CHECK(input_poll_interval_ms("evdev") == 10);
    CHECK(input_poll_interval_ms("KMSDRM") == 10);
    CHECK(input_poll_interval_ms("offscreen") == 10);
    CHECK(input_poll_interval_ms("") == 10);
}
