#pragma once
#include <SDL.h>

namespace kiosk {

// SDL_Init / TTF_Init paired with their Quit. Subsystems: SDL_INIT_VIDEO for a window, 0 for
// export and --check, which need fonts and surfaces only.
class SdlSession {
  public:
    explicit SdlSession(Uint32 subsystems);
    ~SdlSession();
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
    bool ok() const { return ok_; }
    const char* error() const { return error_; }

  private:
    bool ok_ = false;
    bool sdl_ = false;
    bool ttf_ = false;
    const char* error_ = "";
};

} // namespace kiosk
