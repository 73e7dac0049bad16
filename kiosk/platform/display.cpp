#include "platform/display.h"

#include "platform/renderer_choice.h"
#include "platform/scanout_probe.h"

namespace kiosk {
namespace {

WindowPtr create_window(const DisplayOptions& options) {
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = options.window.w, h = options.window.h;
    if (!options.windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        // Sized to the display as well: with no window manager (a bare X server, some KMS
        // setups) "fullscreen desktop" alone leaves a 1x1 window and a black screen.
        SDL_DisplayMode mode{};
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    return WindowPtr(
        SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags));
}

std::vector<std::string> render_drivers() {
    std::vector<std::string> names;
    for (int i = 0; i < SDL_GetNumRenderDrivers(); ++i) {
        SDL_RendererInfo info{};
        if (SDL_GetRenderDriverInfo(i, &info) == 0) names.emplace_back(info.name);
    }
    return names;
}

RendererPtr create_renderer(SDL_Window* window, const std::string& name) {
    const auto names = render_drivers();
    for (int i = 0; i < static_cast<int>(names.size()); ++i)
        if (names[i] == name) {
            const Uint32 flags = name == "software"
                                     ? SDL_RENDERER_SOFTWARE
                                     : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
            return RendererPtr(SDL_CreateRenderer(window, i, flags));
        }
    return nullptr;
}

// On X11 the software renderer's frames go to the server through shared memory. Unless told
// otherwise SDL puts a GL texture behind the window surface even then, which loads the whole GL
// stack for nothing. On KMSDRM that texture is the only way the software renderer reaches the
// screen, so the hint is for X11 alone (an operator's SDL_FRAMEBUFFER_ACCELERATION still wins).
void keep_software_frames_off_gl() {
    const char* video = SDL_GetCurrentVideoDriver();
    if (video && SDL_strcasecmp(video, "x11") == 0)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

const char* requested_driver() {
    const char* hint = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    return hint ? hint : "";
}

} // namespace

// One renderer after another until one shows frames.
std::optional<Display> Display::open(const DisplayOptions& options, std::string& error) {
    keep_software_frames_off_gl();
    Display d;
    d.window_ = create_window(options);
    if (!d.window_)
        return error = std::string("cannot create the window: ") + SDL_GetError(), std::nullopt;
    const char* video = SDL_GetCurrentVideoDriver();
    const auto order = renderer_order(video ? video : "", render_drivers(), requested_driver());
    std::vector<std::string> log;
    const auto chosen = choose_renderer(
        order, [&](const std::string& name) { return d.try_renderer(options, name); }, log);
    for (const auto& line : log)
        SDL_Log("display: %s", line.c_str());
    if (!chosen) {
        // After a renderer that did not present, SDL_GetError() says nothing: the log says why.
        error = "cannot create a renderer that shows frames:";
        for (const auto& line : log)
            error += " " + line + ";";
        return std::nullopt;
    }
    d.describe(*chosen, order);
    if (!options.windowed) SDL_ShowCursor(SDL_DISABLE);
    return d;
}

// A renderer that did not present leaves with its window: a fresh window gives the next one a
// clean GL surface.
RendererTry Display::try_renderer(const DisplayOptions& options, const std::string& name) {
    if (!window_) window_ = create_window(options);
    if (!window_) return RendererTry::CannotCreate;
    renderer_ = create_renderer(window_.get(), name);
    if (!renderer_) {
        SDL_Log("display: %s: %s", name.c_str(), SDL_GetError());
        return RendererTry::CannotCreate;
    }
    if (renderer_presents(window_.get(), renderer_.get(), {0, 0, 0, 255}))
        return RendererTry::Works;
    renderer_.reset();
    window_.reset();
    return RendererTry::DoesNotPresent;
}

void Display::describe(const std::string& chosen, const std::vector<std::string>& order) {
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer_.get(), &info);
    vsync_ = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    const char* video = SDL_GetCurrentVideoDriver();
    renderer_name_ = chosen + (vsync_ ? ", vsync" : ", no vsync") + " on " + (video ? video : "?");
    std::string tried;
    for (const auto& name : order)
        tried += (tried.empty() ? "" : " > ") + name;
    SDL_Log("display: %s renderer, %s, %dx%d (order: %s)", chosen.c_str(),
            vsync_ ? "vsync" : "no vsync", size().w, size().h, tried.c_str());
}

Size Display::size() const {
    Size s;
    SDL_GetRendererOutputSize(renderer_.get(), &s.w, &s.h);
    return s;
}

double Display::dpi() const {
    float ddpi = 0;
    const int index = SDL_GetWindowDisplayIndex(window_.get());
    if (index < 0 || SDL_GetDisplayDPI(index, &ddpi, nullptr, nullptr) != 0) return 0;
    // Some drivers report nonsense (0, or 1 for an unknown panel size); trust plausible values.
    return ddpi >= 40 && ddpi <= 600 ? ddpi : 0;
}

} // namespace kiosk
