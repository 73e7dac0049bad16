#pragma once
// Rasterised text runs kept as textures, so a slide's text is rendered once, not every frame.
// Least recently used entries go first when the byte budget is exceeded, never those the frame
// being drawn uses (see FrameLru); on a Pi with the software renderer the textures live in RAM,
// so the budget bounds memory.
#include "content/color.h"
#include "render/font_set.h"
#include "render/sdl_handles.h"

#include "render/frame_lru.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk {

class TextCache {
  public:
    TextCache(SDL_Renderer* renderer, const FontSet& fonts, std::size_t budget_bytes);

    // A run's texture holds only its ink: the box TTF renders (the font's full height, with the
    // side bearings and any trailing space) cropped to the pixels that show, which makes the
    // cache about a fifth smaller. (x, y) is where the ink sits inside that box.
    struct Entry {
        TexturePtr texture;
        int x = 0, y = 0, w = 0, h = 0;
        int box_h = 0;
    };
    // The texture for this run, rendering it on a miss; nullptr if SDL could not make one (the
    // run is then skipped rather than the kiosk stopping).
    const Entry* get(const std::string& text, FontStyle style, int px, Color color);

    // Called as a frame starts drawing: from then on, the entries it uses are kept.
    void begin_frame() { lru_.begin_frame(); }
    std::size_t bytes() const { return lru_.bytes(); }
    std::size_t entries() const { return lru_.entries(); }
    void clear() { lru_.clear(); }

  private:
    void log_failure(const char* what, const std::string& text, const char* why);

    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    FrameLru<Entry> lru_;
    std::uint64_t failures_ = 0;
};

} // namespace kiosk
