// KioskApp, update: time advances the loop, the scroller's momentum, the deck waiting to be
// shown and the timeouts of what shows over the slides; the frame key says whether to redraw.
#include "app/kiosk_app.h"

#include "app/schedule.h"
#include "layout/footer.h"
#include "nav/countdown.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void KioskApp::update(double now) {
    const bool was_browsing = browser_.mode() == Mode::Browsing;
    browser_.update(now);
    if (was_browsing && browser_.mode() == Mode::Attract) back_to_loop();
    moment_.update(browser_.slides().loops_completed(), browser_.mode() == Mode::Attract, now,
                   slide_duration_s(deck_, deck_.slides.front()));
    if (auto g = gestures_.poll(now)) {
        on_gesture(*g, now);
        dirty_ = true;
    }
    if (browser_.view() == View::Reading) {
        const double before = scroller_.offset();
        scroller_.update(now);
        if (scroller_.offset() != before) dirty_ = true;
    }
    prepare_pending(now);
    if (!hours_.open) set_open(false, now); // the touch-wake period may have run out
    expire(now);
    if (settings_.exit_after_loops > 0 &&
        browser_.slides().loops_completed() >= settings_.exit_after_loops)
        quit_ = true;
    // After an animated frame one more is drawn, so the final position is always on screen even
    // when the last frame of an animation fell just before its end.
    const bool moving =
        browser_.slides().transition(now) || browser_.view_change(now) || moment_.fading(now);
    if (drawn_moving_ || moving || key(now) != drawn_) dirty_ = true;
    trace_state(now);
}

// Back to the loop: whatever touch state was left behind is forgotten.
void KioskApp::back_to_loop() {
    gestures_.reset();
    scroller_.cancel();
    status_.close();
}

// What shows for a while ends: a notice, the status overlay, the old deck's fading slide.
void KioskApp::expire(double now) {
    overlays_.expire(now);
    status_.expire(now);
    if (switch_.outgoing && now - switch_.switched_at >= deck_.timing.transition_ms / 1000.0)
        switch_.outgoing.reset();
}

FrameKey KioskApp::key(double now) const {
    FrameKey k;
    k.dark = hours_.dark;
    if (k.dark) return k; // a dark screen is black, whatever the loop does
    const auto& nav = browser_.slides();
    k.slide = nav.current();
    k.mode = nav.mode();
    k.view = browser_.view();
    k.step = progress_step(nav.elapsed_fraction(now), cache_.screen(), current_duration());
    k.countdown = countdown_seconds(browser_, now);
    if (settings_.burn_in_shift) {
        const PixelShift shift = burn_in_shift(now - started_at_);
        k.shift_x = shift.dx;
        k.shift_y = shift.dy;
    }
    k.notice = overlays_.notice_shown();
    k.status = status_.is_open();
    k.outgoing = switch_.outgoing.has_value();
    k.menu = moment_.showing(now);
    return k;
}

double KioskApp::seconds_until_wake(double now) const {
    if (dirty_ || scroller_.moving() || switch_.outgoing || moment_.fading(now)) return 0;
    const auto& pending = switch_.pending;
    // Keep laying out the waiting deck, a little at a time; a hall waits for its loop's start,
    // which is a slide change (woken for anyway).
    const bool waits = browser_.mode() == Mode::Attract && !settings_.hall_sync;
    if (pending && (!pending->scenes.all_laid_out() || waits)) return 0.02;
    double wake = std::min({browser_.seconds_until_change(now),
                            seconds_until_countdown_tick(browser_, now),
                            moment_.seconds_until_change(now)});
    auto until = [now](double t) { return std::max(0.0, t - now); };
    // A notice is one more deadline among the others, not a reason to skip them.
    if (overlays_.notice_shown()) wake = std::min(wake, until(overlays_.notice_until()));
    wake = std::min(wake, until(gestures_.hold_deadline()));
    if (status_.is_open()) wake = std::min(wake, until(status_.closes_at()));
    if (!hours_.open && !hours_.dark) wake = std::min(wake, until(hours_.woken_until));
    if (hours_.dark) return std::min(wake, 600.0); // nothing moves in the dark; the loop ticks
    if (settings_.burn_in_shift) {
        const double period = 600, since = now - started_at_;
        wake = std::min(wake, period - std::fmod(since, period));
    }
    if (browser_.mode() == Mode::Attract) {
        // The next time the time-left bar loses a step.
        const double duration = current_duration();
        const int steps = progress_steps(cache_.screen(), duration);
        const double next_fraction = static_cast<double>(drawn_.step + 1) / steps;
        const double elapsed = browser_.slides().elapsed_fraction(now);
        wake = std::min(wake, std::max(0.0, (next_fraction - elapsed) * duration));
    }
    return wake;
}

} // namespace kiosk
