#pragma once
// The attract moment: between rounds of the loop the findings show as a menu for a few seconds,
// with the invitation to touch. A passer-by sees at a glance what the kiosk holds, and a tap on a
// tile opens that finding at once. Plain timing, tested with a fake clock.
#include <limits>

namespace kiosk {

class AttractMoment {
  public:
    static constexpr double length_s = 6;
    static constexpr double fade_s = 0.4;

    // Once per update: a new round of the loop starts a moment, for length_s or first_slide_s,
    // whichever is shorter (a short loop is not covered by its menu); a visitor browsing ends it.
    void update(int loops_completed, bool attract, double now,
                double first_slide_s = length_s);
    // 0 when hidden, 1 when fully shown, in between while it fades in or out.
    double opacity(double now) const;
    bool showing(double now) const { return opacity(now) > 0; }
    // As of the last update: for questions asked without a time (which buttons are there).
    bool showing() const { return showing(updated_at_); }
    bool fading(double now) const;
    // Seconds until the moment starts fading out or ends (infinity when none is showing).
    double seconds_until_change(double now) const;

  private:
    int loops_ = 0;
    double start_ = -1e9, until_ = -1e9;
    double updated_at_ = 0;
};

} // namespace kiosk
