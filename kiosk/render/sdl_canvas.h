#pragma once
#include "render/font_set.h"
#include "render/image_cache.h"
#include "render/text_cache.h"
#include "view/canvas.h"

namespace kiosk {

// Canvas on an SDL_Renderer: a window's, or a software renderer on a surface for export.
class SdlCanvas : public Canvas {
  public:
    // The text budget defaults to one and a half screenfuls of pixels: text covers well under
    // half of a slide, so both slides of a transition and the chrome stay cached, at any
    // resolution, while memory stays bounded (the bench measures both).
    SdlCanvas(SDL_Renderer* renderer, const FontSet& fonts, Size size,
              std::size_t text_budget_bytes = 0);

    Size size() const override { return size_; }
    void clear(Color color) override;
    void fill_rect(Rect rect, Color color) override;
    void draw_text(const SceneText& text, Color color, int dx, int dy, std::uint8_t alpha) override;
    void set_clip(std::optional<Rect> clip) override;
    void set_offset(int dx, int dy) override;
    void draw_image(const SceneImage& image, int dx, std::uint8_t alpha) override;

    void resize(Size size) { size_ = size; }
    TextCache& text_cache() { return cache_; }

  private:
    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    Size size_;
    TextCache cache_;
    ImageCache images_;
};

} // namespace kiosk
