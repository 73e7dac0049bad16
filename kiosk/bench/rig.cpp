#include "bench/rig.h"

#include "content/loader.h"
#include "platform/allocator.h"

#include <chrono>

namespace kiosk {
namespace {

double wall_ms() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

Rig::Rig(Size size, const std::string& content_dir) {
    tune_allocator_for_long_runs(); // as the kiosk does
    window.reset(SDL_CreateWindow("rig", 0, 0, size.w, size.h, SDL_WINDOW_HIDDEN));
    renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    fonts = FontSet::open(settings.display.font_dir, error);
    if (!window || !renderer || !fonts) return;
    settings.visitor.burn_in_shift = false;
    auto deck = load_content_dir(content_dir.empty() ? KIOSK_SOURCE_CONTENT_DIR : content_dir);
    if (!deck.deck) {
        error = "cannot load the deck in " + content_dir;
        return;
    }
    app = std::make_unique<KioskApp>(settings, std::move(*deck.deck), *fonts, size, 0.0);
    canvas = std::make_unique<SdlCanvas>(renderer.get(), *fonts, size);
}

double Rig::tick(double dt) {
    t += dt;
    app->update(t);
    if (!app->needs_redraw()) return -1;
    const double start = wall_ms();
    app->draw(*canvas, t);
    SDL_RenderPresent(renderer.get());
    const double ms = wall_ms() - start;
    app->prepare_upcoming(*canvas, t); // between frames, as in the kiosk's loop
    return ms;
}

void Rig::key(Key k) {
    app->handle(InputEvent::key_press(k), t);
}

void Rig::pointer(InputEvent::Type type, float x, float y) {
    app->handle(InputEvent::pointer_event(type, x, y, 1, t), t);
}

} // namespace kiosk
