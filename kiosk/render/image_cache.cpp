#include "render/image_cache.h"

#include "content/qr.h"
#include "layout/scene.h"

#include <SDL_image.h>

#include <algorithm>

namespace kiosk {
namespace {

std::string key_of(const SceneImage& image) {
    return std::to_string(image.rect.w) + "x" + std::to_string(image.rect.h) +
           (image.cover ? "c:" : ":") + image.source;
}

// Dark modules on white, with the quiet zone: what phone cameras expect, whatever the theme.
SurfacePtr qr_surface(const std::string& text) {
    const auto qr = make_qr(text);
    if (!qr) return nullptr;
    const int side = qr->size + 2 * qr_quiet_zone;
    SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!s) return nullptr;
    SDL_FillRect(s.get(), nullptr, SDL_MapRGB(s->format, 255, 255, 255));
    const Uint32 dark = SDL_MapRGB(s->format, 0, 0, 0);
    for (int y = 0; y < qr->size; ++y)
        for (int x = 0; x < qr->size; ++x)
            if (qr->at(x, y)) {
                SDL_Rect r{x + qr_quiet_zone, y + qr_quiet_zone, 1, 1};
                SDL_FillRect(s.get(), &r, dark);
            }
    return s;
}

// The part of the source that Cover shows: the centre, cut to the target's proportions.
SDL_Rect cover_crop(int sw, int sh, int tw, int th) {
    const double target = static_cast<double>(tw) / th;
    if (static_cast<double>(sw) / sh > target) {
        const int w = std::max(1, static_cast<int>(sh * target));
        return {(sw - w) / 2, 0, w, sh};
    }
    const int h = std::max(1, static_cast<int>(sw / target));
    return {0, (sh - h) / 2, sw, h};
}

} // namespace

ImageCache::ImageCache(SDL_Renderer* renderer, std::size_t budget_bytes)
    : renderer_(renderer), lru_(budget_bytes) {}

SDL_Texture* ImageCache::get(const SceneImage& image) {
    if (image.rect.w <= 0 || image.rect.h <= 0) return nullptr;
    const std::string key = key_of(image);
    if (TexturePtr* hit = lru_.find(key)) return hit->get();
    // Room first, for the size a photo will have, so old and new are not held at once.
    lru_.make_room(static_cast<std::size_t>(image.rect.w) * image.rect.h * 4);
    TexturePtr texture = make(image);
    int w = 0, h = 0;
    if (texture) SDL_QueryTexture(texture.get(), nullptr, nullptr, &w, &h);
    return lru_.insert(key, std::move(texture), static_cast<std::size_t>(w) * h * 4).get();
}

TexturePtr ImageCache::make(const SceneImage& image) {
    const bool qr = image.source.rfind("qr:", 0) == 0;
    SurfacePtr source(qr ? qr_surface(image.source.substr(3)).release()
                         : IMG_Load(image.source.c_str()));
    if (!source) {
        SDL_Log("image: cannot load %s: %s", image.source.c_str(),
                qr ? "QR encoding failed" : IMG_GetError());
        return nullptr;
    }
    if (qr) return modules(source.get());
    return scaled(source.get(), image);
}

// A QR code stays one pixel per module and is scaled as it is drawn, nearest-neighbour: layout
// makes its side a whole number of modules, so the edges stay sharp, and the texture is a few
// kilobytes instead of a megabyte or two at 1080p.
TexturePtr ImageCache::modules(SDL_Surface* source) {
    TexturePtr texture(SDL_CreateTextureFromSurface(renderer_, source));
    if (!texture) {
        SDL_Log("image: cannot make a texture for a QR code: %s", SDL_GetError());
        return nullptr;
    }
    SDL_SetTextureScaleMode(texture.get(), SDL_ScaleModeNearest);
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    return texture;
}

// Scales a photo once, smoothly, through a render target, to exactly the size shown.
TexturePtr ImageCache::scaled(SDL_Surface* source, const SceneImage& image) {
    TexturePtr full(SDL_CreateTextureFromSurface(renderer_, source));
    TexturePtr target(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                        SDL_TEXTUREACCESS_TARGET, image.rect.w, image.rect.h));
    if (!full || !target) {
        SDL_Log("image: cannot make a texture for %s: %s", image.source.c_str(), SDL_GetError());
        return nullptr;
    }
    SDL_SetTextureScaleMode(full.get(), SDL_ScaleModeLinear);
    SDL_Texture* previous = SDL_GetRenderTarget(renderer_);
    SDL_SetRenderTarget(renderer_, target.get());
    const SDL_Rect crop = image.cover ? cover_crop(source->w, source->h, image.rect.w, image.rect.h)
                                      : SDL_Rect{0, 0, source->w, source->h};
    SDL_RenderCopy(renderer_, full.get(), &crop, nullptr);
    SDL_SetRenderTarget(renderer_, previous);
    SDL_SetTextureBlendMode(target.get(), SDL_BLENDMODE_BLEND);
    return target;
}

} // namespace kiosk
