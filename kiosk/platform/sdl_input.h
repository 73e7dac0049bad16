#pragma once
// The one door from SDL events to the kiosk: input becomes its own InputEvents, and the events
// the loop acts on itself (a resize, a change on disk, a finished load) are named here too, so
// that the loop only dispatches.
#include "input/input_event.h"
#include "layout/geometry.h"

#include <SDL.h>

#include <optional>
#include <string_view>

namespace kiosk {

// The kiosk's own event types (SDL_RegisterEvents), and whether closing the window quits: in a
// development window it does; full screen, nothing a visitor's keyboard sends may end the kiosk.
struct OwnEvents {
    Uint32 quit_signal = 0;     // SIGTERM/SIGINT, from platform/signal_watcher.h
    Uint32 content_changed = 0; // something changed on disk (platform/content_watcher.h)
    Uint32 content_loaded = 0;  // a background load finished: it only wakes the loop
    bool window_close_quits = false;
};

// What one SDL event means to the loop.
struct LoopEvent {
    enum class Kind { Input, Resized, Exposed, ContentChanged, ContentLoaded };
    Kind kind = Kind::Input;
    InputEvent input; // Kind::Input only
};

// How often to look for input while waiting, in ms, on an SDL video driver that cannot sleep
// until input comes (SDL 2.26's KMSDRM, evdev and dummy: SDL_WaitEventTimeout would wake every
// millisecond to poll, a thousand wake-ups a second on an idle Pi); 0 where SDL can sleep (X11,
// Wayland). Ten milliseconds is well below what a visitor notices.
int input_poll_interval_ms(std::string_view video_driver);

// window: the drawable size, to turn normalised finger positions into pixels.
std::optional<LoopEvent> map_sdl_event(const SDL_Event& e, Size window, double now,
                                       const OwnEvents& own);

} // namespace kiosk
