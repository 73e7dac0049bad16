#include "render/sdl_session.h"

#include "render/sdl_handles.h"

#include <SDL_image.h>

namespace kiosk {

SdlSession::SdlSession(Uint32 subsystems) {
    // The kiosk handles SIGTERM itself (platform/signal_watcher.h) so a window-close request and
    // a stop from the service manager can be told apart.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(subsystems) != 0) {
        error_ = SDL_GetError();
        return;
    }
    sdl_ = true;
    if (TTF_Init() != 0) {
        error_ = TTF_GetError();
        return;
    }
    ttf_ = true;
    IMG_Init(IMG_INIT_PNG);
    ok_ = true;
}

SdlSession::~SdlSession() {
    IMG_Quit();
    if (ttf_) TTF_Quit();
    if (sdl_) SDL_Quit();
}

} // namespace kiosk
