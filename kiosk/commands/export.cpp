// --export: every slide to a numbered PNG, drawn by the same code as the screen but on a software
// renderer over a plain surface, so no display (or video driver) is needed.
#include "commands/export.h"
#include "commands/typesetting.h"

#include "content/loader.h"
#include "layout/slide_layout.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"
#include "view/compose.h"

#include <SDL_image.h>

#include <cstdio>
#include <iostream>

namespace kiosk {
namespace {

std::string png_name(std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "slide-%02zu.png", index + 1);
    return name;
}

bool export_slides(const Deck& deck, const FontSet& fonts, const TextMeasure& measure, Size size,
                   const std::filesystem::path& dir) {
    SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface)
        return std::cerr << "kiosk: cannot make a surface: " << SDL_GetError() << '\n', false;
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    if (!renderer)
        return std::cerr << "kiosk: no software renderer: " << SDL_GetError() << '\n', false;
    SdlCanvas canvas(renderer.get(), fonts, size);
    const auto scenes = layout_deck(deck, size, measure); // at the deck's one text size
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Scene& scene = scenes[i];
        FrameState state;
        state.slide = static_cast<int>(i);
        state.count = static_cast<int>(deck.slides.size());
        Frame frame;
        compose_slides(
            frame, deck, [&](int) -> const Scene& { return scene; }, state, size, measure);
        draw_frame(canvas, frame, deck.theme);
        SDL_RenderPresent(renderer.get());
        const auto path = (dir / png_name(i)).string();
        if (IMG_SavePNG(surface.get(), path.c_str()) != 0)
            return std::cerr << "kiosk: cannot write " << path << ": " << IMG_GetError() << '\n',
                   false;
        std::cout << path << '\n';
    }
    return true;
}

} // namespace

int run_export(const Settings& settings) {
    auto loaded = load_content_dir(settings.content.content_dir);
    for (const auto& d : loaded.diagnostics.items)
        std::cerr << "kiosk: " << to_string(d) << '\n';
    if (!loaded.deck) return 1;
    std::error_code ec;
    std::filesystem::create_directories(settings.args.export_dir, ec);
    if (ec)
        return std::cerr << "kiosk: cannot create " << settings.args.export_dir << ": "
                         << ec.message() << '\n',
               1;
    SdlSession sdl(0);
    if (!sdl.ok()) return std::cerr << "kiosk: cannot start SDL: " << sdl.error() << '\n', 1;
    std::string error;
    auto fonts = FontSet::open(settings.display.font_dir, error);
    if (!fonts) return std::cerr << "kiosk: " << error << '\n', 1;
    const auto measure = typesetting(*fonts, settings.display, loaded.deck->language, std::cerr);
    return export_slides(*loaded.deck, *fonts, measure, settings.args.export_size,
                         settings.args.export_dir)
               ? 0
               : 1;
}

} // namespace kiosk
