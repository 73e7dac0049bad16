#include "platform/screen_output.h"

namespace kiosk {

ScreenOutput::ScreenOutput(SDL_Renderer* renderer, Size physical, Rotation rotation)
    : renderer_(renderer), physical_(physical), rotation_(rotation) {}

bool ScreenOutput::resize(Size physical, std::string& error) {
    physical_ = physical;
    target_.reset();
    if (rotation_ == Rotation::R0) return true;
    const Size l = logical();
    target_.reset(
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, l.w, l.h));
    if (!target_) error = std::string("cannot make the rotation texture: ") + SDL_GetError();
    return target_ != nullptr;
}

void ScreenOutput::begin_frame() {
    if (target_) SDL_SetRenderTarget(renderer_, target_.get());
}

// The software renderer draws into the window surface, which SDL_RenderPresent sends whole
// (8 MB a frame at 1080p); with a sink the changed areas alone go, once the queued drawing is
// done. A rotated frame is drawn upright into a texture and turned onto the whole window; the
// window is the render target again after every frame, as the renderer's output size (which
// places touches) is the render target's.
void ScreenOutput::end_frame(const std::vector<Rect>& areas) {
    const bool unchanged = sink_ && areas.empty(); // nothing to turn or send
    if (target_) {
        SDL_SetRenderTarget(renderer_, nullptr);
        const Rect d = render_destination(physical_, rotation_);
        const SDL_Rect dst{d.x, d.y, d.w, d.h};
        if (!unchanged)
            SDL_RenderCopyEx(renderer_, target_.get(), nullptr, &dst, render_angle(rotation_),
                             nullptr, SDL_FLIP_NONE);
    }
    if (!sink_) return SDL_RenderPresent(renderer_);
    SDL_RenderFlush(renderer_);
    if (unchanged) return;
    sink_(target_ ? std::vector<Rect>{{0, 0, physical_.w, physical_.h}} : areas);
}

PointF ScreenOutput::to_logical(float x, float y) const {
    return physical_to_logical({x, y}, physical_, rotation_);
}

} // namespace kiosk
