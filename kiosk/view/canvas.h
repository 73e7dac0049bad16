#pragma once
// The narrow drawing interface between the kiosk and whatever puts pixels on screen. Value types
// only; the SDL implementation (render/sdl_canvas.h) owns renderer, textures and fonts.
#include "content/color.h"
#include "layout/geometry.h"
#include "layout/scene.h"

#include <cstdint>
#include <optional>

namespace kiosk {

class Canvas {
  public:
    virtual ~Canvas() = default;
    virtual Size size() const = 0;
    // Starts a frame: fills the screen, and lets caches drop what earlier frames used but this
    // one may not.
    virtual void clear(Color color) = 0;
    virtual void fill_rect(Rect rect, Color color) = 0; // color.a blends
    // Draws a laid-out text run offset by (dx, dy) with the given opacity.
    virtual void draw_text(const SceneText& text, Color color, int dx, int dy,
                           std::uint8_t alpha) = 0;
    // Makes a later draw_text of this run cheap (rasterises it now, while nothing moves); a
    // canvas with nothing to cache ignores it.
    virtual void prepare_text(const SceneText& text, Color color) {
        (void)text;
        (void)color;
    }
    // Draws a picture; one that cannot be loaded is left out (the slide shows without it).
    virtual void draw_image(const SceneImage& image, int dx, std::uint8_t alpha) = 0;
    // Moves everything drawn by (dx, dy) >= 0: the burn-in shift.
    virtual void set_offset(int dx, int dy) = 0;
    // Limits drawing to a rectangle (a scrolling view); nullopt draws everywhere again.
    virtual void set_clip(std::optional<Rect> clip) = 0;
};

} // namespace kiosk
