#include "nav/browser.h"

#include <algorithm>

namespace kiosk {

Browser::Browser(std::vector<double> durations_s, std::vector<int> finding_slides,
                 NavSettings settings, double now)
    : nav_(std::move(durations_s), settings, now), finding_slides_(std::move(finding_slides)),
      base_idle_s_(settings.idle_return_s) {}

bool Browser::valid_finding(int finding) const {
    return finding >= 0 && finding < static_cast<int>(finding_slides_.size());
}

double Browser::idle_for(View view) const {
    if (view != View::Reading || !valid_finding(reading_finding_) ||
        reading_finding_ >= static_cast<int>(reading_s_.size()))
        return base_idle_s_;
    return std::clamp(reading_s_[reading_finding_], base_idle_s_,
                      std::max(base_idle_s_, max_reading_idle_s));
}

void Browser::switch_view(View to, double now) {
    nav_.set_idle_return(idle_for(to));
    if (to == view_) return;
    previous_view_ = view_;
    view_ = to;
    view_changed_at_ = now;
}

void Browser::next(double now) {
    switch_view(View::Slides, now);
    nav_.next(now);
}

// Back from the first slide goes nowhere: jumping to the last (the contacts) would lose a
// visitor at the start. Forward from the last wraps, as the loop does.
void Browser::previous(double now) {
    switch_view(View::Slides, now);
    if (nav_.current() == 0) return nav_.activity(now);
    nav_.previous(now);
}

void Browser::go_to_slide(int index, double now) {
    switch_view(View::Slides, now);
    nav_.go_to(index, now);
}

void Browser::open_overview(double now) {
    nav_.activity(now);
    switch_view(View::Overview, now);
}

void Browser::choose_finding(int finding, double now) {
    nav_.activity(now);
    switch_view(View::Slides, now);
    if (valid_finding(finding) && finding_slides_[finding] >= 0)
        nav_.go_to(finding_slides_[finding], now);
}

void Browser::open_reading(int finding, double now) {
    nav_.activity(now);
    if (!valid_finding(finding)) return;
    reading_finding_ = finding;
    switch_view(View::Reading, now);
}

void Browser::close(double now) {
    nav_.activity(now);
    switch_view(View::Slides, now);
}

void Browser::activity(double now) {
    nav_.activity(now);
}

void Browser::update(double now) {
    const bool was_browsing = nav_.mode() == Mode::Browsing;
    nav_.update(now);
    // The navigator decides when the visitor has gone; whatever view is open fades away with it.
    if (was_browsing && nav_.mode() == Mode::Attract) switch_view(View::Slides, now);
}

std::optional<ViewChange> Browser::view_change(double now) const {
    const double t = (now - view_changed_at_) / view_fade_s;
    if (t < 0 || t >= 1) return std::nullopt;
    return ViewChange{previous_view_, view_, t};
}

double Browser::seconds_until_change(double now) const {
    if (view_change(now)) return 0;
    return nav_.seconds_until_change(now);
}

} // namespace kiosk
