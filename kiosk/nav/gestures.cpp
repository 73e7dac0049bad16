#include "nav/gestures.h"

#include <cmath>
#include <iterator>
#include <limits>

namespace kiosk {

GestureRecognizer::GestureRecognizer(GestureSettings settings, float screen_w, float screen_h)
    : s_(settings), w_(screen_w), h_(screen_h) {}

void GestureRecognizer::resize(float screen_w, float screen_h) {
    w_ = screen_w;
    h_ = screen_h;
}

std::optional<Gesture> GestureRecognizer::feed(const InputEvent& e) {
    using T = InputEvent::Type;
    switch (e.type) {
    case T::PointerDown:
        press(e);
        return std::nullopt;
    case T::CancelAll:
        reset();
        return std::nullopt;
    case T::PointerMove:
        if (auto it = down_.find(e.pointer); it != down_.end()) it->second = e.t;
        if (tracking_ && e.pointer == pointer_) {
            last_x_ = e.x;
            moved_ = moved_ || std::hypot(e.x - start_x_, e.y - start_y_) > slop();
        }
        return std::nullopt;
    case T::PointerUp:
    case T::PointerCancel: {
        down_.erase(e.pointer);
        std::optional<Gesture> g;
        if (tracking_ && e.pointer == pointer_ && e.type == T::PointerUp) g = finish(e);
        if (e.pointer == pointer_) tracking_ = false;
        // A lifted first finger while others stay down must not let them start a new gesture.
        if (!down_.empty()) cancelled_ = true;
        if (down_.empty()) tracking_ = false;
        return g;
    }
    default:
        return std::nullopt;
    }
}

float GestureRecognizer::slop() const {
    return s_.tap_slop_fraction * std::max(w_, h_);
}

std::optional<Gesture> GestureRecognizer::poll(double now) {
    if (now < hold_deadline()) return std::nullopt;
    hold_fired_ = true;
    return Gesture{Gesture::Type::LongPress, start_x_, start_y_};
}

double GestureRecognizer::hold_deadline() const {
    if (!tracking_ || cancelled_ || moved_ || hold_fired_)
        return std::numeric_limits<double>::infinity();
    return start_t_ + s_.hold_s;
}

// A finger we never saw lifted must not block touch for good: a repeated down for the same finger
// means its up was lost, and a finger silent for longer than any gesture takes is forgotten.
void GestureRecognizer::press(const InputEvent& e) {
    if (down_.count(e.pointer)) reset();
    const double stale_after = s_.hold_s + 10;
    for (auto it = down_.begin(); it != down_.end();)
        it = e.t - it->second > stale_after ? down_.erase(it) : std::next(it);
    if (down_.empty()) tracking_ = false;
    down_[e.pointer] = e.t;
    if (down_.size() == 1 && !tracking_) {
        tracking_ = true;
        cancelled_ = false;
        pointer_ = e.pointer;
        start_x_ = last_x_ = e.x;
        start_y_ = e.y;
        start_t_ = e.t;
        moved_ = hold_fired_ = false;
    } else {
        cancelled_ = true; // more than one finger: not a gesture we act on
    }
}

void GestureRecognizer::reset() {
    down_.clear();
    tracking_ = false;
    cancelled_ = false;
}

std::optional<Gesture> GestureRecognizer::finish(const InputEvent& e) {
    if (cancelled_ || hold_fired_) return std::nullopt;
    const float dx = e.x - start_x_;
    const float dy = e.y - start_y_;
    const double dt = e.t - start_t_;
    if (std::hypot(dx, dy) <= slop() && dt <= s_.tap_max_s)
        return Gesture{Gesture::Type::Tap, start_x_, start_y_};
    const bool horizontal = std::fabs(dx) > 1.5f * std::fabs(dy);
    const bool flick = std::fabs(dx) >= s_.swipe_min_fraction * w_ && dt <= s_.swipe_max_s;
    const bool far = std::fabs(dx) >= s_.swipe_commit_fraction * w_;
    if (horizontal && (flick || far))
        return Gesture{dx < 0 ? Gesture::Type::SwipeLeft : Gesture::Type::SwipeRight, start_x_,
                       start_y_};
    return std::nullopt;
}

} // namespace kiosk
