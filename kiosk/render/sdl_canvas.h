#pragma once
#include "render/font_set.h"
#include "render/image_cache.h"
#include "render/text_cache.h"
#include "view/canvas.h"

namespace kiosk {

// Canvas on an SDL_Renderer: a window's, or a software renderer on a surface for export.
class SdlCanvas : public Canvas {
  public:
    // The text budget defaults to half a screenful of pixels, pictures to one screenful. Both
    // are soft (see FrameLru): a frame that needs more, two dense slides mid-transition, keeps
    // what it draws, so no text is rendered twice in a frame; the bench measures the peak.
    SdlCanvas(SDL_Renderer* renderer, const FontSet& fonts, Size size,
              std::size_t text_budget_bytes = 0);

    Size size() const override { return size_; }
    void clear(Color color) override;
    void fill_rect(Rect rect, Color color) override;
    void draw_text(const SceneText& text, Color color, int dx, int dy, std::uint8_t alpha) override;
    void prepare_text(const SceneText& text, Color color) override;
    void set_clip(std::optional<Rect> clip) override;
    void set_offset(int dx, int dy) override;
    void draw_image(const SceneImage& image, int dx, std::uint8_t alpha) override;

    void resize(Size size) { size_ = size; }
    TextCache& text_cache() { return cache_; }
    ImageCache& image_cache() { return images_; }

  private:
    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    Size size_;
    TextCache cache_;
    ImageCache images_;
};

} // namespace kiosk
