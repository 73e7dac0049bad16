#include "nav/navigator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace kiosk {

Navigator::Navigator(std::vector<double> durations_s, NavSettings settings, double now)
    : settings_(settings) {
    reset(std::move(durations_s), now);
}

void Navigator::reset(std::vector<double> durations_s, double now) {
    durations_ = std::move(durations_s);
    if (durations_.empty()) durations_.push_back(10); // a deck always has a slide; be safe anyway
    mode_ = Mode::Attract;
    current_ = previous_ = 0;
    shown_at_ = now;
    transition_start_ = -1e9;
    loops_ = 0;
}

int Navigator::wrap(int index) const {
    const int n = count();
    return ((index % n) + n) % n;
}

void Navigator::show(int index, int direction, bool fade, double now) {
    index = wrap(index);
    if (index == current_) return;
    // A move during a transition starts from what is mostly on screen, so it never jumps back.
    previous_ = current_;
    current_ = index;
    direction_ = direction;
    fade_ = fade;
    transition_start_ = now;
    shown_at_ = now;
}

void Navigator::next(double now) {
    activity(now);
    show(current_ + 1, +1, false, now);
}

void Navigator::previous(double now) {
    activity(now);
    show(current_ - 1, -1, false, now);
}

void Navigator::go_to(int index, double now) {
    activity(now);
    show(index, index >= current_ ? +1 : -1, false, now);
}

void Navigator::start_at(int index, double now) {
    current_ = previous_ = wrap(index);
    shown_at_ = now;
    transition_start_ = -1e9;
}

void Navigator::activity(double now) {
    mode_ = Mode::Browsing;
    last_activity_ = now;
}

void Navigator::update(double now) {
    if (mode_ == Mode::Browsing) {
        if (now - last_activity_ < settings_.idle_return_s) return;
        // Back to the loop from its start: the next visitor meets the title, not a random page.
        // In a hall in step, back to the hall's slide instead.
        mode_ = Mode::Attract;
        if (hall_wall_) return join_hall(now, true);
        show(0, +1, true, now);
        shown_at_ = now;
        return;
    }
    if (hall_wall_) return join_hall(now, false);
    if (now - shown_at_ < durations_[current_]) return;
    if (current_ == count() - 1) ++loops_;
    if (count() == 1)
        shown_at_ = now;
    else
        show(current_ + 1, +1, true, now);
}

double Navigator::loop_length() const {
    return std::accumulate(durations_.begin(), durations_.end(), 0.0);
}

// The slide at the hall's position, shown since the moment it was due there (so a kiosk that woke
// a few milliseconds late still draws the transition where the others are); fade_now starts a
// fresh fade from whatever shows (a visitor's slide) instead.
void Navigator::join_hall(double now, bool fade_now) {
    const double length = loop_length();
    double p = std::fmod(*hall_wall_, length);
    if (p < 0) p += length;
    int k = 0;
    double start = 0;
    for (; k + 1 < count() && start + durations_[k] <= p; ++k)
        start += durations_[k];
    const double into = p - start;
    shown_at_ = now - into;
    if (k == current_) return;
    if (k < current_ && !fade_now) ++loops_; // wrapped round to the first slide
    previous_ = fade_now ? current_ : wrap(k - 1);
    current_ = k;
    direction_ = +1;
    fade_ = true;
    transition_start_ = fade_now ? now : now - into;
}

std::optional<Transition> Navigator::transition(double now) const {
    const double t = now - transition_start_;
    if (settings_.transition_s <= 0 || t < 0 || t >= settings_.transition_s) return std::nullopt;
    return Transition{previous_, current_, direction_, fade_, t / settings_.transition_s};
}

double Navigator::elapsed_fraction(double now) const {
    if (mode_ != Mode::Attract) return 0;
    return std::clamp((now - shown_at_) / durations_[current_], 0.0, 1.0);
}

double Navigator::idle_left(double now) const {
    if (mode_ != Mode::Browsing) return std::numeric_limits<double>::infinity();
    return std::max(0.0, last_activity_ + settings_.idle_return_s - now);
}

double Navigator::seconds_until_change(double now) const {
    if (transition(now)) return 0;
    const double until = mode_ == Mode::Browsing ? last_activity_ + settings_.idle_return_s - now
                                                 : shown_at_ + durations_[current_] - now;
    return std::max(0.0, until);
}

} // namespace kiosk
