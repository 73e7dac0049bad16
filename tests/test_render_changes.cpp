// Drawing only what changed (SdlCanvas::keep_pixels) must leave the same pixels as drawing every
// frame whole: the default deck's attract loop, frame after frame through its time-left bar's
// steps, a fade and a slide, drawn both ways on two software surfaces and compared.
#include "app/kiosk_app.h"
#include "content/loader.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"
#include "support/software_screen.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <optional>

using namespace kiosk;

namespace {

using Screen = test::SoftwareScreen;

long differing_pixels(SDL_Surface* a, SDL_Surface* b) {
    long n = 0;
    for (int y = 0; y < a->h; ++y) {
        const auto* pa = static_cast<const Uint32*>(a->pixels) + y * (a->pitch / 4);
        const auto* pb = static_cast<const Uint32*>(b->pixels) + y * (b->pitch / 4);
        for (int x = 0; x < a->w; ++x)
            n += pa[x] != pb[x];
    }
    return n;
}

long long area(const std::vector<Rect>& rects) {
    long long a = 0;
    for (const Rect& r : rects)
        a += static_cast<long long>(r.w) * r.h;
    return a;
}

// SDL, the kiosk's fonts and the default deck, which every test here draws.
struct Fonts {
    SdlSession sdl{0};
    std::string error;
    std::optional<FontSet> fonts = FontSet::open(Settings{}.display.font_dir, error);
    const Deck deck = *load_content_dir(KIOSK_SOURCE_CONTENT_DIR).deck;

    Fonts() { REQUIRE(fonts); }
};

} // namespace

TEST_CASE_METHOD(Fonts, "frames drawn in part show the same pixels as frames drawn whole") {
    const Size size{800, 480};
    Screen whole(size), part(size);
    REQUIRE(whole.renderer);
    REQUIRE(part.renderer);
    SdlCanvas whole_canvas(whole.renderer.get(), *fonts, size);
    SdlCanvas part_canvas(part.renderer.get(), *fonts, size);
    part_canvas.keep_pixels(true);
    Settings settings;
    KioskApp a(settings, deck, *fonts, size, 0), b(settings, deck, *fonts, size, 0);
    long long drawn = 0, frames = 0, partial = 0;
    // Two slides and their transitions, at 30 frames a second.
    for (double now = 0; now < 2 * slide_duration_s(deck, deck.slides[0]) + 2; now += 1.0 / 30) {
        a.update(now);
        b.update(now);
        if (!a.needs_redraw()) continue;
        a.draw(whole_canvas, now);
        SDL_RenderFlush(whole.renderer.get());
        b.draw(part_canvas, now);
        const auto areas = part_canvas.finish();
        SDL_RenderFlush(part.renderer.get());
        INFO("at " << now << " s");
        REQUIRE(differing_pixels(whole.surface.get(), part.surface.get()) == 0);
        drawn += area(areas);
        ++frames;
        partial += area(areas) < static_cast<long long>(size.w) * size.h;
    }
    // Most frames of the loop change little: far less than whole frames was drawn.
    CHECK(frames > 30);
    CHECK(partial > frames / 2);
    CHECK(drawn < frames * static_cast<long long>(size.w) * size.h / 2);
}

TEST_CASE_METHOD(Fonts, "after a resize the next frame is drawn whole, at the new size") {
    const Size small{400, 240}, size{800, 480};
    Screen whole(size), part(size);
    SdlCanvas whole_canvas(whole.renderer.get(), *fonts, size);
    SdlCanvas part_canvas(part.renderer.get(), *fonts, small);
    part_canvas.keep_pixels(true);
    Settings settings;
    KioskApp a(settings, deck, *fonts, size, 0), b(settings, deck, *fonts, small, 0);
    b.update(0);
    b.draw(part_canvas, 0);
    part_canvas.finish();
    part_canvas.resize(size);
    b.resize(size);
    a.update(1);
    b.update(1);
    a.draw(whole_canvas, 1);
    SDL_RenderFlush(whole.renderer.get());
    b.draw(part_canvas, 1);
    CHECK(part_canvas.finish() == std::vector<Rect>{{0, 0, size.w, size.h}});
    SDL_RenderFlush(part.renderer.get());
    CHECK(differing_pixels(whole.surface.get(), part.surface.get()) == 0);
}
