#pragma once
// The one door from SDL events to the kiosk: input becomes its own InputEvents, and the events
// the loop acts on itself (a resize, a change on disk, a finished load) are named here too, so
// that the loop only dispatches.
#include "input/input_event.h"
#include "layout/geometry.h"

#include <SDL.h>

#include <optional>

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

// window: the drawable size, to turn normalised finger positions into pixels.
std::optional<LoopEvent> map_sdl_event(const SDL_Event& e, Size window, double now,
                                       const OwnEvents& own);

} // namespace kiosk
