#pragma once
// A screen in memory: a surface of the given size and SDL's software renderer drawing into it,
// for tests that look at pixels or at what reaches a window without opening one.
#include "layout/geometry.h"
#include "render/sdl_handles.h"

namespace kiosk::test {

struct SoftwareScreen {
    SurfacePtr surface;
    RendererPtr renderer;
    explicit SoftwareScreen(Size size, Uint32 format = SDL_PIXELFORMAT_ARGB8888)
        : surface(SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, format)),
          renderer(SDL_CreateSoftwareRenderer(surface.get())) {}
};

} // namespace kiosk::test
