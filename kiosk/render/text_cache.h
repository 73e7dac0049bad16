#pragma once
// Rasterised text runs kept as textures, so a slide's text is rendered once, not every frame.
// Least recently used entries go first when the byte budget is exceeded; on a Pi with the software
// renderer the textures live in RAM, so the budget bounds memory.
#include "content/color.h"
#include "render/font_set.h"
#include "render/sdl_handles.h"

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>

namespace kiosk {

class TextCache {
  public:
    TextCache(SDL_Renderer* renderer, const FontSet& fonts, std::size_t budget_bytes);

    struct Entry {
        TexturePtr texture;
        int w = 0, h = 0;
    };
    // The texture for this run, rendering it on a miss; nullptr if SDL could not make one (the
    // run is then skipped rather than the kiosk stopping).
    const Entry* get(const std::string& text, FontStyle style, int px, Color color);

    std::size_t bytes() const { return bytes_; }
    std::size_t entries() const { return map_.size(); }
    void clear();

  private:
    using Key = std::string;
    struct Slot {
        Entry entry;
        std::list<Key>::iterator age;
    };
    void evict_until(std::size_t budget);

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    std::size_t budget_;
    std::size_t bytes_ = 0;
    std::list<Key> ages_; // front: most recently used
    std::unordered_map<Key, Slot> map_;
};

} // namespace kiosk
