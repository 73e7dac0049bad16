#include "render/text_cache.h"

namespace kiosk {
namespace {

std::string make_key(const std::string& text, FontStyle style, int px, Color c) {
    std::string key;
    key.reserve(text.size() + 16);
    key += static_cast<char>('0' + static_cast<int>(style));
    key += std::to_string(px);
    key += ':';
    key += static_cast<char>(c.r);
    key += static_cast<char>(c.g);
    key += static_cast<char>(c.b);
    key += text;
    return key;
}

std::size_t texture_bytes(int w, int h) {
    return static_cast<std::size_t>(w) * h * 4;
}

bool column_has_ink(const SDL_Surface* s, int x, int top, int bottom) {
    for (int y = top; y < bottom; ++y) {
        const auto* row = static_cast<const Uint32*>(s->pixels) + y * (s->pitch / 4);
        if (row[x] >> 24) return true;
    }
    return false;
}

// The smallest rectangle holding every pixel with any coverage, of an ARGB8888 surface (what
// TTF_RenderUTF8_Blended returns); empty when nothing shows (a run of spaces).
SDL_Rect ink_bounds(const SDL_Surface* s) {
    auto row_has_ink = [s](int y) {
        const auto* row = static_cast<const Uint32*>(s->pixels) + y * (s->pitch / 4);
        for (int x = 0; x < s->w; ++x)
            if (row[x] >> 24) return true;
        return false;
    };
    int top = 0, bottom = s->h;
    while (top < bottom && !row_has_ink(top))
        ++top;
    while (bottom > top && !row_has_ink(bottom - 1))
        --bottom;
    int left = 0, right = s->w;
    while (left < right && !column_has_ink(s, left, top, bottom))
        ++left;
    while (right > left && !column_has_ink(s, right - 1, top, bottom))
        --right;
    return {left, top, right - left, bottom - top};
}

} // namespace

// A failed run is tried again on the next frame (memory may come back), so while SDL keeps
// failing the log would get a line per run per frame: only the 1st, 2nd, 4th, 8th... are logged.
void TextCache::log_failure(const char* what, const std::string& text, const char* why) {
    ++failures_;
    if ((failures_ & (failures_ - 1)) != 0) return;
    SDL_Log("text: cannot %s \"%.40s\": %s (failure %lu)", what, text.c_str(), why,
            static_cast<unsigned long>(failures_));
}

TextCache::TextCache(SDL_Renderer* renderer, const FontSet& fonts, std::size_t budget_bytes)
    : renderer_(renderer), fonts_(fonts), lru_(budget_bytes) {}

const TextCache::Entry* TextCache::get(const std::string& text, FontStyle style, int px,
                                       Color color) {
    const std::string key = make_key(text, style, px, color);
    if (const Entry* hit = lru_.find(key)) return hit;
    SurfacePtr surface(TTF_RenderUTF8_Blended(fonts_.at(style, px), text.c_str(),
                                              SDL_Color{color.r, color.g, color.b, 255}));
    if (!surface) {
        log_failure("render", text, TTF_GetError());
        return nullptr;
    }
    // Room first (the uncropped size bounds the texture), so old runs go before the new one is
    // copied rather than after.
    lru_.make_room(texture_bytes(surface->w, surface->h));
    if (surface->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SurfacePtr converted(SDL_ConvertSurfaceFormat(surface.get(), SDL_PIXELFORMAT_ARGB8888, 0));
        if (!converted) return nullptr;
        surface = std::move(converted);
    }
    const SDL_Rect ink = ink_bounds(surface.get());
    const int box_h = surface->h;
    TexturePtr texture;
    if (ink.w > 0 && ink.h > 0) {
        // A view of the ink inside the rendered surface, copied into the texture.
        SurfacePtr cropped(SDL_CreateRGBSurfaceWithFormatFrom(
            static_cast<Uint8*>(surface->pixels) + ink.y * surface->pitch + ink.x * 4, ink.w, ink.h,
            32, surface->pitch, SDL_PIXELFORMAT_ARGB8888));
        if (cropped) texture.reset(SDL_CreateTextureFromSurface(renderer_, cropped.get()));
        if (!texture) {
            log_failure("make a texture for", text, SDL_GetError());
            return nullptr;
        }
        SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    }
    surface.reset(); // before evicting: the peak holds one copy of the run, not two
    return &lru_.insert(key, Entry{std::move(texture), ink.x, ink.y, ink.w, ink.h, box_h},
                        texture_bytes(ink.w, ink.h));
}

} // namespace kiosk
