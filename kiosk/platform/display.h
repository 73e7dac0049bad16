#pragma once
// The window and renderer the kiosk draws on: desktop-fullscreen at the display's own resolution
// (KMSDRM on a Pi console), or a window of a given size for development.
#include "layout/geometry.h"
#include "platform/renderer_choice.h"
#include "platform/screen_output.h"
#include "render/sdl_handles.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class DrmScreen;

// What the display needs from the kiosk's settings, and nothing else.
struct DisplayOptions {
    bool windowed = false;  // a development window instead of the whole screen
    Size window{1280, 720}; // that window's size
};

class Display {
  public:
    // With a screen (DrmScreen::open, on SDL's "evdev" video driver): the software renderer,
    // its frames copied to that screen. Without: SDL's own window and renderers, as below.
    static std::optional<Display> open(const DisplayOptions& options,
                                       std::unique_ptr<DrmScreen> screen, std::string& error);
    ~Display(); // gives the screen back, if it drove it
    Display(Display&&) noexcept;
    Display& operator=(Display&&) noexcept;

    SDL_Renderer* renderer() const { return renderer_.get(); }
    SDL_Window* window() const { return window_.get(); }
    // Drawable size in pixels (differs from the window size on high-DPI desktops).
    Size size() const;
    bool vsync() const { return vsync_; }
    // Frames may be drawn and sent in part (renderer_choice.h: window_keeps_pixels).
    bool keeps_pixels() const { return keeps_pixels_; }
    // Sends such a frame's changed areas to the screen; empty unless keeps_pixels().
    FrameSink frame_sink() const;
    // "opengles2, vsync on KMSDRM": for the log and the operator's status overlay.
    const std::string& renderer_name() const { return renderer_name_; }
    // Diagonal DPI as SDL reports it, 0 when it cannot tell (then touch targets use a default).
    double dpi() const;

  private:
    Display();
    static std::optional<Display> open_on_screen(std::unique_ptr<DrmScreen> screen,
                                                 std::string& error);
    RendererTry try_renderer(const DisplayOptions& options, const std::string& name);
    void describe(const std::string& chosen, const std::vector<std::string>& order);

    WindowPtr window_;
    RendererPtr renderer_;
    bool vsync_ = false;
    bool keeps_pixels_ = false;
    std::string renderer_name_;
    std::unique_ptr<DrmScreen> screen_; // only when the kiosk drives the screen itself
};

} // namespace kiosk
