#pragma once
// The console's screen driven straight through the kernel's DRM interface, without GL: two
// "dumb" buffers in memory the display scans out, flipped at vertical blank. The kiosk draws with
// SDL's software renderer into a picture of its own and copies only what changed into the buffer
// that is about to be shown. SDL's KMSDRM backend can only present through EGL and a GL
// renderer, which on a machine without a GPU driver (llvmpipe) loaded 60 MB of Mesa and LLVM and
// took 15-19 s to compile its first shaders (README: Performance). SDL still reads the touch
// screen and keys: its "evdev" video driver is SDL's dummy display with Linux input.
#include "layout/geometry.h"
#include "platform/scanout_damage.h"

#include <xf86drmMode.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {

class DrmScreen {
  public:
    // The first DRM card with a connected screen that can show dumb buffers, set to its current
    // (or else preferred) mode and cleared to black. Null, with why in `why`, when there is none:
    // then the kiosk falls back to SDL's own KMSDRM output.
    static std::unique_ptr<DrmScreen> open(std::string& why);
    ~DrmScreen(); // gives the screen back to the console as it was
    DrmScreen(const DrmScreen&) = delete;
    DrmScreen& operator=(const DrmScreen&) = delete;

    Size size() const { return {mode_.hdisplay, mode_.vdisplay}; }
    // Diagonal DPI from the size the screen reports, 0 when it reports none.
    double dpi() const;
    // "card0 Virtual-1 1920x1080@60": for the log and the status overlay.
    const std::string& name() const { return name_; }

    // Shows a picture (32-bit XRGB, `pitch` bytes a row, the screen's size) whose `areas` changed
    // since the last call. Waits for the previous flip first, so frames follow the display's
    // rate and a buffer is never written while it is on screen.
    void show(const std::uint8_t* pixels, int pitch, const std::vector<Rect>& areas);

  private:
    struct Buffer {
        std::uint32_t handle = 0, framebuffer = 0, pitch = 0;
        std::uint64_t size = 0;
        std::uint8_t* map = nullptr;
    };
    explicit DrmScreen(int fd) : fd_(fd) {}
    bool find_output(std::string& why);
    bool make_buffer(Buffer& b, std::string& why);
    void free_buffer(Buffer& b);
    bool wait_for_flip(int timeout_ms);
    void copy(Buffer& b, const std::uint8_t* pixels, int pitch, const std::vector<Rect>& areas);

    int fd_ = -1;
    std::uint32_t connector_ = 0, crtc_ = 0;
    drmModeModeInfo mode_{}; // the mode set: its size is the screen's
    std::uint32_t mm_w_ = 0, mm_h_ = 0;
    // What the console showed, to put back on exit (a restarting kiosk then flashes the console
    // for a moment rather than freezing its last frame).
    drmModeModeInfo saved_mode_{};
    std::uint32_t saved_fb_ = 0, saved_x_ = 0, saved_y_ = 0;
    bool saved_ = false;
    Buffer buffers_[2];
    int shown_ = 0;             // the buffer on screen
    bool flip_pending_ = false; // a flip was asked for and its event has not come
    int late_flips_ = 0;        // frames in a row that found the last flip still pending
    bool flips_ = true;         // false once a flip failed: then each frame sets the CRTC
    bool set_failed_ = false;   // said once in the log
    std::unique_ptr<ScanoutDamage> damage_;
    std::string name_;
};

} // namespace kiosk
