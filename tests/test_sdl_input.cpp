// The one door from SDL events: input, and the events the loop acts on itself, each named.
#include "platform/sdl_input.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

const OwnEvents own{SDL_USEREVENT + 1, SDL_USEREVENT + 2, SDL_USEREVENT + 3, false};
const Size window{800, 480};

SDL_Event event(Uint32 type) {
    SDL_Event e{};
    e.type = type;
    return e;
}

SDL_Event window_event(Uint8 what) {
    SDL_Event e = event(SDL_WINDOWEVENT);
    e.window.event = what;
    return e;
}

} // namespace

TEST_CASE("the kiosk's own events and a resize are named for the loop") {
    using K = LoopEvent::Kind;
    CHECK(map_sdl_event(event(own.content_changed), window, 1, own)->kind == K::ContentChanged);
    CHECK(map_sdl_event(event(own.content_loaded), window, 1, own)->kind == K::ContentLoaded);
    CHECK(map_sdl_event(window_event(SDL_WINDOWEVENT_SIZE_CHANGED), window, 1, own)->kind ==
          K::Resized);
    const auto signal = map_sdl_event(event(own.quit_signal), window, 2, own);
    REQUIRE(signal);
    CHECK(signal->kind == K::Input);
    CHECK(signal->input.type == InputEvent::Type::Quit);
    CHECK(signal->input.t == 2);
    CHECK_FALSE(map_sdl_event(event(SDL_USEREVENT + 9), window, 1, own));
}

TEST_CASE("closing the window quits only a development window") {
    CHECK_FALSE(map_sdl_event(event(SDL_QUIT), window, 1, own)); // full screen: never
    OwnEvents windowed = own;
    windowed.window_close_quits = true;
    const auto quit = map_sdl_event(event(SDL_QUIT), window, 1, windowed);
    REQUIRE(quit);
    CHECK(quit->input.type == InputEvent::Type::Quit);
}

TEST_CASE("fingers become pointers in drawable pixels; lost focus cancels them all") {
    SDL_Event down = event(SDL_FINGERDOWN);
    down.tfinger.fingerId = 7;
    down.tfinger.x = 0.5f;
    down.tfinger.y = 0.25f;
    const auto e = map_sdl_event(down, window, 3, own);
    REQUIRE(e);
    CHECK(e->kind == LoopEvent::Kind::Input);
    CHECK(e->input.type == InputEvent::Type::PointerDown);
    CHECK(e->input.pointer == 7);
    CHECK(e->input.x == Approx(400));
    CHECK(e->input.y == Approx(120));
    const auto lost = map_sdl_event(window_event(SDL_WINDOWEVENT_FOCUS_LOST), window, 3, own);
    REQUIRE(lost);
    CHECK(lost->input.type == InputEvent::Type::CancelAll);
    CHECK_FALSE(map_sdl_event(window_event(SDL_WINDOWEVENT_MOVED), window, 3, own));
}

TEST_CASE("a touch's echo as a mouse event and a held key's repeats are dropped") {
    SDL_Event echo = event(SDL_MOUSEBUTTONDOWN);
    echo.button.which = SDL_TOUCH_MOUSEID;
    echo.button.button = SDL_BUTTON_LEFT;
    CHECK_FALSE(map_sdl_event(echo, window, 1, own));
    SDL_Event key = event(SDL_KEYDOWN);
    key.key.keysym.sym = SDLK_RIGHT;
    const auto press = map_sdl_event(key, window, 1, own);
    REQUIRE(press);
    CHECK(press->input.key == Key::Next);
    key.key.repeat = 1;
    CHECK_FALSE(map_sdl_event(key, window, 1, own));
}

// On SDL's evdev driver no window has the mouse's focus, so SDL leaves the pointer unclamped.
// (An absolute pointer that is not a touch screen, such as QEMU's USB tablet, comes in its
// device's own units under KMSDRM too: SDL 2.26 does not scale them. Kept on the screen, it lands
// where SDL's KMSDRM would have put it, at the edge.)
TEST_CASE("a mouse outside every window is kept on the screen") {
    SDL_Event press = event(SDL_MOUSEBUTTONDOWN);
    press.button.windowID = 0;
    press.button.button = SDL_BUTTON_LEFT;
    press.button.x = 24575;
    press.button.y = -30;
    const auto e = map_sdl_event(press, window, 1, own);
    REQUIRE(e);
    CHECK(e->input.x == Approx(799));
    CHECK(e->input.y == Approx(0));
    SDL_Event drag = event(SDL_MOUSEMOTION);
    drag.motion.state = SDL_BUTTON_LMASK;
    drag.motion.x = 300;
    drag.motion.y = 9000;
    const auto moved = map_sdl_event(drag, window, 2, own);
    REQUIRE(moved);
    CHECK(moved->input.x == Approx(300));
    CHECK(moved->input.y == Approx(479));
}
