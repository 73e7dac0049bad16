#include "app/overlays.h"

#include "layout/notice.h"

namespace kiosk {

void Overlays::notify(std::vector<std::string> lines, double until) {
    notice_ = std::move(lines);
    notice_until_ = until;
    notice_layer_.reset();
}

bool Overlays::expire(double now) {
    if (notice_.empty() || now < notice_until_) return false;
    notice_.clear();
    notice_layer_.reset();
    return true;
}

void Overlays::forget_unless(Size screen) {
    if (screen == laid_for_) return;
    laid_for_ = screen;
    notice_layer_.reset();
    countdown_layer_.reset();
    status_layer_.reset();
}

const Layer* Overlays::notice(Size screen) {
    if (notice_.empty()) return nullptr;
    forget_unless(screen);
    if (!notice_layer_) notice_layer_ = notice_panel(notice_, screen, *measure_);
    return &*notice_layer_;
}

const Layer* Overlays::countdown(const std::string& question, int seconds, Size screen) {
    if (seconds < 0) return nullptr;
    forget_unless(screen);
    if (!countdown_layer_ || countdown_for_ != seconds || countdown_question_ != question) {
        countdown_layer_ = countdown_panel(question, seconds, screen, *measure_);
        countdown_for_ = seconds;
        countdown_question_ = question;
    }
    return &*countdown_layer_;
}

// The status lines change while it is open (the uptime, the frame rate): laid out again only
// when they did.
const Layer* Overlays::status(const std::vector<std::string>& lines, Size screen) {
    forget_unless(screen);
    if (!status_layer_ || lines != status_for_) {
        status_layer_ = text_panel(lines, screen, *measure_);
        status_for_ = lines;
    }
    return &*status_layer_;
}

} // namespace kiosk
