#pragma once
// Owning handles for every SDL and SDL_ttf object: each is released exactly once, in reverse order
// of creation, even on early returns.
#include <SDL.h>
#include <SDL_ttf.h>

#include <memory>

namespace kiosk {

struct SdlDeleter {
    void operator()(SDL_Window* p) const { SDL_DestroyWindow(p); }
    void operator()(SDL_Renderer* p) const { SDL_DestroyRenderer(p); }
    void operator()(SDL_Texture* p) const { SDL_DestroyTexture(p); }
    void operator()(SDL_Surface* p) const { SDL_FreeSurface(p); }
    void operator()(TTF_Font* p) const { TTF_CloseFont(p); }
};

using WindowPtr = std::unique_ptr<SDL_Window, SdlDeleter>;
using RendererPtr = std::unique_ptr<SDL_Renderer, SdlDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, SdlDeleter>;
using SurfacePtr = std::unique_ptr<SDL_Surface, SdlDeleter>;
using FontPtr = std::unique_ptr<TTF_Font, SdlDeleter>;

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
