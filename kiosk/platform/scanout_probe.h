#pragma once
// Whether frames reach a KMSDRM screen, seen from the kernel's side: the framebuffer each active
// CRTC scans out. SDL's KMSDRM backend flips between two or three buffers, so a renderer that
// presents changes it; one that never flips leaves the first frame's in place, whatever
// SDL_RenderPresent (which returns nothing in SDL 2.26) would have said.
#include <SDL.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk {

class ScanoutProbe {
  public:
    // Empty when the window is not on KMSDRM, or its DRM device cannot be asked: then there is
    // nothing to tell by, and the renderer is trusted.
    static std::optional<ScanoutProbe> for_window(SDL_Window* window);
    struct Scanout {
        std::uint32_t crtc = 0, framebuffer = 0;
    };
    // What each active CRTC shows now.
    std::vector<Scanout> scanouts() const;

  private:
    explicit ScanoutProbe(int drm_fd) : fd_(drm_fd) {}
    int fd_; // SDL's own descriptor: borrowed, never closed here
};

// Presents a few frames of one colour and watches the scanout. True when the screen flips, or
// when it cannot be watched; false only when one framebuffer stays on screen throughout.
bool renderer_presents(SDL_Window* window, SDL_Renderer* renderer, SDL_Color background);

} // namespace kiosk
