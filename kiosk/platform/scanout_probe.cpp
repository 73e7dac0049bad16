#include "platform/scanout_probe.h"

#include <SDL_syswm.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <map>
#include <memory>
#include <set>

namespace kiosk {

std::optional<ScanoutProbe> ScanoutProbe::for_window(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_KMSDRM) return {};
    if (info.info.kmsdrm.drm_fd < 0) return {};
    return ScanoutProbe(info.info.kmsdrm.drm_fd);
}

std::vector<ScanoutProbe::Scanout> ScanoutProbe::scanouts() const {
    std::vector<Scanout> out;
    std::unique_ptr<drmModeRes, decltype(&drmModeFreeResources)> res(drmModeGetResources(fd_),
                                                                     drmModeFreeResources);
    if (!res) return out;
    for (int i = 0; i < res->count_crtcs; ++i) {
        std::unique_ptr<drmModeCrtc, decltype(&drmModeFreeCrtc)> crtc(
            drmModeGetCrtc(fd_, res->crtcs[i]), drmModeFreeCrtc);
        if (crtc && crtc->mode_valid && crtc->buffer_id)
            out.push_back({crtc->crtc_id, crtc->buffer_id});
    }
    return out;
}

bool renderer_presents(SDL_Window* window, SDL_Renderer* renderer, SDL_Color background) {
    const auto probe = ScanoutProbe::for_window(window);
    if (!probe) return true;
    // Per CRTC: with two screens, the other one's console plus this one's first frame would look
    // like a flip where none happened.
    std::map<std::uint32_t, std::set<std::uint32_t>> seen;
    constexpr int frames = 8;
    for (int i = 0; i < frames; ++i) {
        SDL_SetRenderDrawColor(renderer, background.r, background.g, background.b, 255);
        SDL_RenderClear(renderer);
        SDL_RenderPresent(renderer);
        // The first present sets the mode, replacing the console's framebuffer even when no
        // later page flip ever happens: only what follows it counts.
        if (i == 0) continue;
        for (const auto& s : probe->scanouts()) {
            auto& shown = seen[s.crtc];
            shown.insert(s.framebuffer);
            if (shown.size() >= 2) return true;
        }
        SDL_Delay(10); // without vsync a flip may still be pending
    }
    return seen.empty(); // no active CRTC to watch (no screen connected): nothing to tell by
}

} // namespace kiosk
