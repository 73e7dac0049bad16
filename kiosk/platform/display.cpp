#include "platform/display.h"

#include "platform/drm_screen.h"
#include "platform/renderer_choice.h"
#include "platform/scanout_probe.h"

#include <SDL_syswm.h>
#include <X11/Xatom.h>

namespace kiosk {
namespace {

Size desktop_size(Size fallback) {
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) != 0) return fallback;
    return {mode.w, mode.h};
}

// A window manager that follows the EWMH standard names its check window on the root window, and
// that window names itself (a stale property left by a window manager that exited does not).
bool x11_window_manager_runs(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return false;
    ::Display* x = info.info.x11.display;
    const Atom check = XInternAtom(x, "_NET_SUPPORTING_WM_CHECK", True);
    if (check == None) return false;
    auto child_of = [&](Window w) -> Window {
        Atom type = None;
        int format = 0;
        unsigned long count = 0, after = 0;
        unsigned char* data = nullptr;
        Window found = None;
        if (XGetWindowProperty(x, w, check, 0, 1, False, XA_WINDOW, &type, &format, &count, &after,
                               &data) == Success &&
            type == XA_WINDOW && format == 32 && count == 1)
            found = *reinterpret_cast<Window*>(data);
        if (data) XFree(data);
        return found;
    };
    const Window wm = child_of(DefaultRootWindow(x));
    if (wm == None) return false;
    int (*previous)(::Display*, XErrorEvent*) = XSetErrorHandler([](::Display*, XErrorEvent*) {
        return 0; // the check window may be gone: that is an answer, not an error
    });
    const bool alive = child_of(wm) == wm;
    XSync(x, False);
    XSetErrorHandler(previous);
    return alive;
}

// The whole screen on a bare X server (a kiosk's usual X11 setup): a borderless window covering
// it. Asking for fullscreen there makes SDL wait for a window manager's answer that never comes
// (about 200 ms of 10 ms sleeps before the first frame); with a window manager it is asked as
// before, and it answers.
WindowPtr create_x11_fullscreen_window(Size screen) {
    WindowPtr window(
        SDL_CreateWindow("Kiosk", 0, 0, screen.w, screen.h,
                         SDL_WINDOW_HIDDEN | SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALLOW_HIGHDPI));
    if (!window) return window;
    if (x11_window_manager_runs(window.get()))
        SDL_SetWindowFullscreen(window.get(), SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_ShowWindow(window.get());
    return window;
}

bool on_x11() {
    const char* video = SDL_GetCurrentVideoDriver();
    return video && SDL_strcasecmp(video, "x11") == 0;
}

WindowPtr create_window(const DisplayOptions& options) {
    if (options.windowed)
        return WindowPtr(SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.window.w, options.window.h,
                                          SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI));
    // Sized to the display as well: with no window manager (a bare X server, some KMS setups)
    // "fullscreen desktop" alone leaves a 1x1 window and a black screen.
    const Size screen = desktop_size(options.window);
    if (on_x11()) return create_x11_fullscreen_window(screen);
    return WindowPtr(SDL_CreateWindow(
        "Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, screen.w, screen.h,
        SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_FULLSCREEN_DESKTOP));
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
    if (on_x11()) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

const char* requested_driver() {
    const char* hint = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    return hint ? hint : "";
}

} // namespace

// SDL's software renderer draws into the window surface of SDL's dummy display (plain memory:
// SDL puts no GL texture behind a dummy window), and each frame's changed areas are copied from
// there to the screen.
std::optional<Display> Display::open_on_screen(std::unique_ptr<DrmScreen> screen,
                                               std::string& error) {
    Display d;
    const Size s = screen->size();
    d.window_.reset(SDL_CreateWindow("Kiosk", 0, 0, s.w, s.h, SDL_WINDOW_SHOWN));
    if (!d.window_)
        return error = std::string("cannot create the window: ") + SDL_GetError(), std::nullopt;
    d.renderer_ = create_renderer(d.window_.get(), "software");
    const SDL_Surface* surface = SDL_GetWindowSurface(d.window_.get());
    if (!d.renderer_ || !surface)
        return error = std::string("cannot create the software renderer: ") + SDL_GetError(),
               std::nullopt;
    // The screen's buffers are 32-bit XRGB; SDL's dummy display makes its surfaces so too.
    if (surface->format->BytesPerPixel != 4 || surface->format->Rmask != 0xff0000 ||
        surface->w != s.w || surface->h != s.h)
        return error = std::string("the window surface is ") +
                       SDL_GetPixelFormatName(surface->format->format) + ", " +
                       std::to_string(surface->w) + "x" + std::to_string(surface->h) +
                       ", not the screen's XRGB8888, " + std::to_string(s.w) + "x" +
                       std::to_string(s.h),
               std::nullopt;
    d.vsync_ = true; // DrmScreen::show waits for each flip
    d.keeps_pixels_ = true;
    d.renderer_name_ = "software, vsync, straight to the screen (" + screen->name() + ")";
    d.screen_ = std::move(screen);
    SDL_Log("display: software renderer, frames copied to %s, only changes drawn",
            d.screen_->name().c_str());
    return d;
}

Display::Display() = default;
Display::~Display() = default;
Display::Display(Display&&) noexcept = default;
Display& Display::operator=(Display&&) noexcept = default;

// One renderer after another until one shows frames.
std::optional<Display> Display::open(const DisplayOptions& options,
                                     std::unique_ptr<DrmScreen> screen, std::string& error) {
    if (screen) return open_on_screen(std::move(screen), error);
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
    keeps_pixels_ = window_keeps_pixels(video ? video : "", chosen);
    renderer_name_ = chosen + (vsync_ ? ", vsync" : ", no vsync") + " on " + (video ? video : "?");
    std::string tried;
    for (const auto& name : order)
        tried += (tried.empty() ? "" : " > ") + name;
    SDL_Log("display: %s renderer, %s, %dx%d (order: %s)%s", chosen.c_str(),
            vsync_ ? "vsync" : "no vsync", size().w, size().h, tried.c_str(),
            keeps_pixels_ ? ", only changes drawn" : "");
}

FrameSink Display::frame_sink() const {
    if (!keeps_pixels_) return {};
    SDL_Window* window = window_.get();
    if (DrmScreen* screen = screen_.get())
        return [window, screen](const std::vector<Rect>& areas) {
            const SDL_Surface* s = SDL_GetWindowSurface(window);
            if (s) screen->show(static_cast<const std::uint8_t*>(s->pixels), s->pitch, areas);
        };
    return [window](const std::vector<Rect>& areas) {
        std::vector<SDL_Rect> rects;
        for (const Rect& a : areas)
            rects.push_back({a.x, a.y, a.w, a.h});
        SDL_UpdateWindowSurfaceRects(window, rects.data(), static_cast<int>(rects.size()));
    };
}

Size Display::size() const {
    Size s;
    SDL_GetRendererOutputSize(renderer_.get(), &s.w, &s.h);
    return s;
}

double Display::dpi() const {
    float ddpi = 0;
    if (screen_) {
        ddpi = static_cast<float>(screen_->dpi()); // from the screen's own size (EDID)
    } else {
        const int index = SDL_GetWindowDisplayIndex(window_.get());
        if (index < 0 || SDL_GetDisplayDPI(index, &ddpi, nullptr, nullptr) != 0) return 0;
    }
    // Some drivers report nonsense (0, or 1 for an unknown panel size); trust plausible values.
    return ddpi >= 40 && ddpi <= 600 ? ddpi : 0;
}

} // namespace kiosk
