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
// (8 MB a frame at 1080p); the changed areas alone go with SDL_UpdateWindowSurfaceRects, once the
// queued drawing is done.
void ScreenOutput::end_frame(const std::vector<Rect>& areas) {
    const bool whole = areas.size() == 1 && areas[0] == Rect{0, 0, physical_.w, physical_.h};
    if (window_ && !target_ && !whole) {
        SDL_RenderFlush(renderer_);
        if (areas.empty()) return;
        std::vector<SDL_Rect> rects;
        for (const Rect& a : areas)
            rects.push_back({a.x, a.y, a.w, a.h});
        SDL_UpdateWindowSurfaceRects(window_, rects.data(), static_cast<int>(rects.size()));
        return;
    }
    if (target_) {
        SDL_SetRenderTarget(renderer_, nullptr);
        const Rect d = render_destination(physical_, rotation_);
        const SDL_Rect dst{d.x, d.y, d.w, d.h};
        SDL_RenderCopyEx(renderer_, target_.get(), nullptr, &dst, render_angle(rotation_), nullptr,
                         SDL_FLIP_NONE);
    }
    SDL_RenderPresent(renderer_);
}

PointF ScreenOutput::to_logical(float x, float y) const {
    return physical_to_logical({x, y}, physical_, rotation_);
}

} // namespace kiosk
