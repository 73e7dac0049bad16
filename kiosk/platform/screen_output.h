#pragma once
// Where frames go: straight to the window, or, for a screen mounted rotated, into an upright
// texture that is copied onto the panel turned by the configured angle. Touches come back
// through the same mapping, so the rest of the kiosk only ever sees upright coordinates.
#include "input/rotation.h"
#include "render/sdl_handles.h"

#include <functional>
#include <string>
#include <vector>

namespace kiosk {

// Where a frame kept in the window surface goes, changed areas only (Display::frame_sink).
using FrameSink = std::function<void(const std::vector<Rect>& areas)>;

class ScreenOutput {
  public:
    ScreenOutput(SDL_Renderer* renderer, Size physical, Rotation rotation);

    // The picture's size as the kiosk lays it out.
    Size logical() const { return logical_size(physical_, rotation_); }
    // After a window size change; false (and an error) if the rotation texture cannot be made.
    bool resize(Size physical, std::string& error);
    // From now on frames are not presented by SDL but sent by `sink`, changed areas only: a
    // window surface that keeps its pixels (SDL's software renderer on X11, or on SDL's dummy
    // display with the kiosk driving the screen itself: Display::frame_sink).
    void present_changes_only(FrameSink sink) { sink_ = std::move(sink); }
    void begin_frame();
    // areas: what the frame drew (SdlCanvas::finish), in window pixels.
    void end_frame(const std::vector<Rect>& areas);
    PointF to_logical(float x, float y) const;

  private:
    SDL_Renderer* renderer_;
    Size physical_;
    Rotation rotation_;
    TexturePtr target_; // only when rotated
    FrameSink sink_;    // only when presenting changes only
};

} // namespace kiosk
