// KioskApp, update: time advances the loop, the scroller's momentum, the deck waiting to be
// shown and the timeouts of what shows over the slides; the frame key says whether to redraw.
#include "app/kiosk_app.h"

#include "app/frame_composer.h"
#include "app/schedule.h"
#include "layout/footer.h"
#include "nav/countdown.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void KioskApp::update(double now) {
    const bool was_browsing = browser_.mode() == Mode::Browsing;
    browser_.update(now);
    if (was_browsing && browser_.mode() == Mode::Attract) {
        input_.reset(); // back to the loop: whatever touch state was left behind is forgotten
        status_.close();
    }
    moment_.update(browser_.slides().loops_completed(), browser_.mode() == Mode::Attract, now,
                   slide_duration_s(deck_, deck_.slides.front()));
    if (auto g = input_.poll(now)) {
        on_gesture(*g, now);
        dirty_ = true;
    }
    if (browser_.view() == View::Reading) {
        auto& scroller = input_.scroller();
        const double before = scroller.offset();
        scroller.update(now);
        if (scroller.offset() != before) dirty_ = true;
    }
    prepare_pending(now);
    if (!lights_.open()) set_open(false, now); // the touch-wake period may have run out
    expire(now);
    if (running_.exit_after_loops > 0 &&
        browser_.slides().loops_completed() >= running_.exit_after_loops)
        quit_ = true;
    // After an animated frame one more is drawn, so the final position is always on screen even
    // when the last frame of an animation fell just before its end.
    const bool moving =
        browser_.slides().transition(now) || browser_.view_change(now) || moment_.fading(now);
    if (drawn_moving_ || moving || key(now) != drawn_) dirty_ = true;
    trace_state(now);
}

// What shows for a while ends: a notice, the status overlay, the old deck's fading slide.
void KioskApp::expire(double now) {
    overlays_.expire(now);
    status_.expire(now);
    switch_.expire(now, deck_.timing.transition_ms / 1000.0);
}

FrameKey KioskApp::key(double now) {
    const PixelShift shift =
        settings_.burn_in_shift ? burn_in_shift(now - started_at_) : PixelShift{};
    return frame_key(sources(), lights_.dark(), shift, now);
}

double KioskApp::seconds_until_wake(double now) {
    if (dirty_ || input_.scroller().moving() || switch_.fading() || moment_.fading(now)) return 0;
    // Keep laying out the waiting deck, a little at a time; a hall waits for its loop's start,
    // which is a slide change (woken for anyway).
    const bool waits = browser_.mode() == Mode::Attract && !settings_.hall_sync;
    if (switch_.pending() && (!switch_.prepared() || waits)) return 0.02;
    const double hold = std::max(0.0, input_.gestures().hold_deadline() - now);
    double wake = std::min({hold, lights_.seconds_until_dark(now),
                            seconds_until_frame_change(sources(), drawn_, now)});
    if (lights_.dark()) return std::min(wake, 600.0); // nothing moves in the dark; the loop ticks
    if (settings_.burn_in_shift) {
        const double period = 600, since = now - started_at_;
        wake = std::min(wake, period - std::fmod(since, period));
    }
    return wake;
}

} // namespace kiosk
