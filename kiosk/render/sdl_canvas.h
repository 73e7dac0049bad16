#pragma once
#include "render/font_set.h"
#include "render/image_cache.h"
#include "render/text_cache.h"
#include "view/canvas.h"
#include "view/draw_list.h"

#include <vector>

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

    void resize(Size size);

    // For a screen that keeps its pixels between frames (SDL's software renderer on X11): a
    // frame's calls, from clear() on, are only recorded, and finish() draws what differs from
    // the frame before (view/draw_list.h). Off (the default), every call draws at once.
    void keep_pixels(bool on);
    // Ends a frame; returns the screen areas drawn (the whole screen unless keeping pixels; none
    // when nothing changed), for presenting only those.
    std::vector<Rect> finish();
    // The screen lost what it showed (uncovered, resized): the next frame is drawn whole.
    void invalidate() { shown_.reset({}); }
    TextCache& text_cache() { return cache_; }
    ImageCache& image_cache() { return images_; }

  private:
    void clear_now(Color color);
    void fill_now(Rect rect, Color color);
    void text_now(const SceneText& text, Color color, int dx, int dy, std::uint8_t alpha);
    void image_now(const SceneImage& image, int dx, std::uint8_t alpha);
    void offset_now(int dx, int dy);
    void clip_now(std::optional<Rect> clip);
    void apply_clip();
    void replay(const DrawCall& call);
    void touch(const DrawCall& call);

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    Size size_;
    TextCache cache_;
    ImageCache images_;
    bool keep_pixels_ = false;
    DrawList frame_{{}}, shown_{{}}; // the frame being recorded; the one on screen
    std::optional<Rect> damage_;     // while replaying: the area being drawn, in screen pixels
    std::optional<Rect> clip_;       // as set by the frame, in its own (offset) coordinates
    int dx_ = 0, dy_ = 0;
    bool clipped_out_ = false; // the clip and the damage do not meet: draw nothing
};

} // namespace kiosk
