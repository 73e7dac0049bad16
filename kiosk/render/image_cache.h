#pragma once
// Pictures decoded once and scaled once to the size they are shown at, so a frame only copies a
// texture (QR codes stay at one pixel a module and are scaled as drawn, nearest-neighbour). A
// picture that fails to load is remembered as failed and skipped, rather than retried every frame.
#include "render/sdl_handles.h"
#include "render/frame_lru.h"

#include <string>

namespace kiosk {

struct SceneImage;

class ImageCache {
  public:
    ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes);
    // The texture for this picture at its rectangle's size, or nullptr when it cannot be made.
    SDL_Texture* get(const SceneImage& image);
    // Called as a frame starts drawing: from then on, the pictures it uses are kept.
    void begin_frame() { lru_.begin_frame(); }
    std::size_t entries() const { return lru_.entries(); }
    std::size_t bytes() const { return lru_.bytes(); }

  private:
    TexturePtr make(const SceneImage& image);
    TexturePtr scaled(SDL_Surface* source, const SceneImage& image);
    TexturePtr modules(SDL_Surface* source);

    SDL_Renderer* renderer_;
    FrameLru<TexturePtr> lru_; // a null texture: failed, do not retry
};

} // namespace kiosk
