#include "platform/display.h"

#include "app/settings.h"

namespace kiosk {

std::optional<Display> Display::open(const Settings& settings, std::string& error) {
    Display d;
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = settings.window.w, h = settings.window.h;
    if (!settings.windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        // Sized to the display as well: with no window manager (a bare X server, some KMS
        // setups) "fullscreen desktop" alone leaves a 1x1 window and a black screen.
        SDL_DisplayMode mode{};
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    d.window_.reset(
        SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags));
    if (!d.window_) {
        error = std::string("cannot create the window: ") + SDL_GetError();
        return std::nullopt;
    }
    d.renderer_.reset(SDL_CreateRenderer(d.window_.get(), -1,
                                         SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    if (!d.renderer_) // no GPU driver: the software renderer still does the job
        d.renderer_.reset(SDL_CreateRenderer(d.window_.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!d.renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return std::nullopt;
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(d.renderer_.get(), &info);
    d.vsync_ = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    SDL_Log("display: %s renderer, %s, %dx%d", info.name, d.vsync_ ? "vsync" : "no vsync",
            d.size().w, d.size().h);
    if (!settings.windowed) SDL_ShowCursor(SDL_DISABLE);
    return d;
}

Size Display::size() const {
    Size s;
    SDL_GetRendererOutputSize(renderer_.get(), &s.w, &s.h);
    return s;
}

} // namespace kiosk

namespace kiosk {

double Display::dpi() const {
    float ddpi = 0;
    const int index = SDL_GetWindowDisplayIndex(window_.get());
    if (index < 0 || SDL_GetDisplayDPI(index, &ddpi, nullptr, nullptr) != 0) return 0;
    // Some drivers report nonsense (0, or 1 for an unknown panel size); trust plausible values.
    return ddpi >= 40 && ddpi <= 600 ? ddpi : 0;
}

} // namespace kiosk
