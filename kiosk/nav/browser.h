#pragma once
// The browsing state machine: which view a visitor sees (the slides, the overview of findings, or
// a finding's full text) on top of the slide navigator, and the idle return to the attract loop
// from any of them. Plain C++ with time passed in, so it is tested with a fake clock.
#include "nav/navigator.h"

#include <optional>
#include <vector>

namespace kiosk {

enum class View { Slides, Overview, Reading };

// A view fading in or out over the slides.
struct ViewChange {
    View from = View::Slides, to = View::Slides;
    double progress = 0; // 0..1
};

class Browser {
  public:
    // finding_slides[i]: index of the slide that opens finding i (its headline), or -1.
    Browser(std::vector<double> durations_s, std::vector<int> finding_slides, NavSettings settings,
            double now);

    void next(double now);
    void previous(double now);
    void go_to_slide(int index, double now);
    // The attract loop from slide `index` on, as if it had just got there (Navigator::start_at).
    void start_loop_at(int index, double now) { nav_.start_at(index, now); }
    void open_overview(double now);
    // From the overview: show the finding's headline slide.
    void choose_finding(int finding, double now);
    void open_reading(int finding, double now);
    // Back from the overview or the reading view to the slides.
    void close(double now);
    void activity(double now);
    // Hall sync (Navigator::follow_hall): the hall's clock, before each update.
    void follow_hall(double wall_s) { nav_.follow_hall(wall_s); }
    void update(double now);

    View view() const { return view_; }
    int reading_finding() const { return reading_finding_; }
    std::optional<ViewChange> view_change(double now) const;
    const Navigator& slides() const { return nav_; }
    Mode mode() const { return nav_.mode(); }
    double seconds_until_change(double now) const;
    double idle_left(double now) const { return nav_.idle_left(now); }
    double idle_return() const { return nav_.idle_return(); }
    // The reading time of each finding's full text: a visitor in front of a long text is given
    // that long before the kiosk returns to its loop (at most max_reading_idle_s).
    void set_reading_times(std::vector<double> seconds) { reading_s_ = std::move(seconds); }

    static constexpr double view_fade_s = 0.25;
    static constexpr double max_reading_idle_s = 300;

  private:
    void switch_view(View to, double now);
    double idle_for(View view) const;
    bool valid_finding(int finding) const;

    Navigator nav_;
    std::vector<int> finding_slides_;
    View view_ = View::Slides;
    View previous_view_ = View::Slides;
    double view_changed_at_ = -1e9;
    int reading_finding_ = -1;
    double base_idle_s_;
    std::vector<double> reading_s_;
};

} // namespace kiosk
