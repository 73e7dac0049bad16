// SDL failing to make a texture (out of memory, a GPU driver's limit): the kiosk leaves out what
// it cannot draw, logs it, and keeps going. The failure is injected by defining SDL's two
// texture constructors in this executable: the kiosk's code is linked in statically, so its calls
// land here, and go on to the real SDL (found with dlsym) unless a test says they fail.
#include "app/kiosk_app.h"
#include "content/loader.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"

#include <catch2/catch.hpp>
#include <dlfcn.h>

using namespace kiosk;

namespace {
bool textures_fail = false;
int attempts = 0;

template <class Fn> Fn real(const char* name) {
    return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}
} // namespace

extern "C" SDL_Texture* SDL_CreateTextureFromSurface(SDL_Renderer* r, SDL_Surface* s) {
    ++attempts;
    if (textures_fail) return SDL_SetError("injected: out of texture memory"), nullptr;
    using Fn = SDL_Texture* (*)(SDL_Renderer*, SDL_Surface*);
    static const Fn next = real<Fn>("SDL_CreateTextureFromSurface");
    return next(r, s);
}

extern "C" SDL_Texture* SDL_CreateTexture(SDL_Renderer* r, Uint32 format, int access, int w,
                                          int h) {
    ++attempts;
    if (textures_fail) return SDL_SetError("injected: out of texture memory"), nullptr;
    using Fn = SDL_Texture* (*)(SDL_Renderer*, Uint32, int, int, int);
    static const Fn next = real<Fn>("SDL_CreateTexture");
    return next(r, format, access, w, h);
}

namespace {

struct Fixture {
    SdlSession sdl{0};
    std::string error;
    std::optional<FontSet> fonts = FontSet::open(Settings{}.display.font_dir, error);
    SurfacePtr surface{SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888)};
    RendererPtr renderer{SDL_CreateSoftwareRenderer(surface.get())};

    Fixture() {
        REQUIRE(fonts);
        REQUIRE(renderer);
        textures_fail = false;
    }
    ~Fixture() { textures_fail = false; }

    // Pixels that differ from the background's: whatever got drawn.
    long drawn_pixels(Uint32 background) const {
        long n = 0;
        const auto* p = static_cast<const Uint32*>(surface->pixels);
        for (int i = 0; i < surface->w * surface->h; ++i)
            n += (p[i] & 0xffffff) != (background & 0xffffff);
        return n;
    }
};

} // namespace

TEST_CASE_METHOD(Fixture, "text whose texture cannot be made is left out, then drawn once it can") {
    SdlCanvas canvas(renderer.get(), *fonts, {800, 480});
    const SceneText t{"Digitalisering", FontStyle::Bold, 40, 10, 10, 0, 0, Ink::Text};
    textures_fail = true;
    canvas.clear({0, 0, 0, 255});
    canvas.draw_text(t, {255, 255, 255, 255}, 0, 0, 255);
    CHECK(drawn_pixels(0) == 0);
    CHECK(canvas.text_cache().entries() == 0); // a failure is not kept: memory may come back
    textures_fail = false;
    canvas.clear({0, 0, 0, 255});
    canvas.draw_text(t, {255, 255, 255, 255}, 0, 0, 255);
    CHECK(drawn_pixels(0) > 100);
}

TEST_CASE_METHOD(Fixture, "a picture whose texture cannot be made is tried once, not every frame") {
    SdlCanvas canvas(renderer.get(), *fonts, {800, 480});
    const SceneImage qr{{100, 100, 200, 200}, "qr:https://www.serv.be", false};
    textures_fail = true;
    attempts = 0;
    for (int frame = 0; frame < 10; ++frame) {
        canvas.clear({0, 0, 0, 255});
        canvas.draw_image(qr, 0, 255);
    }
    CHECK(attempts == 1);
    CHECK(drawn_pixels(0) == 0);
}

TEST_CASE_METHOD(Fixture,
                 "a whole deck drawn with no textures at all: no crash, shapes still drawn") {
    Settings settings;
    auto loaded = load_content_dir(KIOSK_SOURCE_CONTENT_DIR);
    REQUIRE(loaded.deck);
    const Uint32 background =
        SDL_MapRGB(surface->format, loaded.deck->theme.background.r,
                   loaded.deck->theme.background.g, loaded.deck->theme.background.b);
    KioskApp app(settings, std::move(*loaded.deck), *fonts, {800, 480}, 0);
    SdlCanvas canvas(renderer.get(), *fonts, {800, 480});
    textures_fail = true;
    for (double t = 0; t < 200; t += 0.25) { // several slides, transitions included
        app.update(t);
        if (app.needs_redraw()) app.draw(canvas, t);
        app.prepare_upcoming(canvas, t);
    }
    CHECK(app.frames_drawn() > 20);
    CHECK(drawn_pixels(background) > 0); // the progress bar and accents, without text
}
