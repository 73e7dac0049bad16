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

} // namespace

TextCache::TextCache(SDL_Renderer* renderer, const FontSet& fonts, std::size_t budget_bytes)
    : renderer_(renderer), fonts_(fonts), budget_(budget_bytes) {}

const TextCache::Entry* TextCache::get(const std::string& text, FontStyle style, int px,
                                       Color color) {
    const Key key = make_key(text, style, px, color);
    if (auto it = map_.find(key); it != map_.end()) {
        ages_.splice(ages_.begin(), ages_, it->second.age);
        return &it->second.entry;
    }
    SurfacePtr surface(TTF_RenderUTF8_Blended(fonts_.at(style, px), text.c_str(),
                                              SDL_Color{color.r, color.g, color.b, 255}));
    if (!surface) {
        SDL_Log("text: cannot render \"%.40s\": %s", text.c_str(), TTF_GetError());
        return nullptr;
    }
    TexturePtr texture(SDL_CreateTextureFromSurface(renderer_, surface.get()));
    if (!texture) {
        SDL_Log("text: cannot make a texture: %s", SDL_GetError());
        return nullptr;
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    const int w = surface->w, h = surface->h;
    evict_until(budget_ > texture_bytes(w, h) ? budget_ - texture_bytes(w, h) : 0);
    ages_.push_front(key);
    auto& slot = map_[key];
    slot = Slot{Entry{std::move(texture), w, h}, ages_.begin()};
    bytes_ += texture_bytes(w, h);
    return &slot.entry;
}

void TextCache::evict_until(std::size_t budget) {
    while (bytes_ > budget && !ages_.empty()) {
        auto it = map_.find(ages_.back());
        bytes_ -= texture_bytes(it->second.entry.w, it->second.entry.h);
        map_.erase(it);
        ages_.pop_back();
    }
}

void TextCache::clear() {
    map_.clear();
    ages_.clear();
    bytes_ = 0;
}

} // namespace kiosk
