#include "nav/scroller.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

bool finite(double v) {
    return std::isfinite(v);
}

// Samples spanning less than this give no velocity: over 5 ms a single pixel of jitter already
// reads as 200 px/s.
constexpr double min_sample_span_s = 0.005;

} // namespace

// Least-squares slope of y over t: a line through all recent samples is much steadier than the
// last two events, whose time stamps jitter by up to a frame.
double KineticScroller::finger_velocity(const Sample* s, int n) {
    if (n < 2) return 0;
    double mean_t = 0, mean_y = 0, first = s[0].t, last = s[0].t;
    for (int i = 0; i < n; ++i) {
        mean_t += s[i].t / n;
        mean_y += s[i].y / n;
        first = std::min(first, s[i].t);
        last = std::max(last, s[i].t);
    }
    if (last - first < min_sample_span_s) return 0;
    double stt = 0, sty = 0;
    for (int i = 0; i < n; ++i) {
        stt += (s[i].t - mean_t) * (s[i].t - mean_t);
        sty += (s[i].t - mean_t) * (s[i].y - mean_y);
    }
    return sty / stt;
}

void KineticScroller::set_extent(double content_h, double viewport_h) {
    if (!finite(content_h) || !finite(viewport_h)) return;
    content_h_ = std::max(0.0, content_h);
    viewport_h_ = std::max(0.0, viewport_h);
    max_offset_ = std::max(0.0, content_h_ - viewport_h_);
    if (!set_offset(offset_)) stop();
}

void KineticScroller::press(double y, double t) {
    if (!finite(y) || !finite(t)) return;
    update(t); // catch the content where it is now, not where the last frame drew it
    stop();
    dragging_ = true;
    last_y_ = y;
    clear_samples();
    add_sample(y, now_);
}

void KineticScroller::drag(double y, double t) {
    if (!dragging_ || !finite(y) || !finite(t)) return;
    advance_clock(t);
    // Deltas, not the distance from the press, so a finger that pushed past an end moves the
    // content back as soon as it turns around.
    set_offset(offset_ + (last_y_ - y));
    last_y_ = y;
    add_sample(y, now_);
}

void KineticScroller::release(double t) {
    if (!dragging_) return;
    dragging_ = false;
    if (!finite(t)) return; // the finger is up all the same; only its momentum is unknown
    advance_clock(t);
    const double v = release_velocity(now_);
    if (!finite(v)) return; // astronomically large coordinates overflow the fit
    const bool into_end = (v > 0 && offset_ >= max_offset_) || (v < 0 && offset_ <= 0);
    if (std::fabs(v) < min_fling_speed || into_end) return;
    moving_ = true;
    fling_t0_ = now_;
    fling_p0_ = offset_;
    fling_v0_ = v;
}

void KineticScroller::cancel() {
    dragging_ = false;
    clear_samples();
    stop();
}

void KineticScroller::scroll_by(double dy, double t) {
    if (!finite(dy) || !finite(t)) return;
    update(t);
    stop();
    set_offset(offset_ + dy);
}

void KineticScroller::update(double t) {
    if (!finite(t)) return;
    advance_clock(t);
    if (!moving_) return;
    const double elapsed = now_ - fling_t0_;
    const double speed0 = std::fabs(fling_v0_);
    // The motion ends exactly where the speed falls to stop_speed, so every frame rate reaches
    // the same resting place.
    const double stop_after = decay_tau_s * std::log(speed0 / stop_speed);
    const bool done = elapsed >= stop_after;
    const double decay = done ? stop_speed / speed0 : std::exp(-elapsed / decay_tau_s);
    const bool inside = set_offset(fling_p0_ + fling_v0_ * decay_tau_s * (1 - decay));
    if (done || !inside) stop();
}

double KineticScroller::thumb_size() const {
    if (content_h_ <= viewport_h_ || content_h_ <= 0) return 1;
    return viewport_h_ / content_h_;
}

double KineticScroller::thumb_start() const {
    if (max_offset_ <= 0) return 0;
    return (1 - thumb_size()) * (offset_ / max_offset_);
}

void KineticScroller::add_sample(double y, double t) {
    const int last = (sample_head_ + sample_capacity - 1) % sample_capacity;
    // Events batched into one frame share a time stamp: the latest position stands for them all.
    if (sample_count_ > 0 && t <= samples_[last].t) {
        samples_[last].y = y;
        return;
    }
    samples_[sample_head_] = {y, t};
    sample_head_ = (sample_head_ + 1) % sample_capacity;
    sample_count_ = std::min(sample_count_ + 1, sample_capacity);
}

double KineticScroller::release_velocity(double t) const {
    std::array<Sample, sample_capacity> recent;
    int n = 0;
    for (int i = 0; i < sample_count_; ++i) {
        // Times relative to the release keep their precision whatever the clock's origin.
        const double age = samples_[i].t - t;
        if (age >= -velocity_window_s) recent[n++] = {samples_[i].y, age};
    }
    // Finger up (y falling) scrolls the content up: the offset grows.
    return std::clamp(-finger_velocity(recent.data(), n), -max_fling_speed, max_fling_speed);
}

void KineticScroller::advance_clock(double t) {
    now_ = clock_started_ ? std::max(now_, t) : t;
    clock_started_ = true;
}

bool KineticScroller::set_offset(double offset) {
    offset_ = std::clamp(offset, 0.0, max_offset_);
    return offset_ == offset;
}

} // namespace kiosk
