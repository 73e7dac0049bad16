// Where frames go (platform/screen_output.h) when they are sent by a sink, changed areas only: what
// reaches the sink, and that the window is the render target again after every frame, rotated or
// not (the renderer's output size, which places touches, is the render target's).
#include "platform/screen_output.h"
#include "render/sdl_session.h"
#include "support/software_screen.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Size output_size(SDL_Renderer* r) {
    Size s;
    SDL_GetRendererOutputSize(r, &s.w, &s.h);
    return s;
}

} // namespace

TEST_CASE(
    "a sink gets only the changed areas; a rotated frame goes whole, unless nothing changed") {
    SdlSession sdl(0);
    REQUIRE(sdl.ok());
    const Size physical{320, 200};
    for (const Rotation rotation : {Rotation::R0, Rotation::R90}) {
        test::SoftwareScreen w(physical, SDL_PIXELFORMAT_RGB888); // as a dummy window
        ScreenOutput output(w.renderer.get(), physical, rotation);
        std::string error;
        REQUIRE(output.resize(physical, error));
        std::vector<std::vector<Rect>> sent;
        output.present_changes_only([&](const std::vector<Rect>& areas) { sent.push_back(areas); });
        for (const std::vector<Rect>& changed :
             {std::vector<Rect>{{10, 10, 20, 20}}, std::vector<Rect>{}}) {
            output.begin_frame();
            output.end_frame(changed);
            CHECK(SDL_GetRenderTarget(w.renderer.get()) == nullptr);
            CHECK(output_size(w.renderer.get()) == physical);
        }
        const std::vector<Rect> first = rotation == Rotation::R0
                                            ? std::vector<Rect>{{10, 10, 20, 20}}
                                            : std::vector<Rect>{{0, 0, physical.w, physical.h}};
        CHECK(sent == std::vector<std::vector<Rect>>{first}); // the unchanged frame sends nothing
    }
}
