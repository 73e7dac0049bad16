#pragma once
// The kiosk's app, canvas and fonts on a hidden window with SDL's software renderer, driven by a
// simulated clock: what the benchmark times and the soak test runs for hours of kiosk time in
// minutes. The work per frame is real; the waiting is not.
#include "app/kiosk_app.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"
#include "render/sdl_handles.h"

#include <memory>
#include <optional>
#include <string>

namespace kiosk {

struct Rig {
    SdlSession sdl{SDL_INIT_VIDEO};
    WindowPtr window;
    RendererPtr renderer;
    std::string error;
    std::optional<FontSet> fonts;
    Settings settings;
    std::unique_ptr<KioskApp> app;
    std::unique_ptr<SdlCanvas> canvas;
    double t = 0;

    // With the deck in content_dir (the project's default content when empty).
    explicit Rig(Size size, const std::string& content_dir = "");
    bool ok() const { return window && renderer && fonts && app; }

    // Advances the simulated clock by dt and draws if the app needs it, then does the idle
    // preparation the kiosk's loop does; returns the frame's cost in ms, or -1 when nothing
    // needed drawing.
    double tick(double dt = 1.0 / 60);
    void key(Key k);
    void pointer(InputEvent::Type type, float x, float y);
};

} // namespace kiosk
