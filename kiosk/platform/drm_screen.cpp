#include "platform/drm_screen.h"

#include <xf86drm.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace kiosk {
namespace {

using Resources = std::unique_ptr<drmModeRes, decltype(&drmModeFreeResources)>;
using Connector = std::unique_ptr<drmModeConnector, decltype(&drmModeFreeConnector)>;
using Encoder = std::unique_ptr<drmModeEncoder, decltype(&drmModeFreeEncoder)>;
using Crtc = std::unique_ptr<drmModeCrtc, decltype(&drmModeFreeCrtc)>;

Connector connector(int fd, std::uint32_t id) {
    return {drmModeGetConnector(fd, id), drmModeFreeConnector};
}
Encoder encoder(int fd, std::uint32_t id) {
    return {id ? drmModeGetEncoder(fd, id) : nullptr, drmModeFreeEncoder};
}
Crtc crtc(int fd, std::uint32_t id) {
    return {id ? drmModeGetCrtc(fd, id) : nullptr, drmModeFreeCrtc};
}

// The mode the console already shows (what the kernel chose, or `video=` on its command line
// asked for: the screen need not re-sync), else the screen's preferred one, else its first.
const drmModeModeInfo* pick_mode(const drmModeConnector& c, const drmModeCrtc* current) {
    if (current && current->mode_valid) return &current->mode;
    for (int i = 0; i < c.count_modes; ++i)
        if (c.modes[i].type & DRM_MODE_TYPE_PREFERRED) return &c.modes[i];
    return c.count_modes > 0 ? &c.modes[0] : nullptr;
}

// The CRTC already driving the connector, else the first one any of its encoders can use.
std::uint32_t pick_crtc(int fd, const drmModeRes& res, const drmModeConnector& c) {
    if (auto e = encoder(fd, c.encoder_id); e && e->crtc_id) return e->crtc_id;
    for (int i = 0; i < c.count_encoders; ++i) {
        auto e = encoder(fd, c.encoders[i]);
        if (!e) continue;
        for (int k = 0; k < res.count_crtcs; ++k)
            if (e->possible_crtcs & (1u << k)) return res.crtcs[k];
    }
    return 0;
}

std::string connector_name(const drmModeConnector& c) {
    const char* type = drmModeGetConnectorTypeName(c.connector_type);
    return std::string(type ? type : "connector") + "-" + std::to_string(c.connector_type_id);
}

} // namespace

std::unique_ptr<DrmScreen> DrmScreen::open(std::string& why) {
    why = "no DRM card with a connected screen";
    for (int n = 0; n < 8; ++n) {
        const std::string path = "/dev/dri/card" + std::to_string(n);
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            if (errno != ENOENT) why = path + ": " + std::strerror(errno);
            continue;
        }
        std::unique_ptr<DrmScreen> screen(new DrmScreen(fd));
        std::uint64_t dumb = 0;
        if (drmGetCap(fd, DRM_CAP_DUMB_BUFFER, &dumb) != 0 || !dumb) {
            why = path + ": no dumb buffers";
            continue;
        }
        std::string problem;
        if (!screen->find_output(problem)) {
            why = path + ": " + problem;
            continue;
        }
        if (!screen->make_buffer(screen->buffers_[0], problem) ||
            !screen->make_buffer(screen->buffers_[1], problem)) {
            why = path + ": " + problem;
            continue;
        }
        if (auto c = crtc(fd, screen->crtc_)) {
            screen->saved_mode_ = c->mode;
            screen->saved_fb_ = c->buffer_id;
            screen->saved_x_ = c->x;
            screen->saved_y_ = c->y;
            screen->saved_ = c->mode_valid && c->buffer_id;
        }
        if (drmModeSetCrtc(fd, screen->crtc_, screen->buffers_[0].framebuffer, 0, 0,
                           &screen->connector_, 1, &screen->mode_) != 0) {
            // Most often another program holds the screen (it is "DRM master"): a desktop, or a
            // second kiosk.
            why = path + ": cannot set the mode: " + std::strerror(errno);
            screen->saved_ = false; // nothing was changed
            continue;
        }
        screen->damage_ = std::make_unique<ScanoutDamage>(screen->size());
        screen->name_ = path.substr(path.rfind('/') + 1) + " " + screen->name_;
        why.clear();
        return screen;
    }
    return nullptr;
}

bool DrmScreen::find_output(std::string& why) {
    Resources res(drmModeGetResources(fd_), drmModeFreeResources);
    if (!res) return why = "no mode-setting resources", false;
    for (int i = 0; i < res->count_connectors; ++i) {
        auto c = connector(fd_, res->connectors[i]);
        if (!c || c->connection != DRM_MODE_CONNECTED || c->count_modes == 0) continue;
        const std::uint32_t crtc_id = pick_crtc(fd_, *res, *c);
        if (!crtc_id) continue;
        auto current = crtc(fd_, crtc_id);
        const drmModeModeInfo* mode = pick_mode(*c, current.get());
        if (!mode) continue;
        connector_ = c->connector_id;
        crtc_ = crtc_id;
        mode_ = *mode;
        mm_w_ = c->mmWidth;
        mm_h_ = c->mmHeight;
        name_ = connector_name(*c) + " " + std::to_string(mode->hdisplay) + "x" +
                std::to_string(mode->vdisplay) + "@" + std::to_string(mode->vrefresh);
        return true;
    }
    return why = "no connected screen with a mode", false;
}

bool DrmScreen::make_buffer(Buffer& b, std::string& why) {
    drm_mode_create_dumb create{};
    create.width = mode_.hdisplay;
    create.height = mode_.vdisplay;
    create.bpp = 32;
    if (drmIoctl(fd_, DRM_IOCTL_MODE_CREATE_DUMB, &create) != 0)
        return why = std::string("cannot make a screen buffer: ") + std::strerror(errno), false;
    b.handle = create.handle;
    b.pitch = create.pitch;
    b.size = create.size;
    if (drmModeAddFB(fd_, mode_.hdisplay, mode_.vdisplay, 24, 32, b.pitch, b.handle,
                     &b.framebuffer) != 0)
        return why = std::string("cannot add a framebuffer: ") + std::strerror(errno), false;
    drm_mode_map_dumb map{};
    map.handle = b.handle;
    if (drmIoctl(fd_, DRM_IOCTL_MODE_MAP_DUMB, &map) != 0)
        return why = std::string("cannot map a screen buffer: ") + std::strerror(errno), false;
    void* p = mmap(nullptr, b.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd_,
                   static_cast<off_t>(map.offset));
    if (p == MAP_FAILED)
        return why = std::string("cannot map a screen buffer: ") + std::strerror(errno), false;
    b.map = static_cast<std::uint8_t*>(p);
    std::memset(b.map, 0, b.size); // black until the first frame
    return true;
}

void DrmScreen::free_buffer(Buffer& b) {
    if (b.map) munmap(b.map, b.size);
    if (b.framebuffer) drmModeRmFB(fd_, b.framebuffer);
    if (b.handle) {
        drm_mode_destroy_dumb destroy{};
        destroy.handle = b.handle;
        drmIoctl(fd_, DRM_IOCTL_MODE_DESTROY_DUMB, &destroy);
    }
    b = Buffer{};
}

DrmScreen::~DrmScreen() {
    if (flip_pending_) wait_for_flip(100); // the CRTC refuses a new mode while a flip is due
    if (saved_)
        drmModeSetCrtc(fd_, crtc_, saved_fb_, saved_x_, saved_y_, &connector_, 1, &saved_mode_);
    for (Buffer& b : buffers_)
        free_buffer(b);
    ::close(fd_);
}

double DrmScreen::dpi() const {
    if (mm_w_ == 0 || mm_h_ == 0) return 0;
    const double px = std::hypot(mode_.hdisplay, mode_.vdisplay), mm = std::hypot(mm_w_, mm_h_);
    return px / (mm / 25.4);
}

// The flip's event says the new buffer is on screen and the old one free to write. False when
// it has not come within the time given: the flip is still pending then.
bool DrmScreen::wait_for_flip(int timeout_ms) {
    drmEventContext events{};
    events.version = 2;
    events.page_flip_handler = [](int, unsigned, unsigned, unsigned, void* data) {
        static_cast<DrmScreen*>(data)->flip_pending_ = false;
    };
    while (flip_pending_) {
        pollfd p{fd_, POLLIN, 0};
        const int ready = poll(&p, 1, timeout_ms);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0 || drmHandleEvent(fd_, &events) != 0) break;
    }
    return !flip_pending_;
}

void DrmScreen::copy(Buffer& b, const std::uint8_t* pixels, int pitch,
                     const std::vector<Rect>& areas) {
    for (const Rect& a : areas) {
        const std::size_t bytes = static_cast<std::size_t>(a.w) * 4;
        for (int y = a.y; y < a.bottom(); ++y)
            std::memcpy(b.map + static_cast<std::size_t>(y) * b.pitch + a.x * 4,
                        pixels + static_cast<std::size_t>(y) * pitch + a.x * 4, bytes);
    }
}

void DrmScreen::show(const std::uint8_t* pixels, int pitch, const std::vector<Rect>& areas) {
    damage_->changed(areas);
    if (flip_pending_ && !wait_for_flip(100)) {
        // The buffer to fill is still on screen. This frame's areas wait in the backlogs for the
        // next; an event that never comes (a driver that lost it) must not stop the screen.
        if (++late_flips_ < 5) return;
        std::fprintf(stderr, "kiosk: display: a page flip was never confirmed; going on\n");
        flip_pending_ = false;
    }
    late_flips_ = 0;
    const int next = 1 - shown_;
    Buffer& b = buffers_[next];
    copy(b, pixels, pitch, damage_->take(next));
    if (flips_ && drmModePageFlip(fd_, crtc_, b.framebuffer, DRM_MODE_PAGE_FLIP_EVENT, this) == 0) {
        flip_pending_ = true;
    } else {
        // No page flips (a driver without them): setting the CRTC shows the buffer too, at once
        // rather than at vertical blank, so a frame may tear.
        if (flips_)
            std::fprintf(stderr,
                         "kiosk: display: the screen refused a page flip (%s); each frame "
                         "is now set at once, and may tear\n",
                         std::strerror(errno));
        flips_ = false;
        if (drmModeSetCrtc(fd_, crtc_, b.framebuffer, 0, 0, &connector_, 1, &mode_) != 0 &&
            !set_failed_) {
            std::fprintf(stderr, "kiosk: display: cannot show a frame: %s\n", std::strerror(errno));
            set_failed_ = true;
        }
    }
    shown_ = next;
}

} // namespace kiosk
