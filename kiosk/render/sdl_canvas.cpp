#include "render/sdl_canvas.h"

#include <algorithm>

namespace kiosk {
namespace {

std::size_t screen_bytes(Size size) {
    return static_cast<std::size_t>(size.w) * size.h * 4;
}

} // namespace

SdlCanvas::SdlCanvas(SDL_Renderer* renderer, const FontSet& fonts, Size size,
                     std::size_t text_budget_bytes)
    : renderer_(renderer), fonts_(fonts), size_(size),
      cache_(renderer, fonts,
             text_budget_bytes ? text_budget_bytes
                               : std::max<std::size_t>(2u << 20, screen_bytes(size) / 2)),
      images_(renderer, std::max<std::size_t>(4u << 20, screen_bytes(size))) {}

void SdlCanvas::resize(Size size) {
    size_ = size;
    frame_.reset(size_); // the next frame is recorded, and clipped, at the new size
    invalidate();
}

void SdlCanvas::keep_pixels(bool on) {
    keep_pixels_ = on;
    frame_.reset(size_);
    invalidate();
}

void SdlCanvas::clear(Color c) {
    if (keep_pixels_) return frame_.clear(c);
    cache_.begin_frame();
    images_.begin_frame();
    clear_now(c);
}

void SdlCanvas::fill_rect(Rect r, Color c) {
    if (keep_pixels_) return frame_.fill_rect(r, c);
    fill_now(r, c);
}

void SdlCanvas::draw_text(const SceneText& t, Color color, int dx, int dy, std::uint8_t alpha) {
    if (keep_pixels_) return frame_.draw_text(t, color, dx, dy, alpha);
    text_now(t, color, dx, dy, alpha);
}

void SdlCanvas::draw_image(const SceneImage& image, int dx, std::uint8_t alpha) {
    if (keep_pixels_) return frame_.draw_image(image, dx, alpha);
    image_now(image, dx, alpha);
}

void SdlCanvas::set_offset(int dx, int dy) {
    if (keep_pixels_) return frame_.set_offset(dx, dy);
    offset_now(dx, dy);
}

void SdlCanvas::set_clip(std::optional<Rect> clip) {
    if (keep_pixels_) return frame_.set_clip(clip);
    clip_now(clip);
}

// SDL_RenderClear ignores the clip: while drawing a damaged area only that area is filled.
void SdlCanvas::clear_now(Color c) {
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, 255);
    if (!damage_) {
        SDL_RenderClear(renderer_);
        return;
    }
    SDL_RenderSetViewport(renderer_, nullptr);
    const SDL_Rect r{damage_->x, damage_->y, damage_->w, damage_->h};
    SDL_RenderSetClipRect(renderer_, &r);
    SDL_RenderFillRect(renderer_, &r);
    offset_now(dx_, dy_);
}

void SdlCanvas::fill_now(Rect r, Color c) {
    if (clipped_out_) return;
    SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
    const SDL_Rect rect{r.x, r.y, r.w, r.h};
    SDL_RenderFillRect(renderer_, &rect);
}

void SdlCanvas::prepare_text(const SceneText& t, Color color) {
    if (!t.text.empty()) cache_.get(t.text, t.style, t.px, color);
}

void SdlCanvas::text_now(const SceneText& t, Color color, int dx, int dy, std::uint8_t alpha) {
    if (t.text.empty() || alpha == 0 || clipped_out_) return;
    const auto* entry = cache_.get(t.text, t.style, t.px, color);
    if (!entry || !entry->texture) return; // nothing to show (a run of spaces)
    SDL_SetTextureAlphaMod(entry->texture.get(), alpha);
    // The glyphs' box is the font height; centre it in the layout's (taller) line box.
    const int y = t.y + dy + (fonts_.line_height(t.px) - entry->box_h) / 2 + entry->y;
    const SDL_Rect dst{t.x + dx + entry->x, y, entry->w, entry->h};
    SDL_RenderCopy(renderer_, entry->texture.get(), nullptr, &dst);
}

} // namespace kiosk

namespace kiosk {

void SdlCanvas::image_now(const SceneImage& image, int dx, std::uint8_t alpha) {
    if (clipped_out_) return;
    SDL_Texture* texture = images_.get(image);
    if (!texture) return;
    SDL_SetTextureAlphaMod(texture, alpha);
    const SDL_Rect dst{image.rect.x + dx, image.rect.y, image.rect.w, image.rect.h};
    SDL_RenderCopy(renderer_, texture, nullptr, &dst);
}

// A viewport moves every later draw call at no cost per call; the strip it uncovers stays the
// background colour, cleared with the whole target before.
void SdlCanvas::offset_now(int dx, int dy) {
    dx_ = dx;
    dy_ = dy;
    if (dx == 0 && dy == 0) {
        SDL_RenderSetViewport(renderer_, nullptr);
    } else {
        const SDL_Rect viewport{dx, dy, size_.w, size_.h};
        SDL_RenderSetViewport(renderer_, &viewport);
    }
    apply_clip(); // SDL's clip is relative to the viewport
}

void SdlCanvas::clip_now(std::optional<Rect> clip) {
    clip_ = clip;
    apply_clip();
}

// The frame's clip and the damaged area together, in the viewport's coordinates. SDL takes an
// empty clip rectangle as no clip at all, so an empty intersection draws nothing instead.
void SdlCanvas::apply_clip() {
    std::optional<Rect> screen;
    if (clip_) screen = Rect{clip_->x + dx_, clip_->y + dy_, clip_->w, clip_->h};
    if (damage_) screen = screen ? intersection(*screen, *damage_) : *damage_;
    clipped_out_ = screen && is_empty(*screen);
    if (!screen || clipped_out_) {
        SDL_RenderSetClipRect(renderer_, nullptr);
        return;
    }
    const SDL_Rect r{screen->x - dx_, screen->y - dy_, screen->w, screen->h};
    SDL_RenderSetClipRect(renderer_, &r);
}

void SdlCanvas::replay(const DrawCall& c) {
    using K = DrawCall::Kind;
    switch (c.kind) {
    case K::Clear:
        return clear_now(c.color);
    case K::Fill:
        return fill_now({c.place.x - dx_, c.place.y - dy_, c.place.w, c.place.h}, c.color);
    case K::Text:
        return text_now(c.text, c.color, c.dx, c.dy, c.alpha);
    case K::Image:
        return image_now(c.image, c.dx, c.alpha);
    case K::Offset:
        return offset_now(c.dx, c.dy);
    case K::Clip:
        return clip_now(c.clip);
    }
}

// What the frame shows outside the damaged area still counts as used by it: the caches keep it
// (a slide's text must not be dropped, and rasterised again, only because it did not change).
void SdlCanvas::touch(const DrawCall& c) {
    if (c.kind == DrawCall::Kind::Text) cache_.get(c.text.text, c.text.style, c.text.px, c.color);
    if (c.kind == DrawCall::Kind::Image) images_.get(c.image);
}

std::vector<Rect> SdlCanvas::finish() {
    const Rect whole{0, 0, size_.w, size_.h};
    if (!keep_pixels_) return {whole};
    const auto areas = damage(shown_, frame_);
    if (!areas.empty()) {
        cache_.begin_frame();
        images_.begin_frame();
        for (const auto& c : frame_.calls())
            if (c.kind == DrawCall::Kind::Text || c.kind == DrawCall::Kind::Image) touch(c);
    }
    for (const Rect& area : areas) {
        damage_ = area;
        dx_ = dy_ = 0;
        clip_.reset();
        for (const auto& c : frame_.calls())
            if (is_empty(c.bounds)
                    ? c.kind == DrawCall::Kind::Offset || c.kind == DrawCall::Kind::Clip
                    : !is_empty(intersection(c.bounds, area)))
                replay(c);
    }
    damage_.reset();
    offset_now(0, 0);
    clip_now(std::nullopt);
    std::swap(shown_, frame_);
    frame_.reset(size_);
    return areas;
}

} // namespace kiosk
