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

void SdlCanvas::clear(Color c) {
    cache_.begin_frame();
    images_.begin_frame();
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, 255);
    SDL_RenderClear(renderer_);
}

void SdlCanvas::fill_rect(Rect r, Color c) {
    SDL_SetRenderDrawBlendMode(renderer_, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
    const SDL_Rect rect{r.x, r.y, r.w, r.h};
    SDL_RenderFillRect(renderer_, &rect);
}

void SdlCanvas::prepare_text(const SceneText& t, Color color) {
    if (!t.text.empty()) cache_.get(t.text, t.style, t.px, color);
}

void SdlCanvas::draw_text(const SceneText& t, Color color, int dx, int dy, std::uint8_t alpha) {
    if (t.text.empty() || alpha == 0) return;
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

void SdlCanvas::draw_image(const SceneImage& image, int dx, std::uint8_t alpha) {
    SDL_Texture* texture = images_.get(image);
    if (!texture) return;
    SDL_SetTextureAlphaMod(texture, alpha);
    const SDL_Rect dst{image.rect.x + dx, image.rect.y, image.rect.w, image.rect.h};
    SDL_RenderCopy(renderer_, texture, nullptr, &dst);
}

// A viewport moves every later draw call at no cost per call; the strip it uncovers stays the
// background colour, cleared with the whole target before.
void SdlCanvas::set_offset(int dx, int dy) {
    if (dx == 0 && dy == 0) {
        SDL_RenderSetViewport(renderer_, nullptr);
        return;
    }
    const SDL_Rect viewport{dx, dy, size_.w, size_.h};
    SDL_RenderSetViewport(renderer_, &viewport);
}

void SdlCanvas::set_clip(std::optional<Rect> clip) {
    if (!clip) {
        SDL_RenderSetClipRect(renderer_, nullptr);
        return;
    }
    const SDL_Rect r{clip->x, clip->y, clip->w, clip->h};
    SDL_RenderSetClipRect(renderer_, &r);
}

} // namespace kiosk
