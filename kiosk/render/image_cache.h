#pragma once
// Pictures (image files and QR codes) decoded once and scaled once to the size they are shown
// at, so a frame only copies a texture. A picture that fails to load is remembered as failed and
// skipped, rather than retried every frame.
#include "render/sdl_handles.h"

#include <list>
#include <string>
#include <unordered_map>

namespace kiosk {

struct SceneImage;

class ImageCache {
  public:
    ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes);
    // The texture for this picture at its rectangle's size, or nullptr when it cannot be made.
    SDL_Texture* get(const SceneImage& image);
    std::size_t entries() const { return map_.size(); }

  private:
    TexturePtr make(const SceneImage& image);
    TexturePtr scaled(SDL_Surface* source, const SceneImage& image, bool smooth);

    SDL_Renderer* renderer_;
    std::size_t budget_;
    std::size_t bytes_ = 0;
    std::list<std::string> ages_;
    struct Slot {
        TexturePtr texture; // null: failed, do not retry
        std::size_t bytes = 0;
        std::list<std::string>::iterator age;
    };
    std::unordered_map<std::string, Slot> map_;
};

} // namespace kiosk
