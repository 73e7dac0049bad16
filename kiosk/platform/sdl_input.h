#pragma once
// The one door from SDL events to the kiosk's own InputEvents.
#include "input/input_event.h"
#include "layout/geometry.h"

#include <SDL.h>

#include <optional>

namespace kiosk {

// window: the drawable size, to turn normalised finger positions into pixels.
std::optional<InputEvent> map_sdl_event(const SDL_Event& e, Size window, double now,
                                        Uint32 quit_event_type);

} // namespace kiosk
