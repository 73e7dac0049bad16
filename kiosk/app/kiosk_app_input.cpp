// KioskApp, handle and update: input turns into browser actions; time advances the loop, the
// scroller's momentum and the status overlay's timeout.
#include "app/kiosk_app.h"

#include "layout/metrics.h"
#include "view/frame.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk {

void KioskApp::handle(const InputEvent& e, double now) {
    using T = InputEvent::Type;
    if (e.type == T::Quit) {
        quit_ = true;
        return;
    }
    if (e.type == T::CancelAll) {
        gestures_.reset(); // not a visitor's doing: no activity
        scroller_.cancel();
    } else if (!open_ && (e.type == T::PointerDown || e.type == T::KeyPress)) {
        // Outside opening hours a touch lights the screen for a while; when dark, it only wakes.
        const bool was_dark = dark_;
        woken_until_ = now + settings_.wake_on_touch_s;
        set_open(false, now);
        if (was_dark) return;
        if (e.type == T::KeyPress)
            on_key(e.key, now);
        else
            on_pointer(e, now);
    } else if (e.type == T::KeyPress) {
        on_key(e.key, now);
    } else {
        on_pointer(e, now);
    }
    dirty_ = true;
    trace_state(now);
}

void KioskApp::on_key(Key key, double now) {
    if (key == Key::Escape && browser_.view() != View::Slides) return browser_.close(now);
    if (browser_.view() == View::Reading) return on_reading_key(key, now);
    switch (key) {
    case Key::Next:
        browser_.next(now);
        break;
    case Key::Previous:
        browser_.previous(now);
        break;
    case Key::First:
        browser_.go_to_slide(0, now);
        break;
    case Key::Last:
        browser_.go_to_slide(browser_.slides().count() - 1, now);
        break;
    // A visitor's keyboard cannot close a fullscreen kiosk; in a window, Escape is expected.
    case Key::Escape:
        quit_ = quit_ || settings_.windowed;
        break;
    case Key::Other:
        browser_.activity(now);
        break;
    }
}

void KioskApp::on_reading_key(Key key, double now) {
    browser_.activity(now);
    const double page = reading().viewport.h * 0.8;
    switch (key) {
    case Key::Next:
        scroller_.scroll_by(page, now);
        break;
    case Key::Previous:
        scroller_.scroll_by(-page, now);
        break;
    case Key::First:
        scroller_.scroll_by(-scroller_.max_offset(), now);
        break;
    case Key::Last:
        scroller_.scroll_by(scroller_.max_offset(), now);
        break;
    default:
        break;
    }
}

// Pointer events feed the gesture recogniser; in the reading view the followed finger also
// drags the text, and a second finger stops it where it is.
void KioskApp::on_pointer(const InputEvent& e, double now) {
    using T = InputEvent::Type;
    // Remember whether this touch woke the kiosk before activity() ends the attract loop.
    if (e.type == T::PointerDown && !gestures_.active())
        touch_woke_ = browser_.mode() == Mode::Attract && browser_.view() == View::Slides;
    browser_.activity(now);
    const auto gesture = gestures_.feed(e);
    if (browser_.view() == View::Reading) {
        reading(); // lays out and sets the scroller's extent
        if (gestures_.tracking(e.pointer)) {
            if (e.type == T::PointerDown)
                scroller_.press(e.y, now);
            else if (e.type == T::PointerMove)
                scroller_.drag(e.y, now);
        } else if (scroller_.dragging()) {
            if (e.type == T::PointerUp && !gestures_.active())
                scroller_.release(now);
            else
                scroller_.cancel();
        }
    }
    if (gesture) on_gesture(*gesture, now);
}

void KioskApp::on_gesture(const Gesture& g, double now) {
    if (status_open_ && g.type == Gesture::Type::Tap) {
        status_open_ = false; // any tap closes the operator's overlay
        return;
    }
    switch (g.type) {
    case Gesture::Type::Tap:
        return on_tap(g.x, g.y, now);
    case Gesture::Type::SwipeLeft:
        if (browser_.view() == View::Slides) browser_.next(now);
        return;
    case Gesture::Type::SwipeRight:
        if (browser_.view() == View::Slides) browser_.previous(now);
        return;
    case Gesture::Type::LongPress:
        if (!in_status_corner(g.x, g.y)) return;
        status_open_ = true;
        status_until_ = now + settings_.status_visible_s;
        return;
    }
}

void KioskApp::on_tap(float x, float y, double now) {
    if (touch_woke_) return; // the first tap only wakes the kiosk: controls appear, nothing moves
    const int slop = target_px_ / 5;
    if (const Button* b = hit_test(buttons(), x, y, slop)) return perform(*b, now);
    if (browser_.view() != View::Slides) return;
    // Only the outer strips turn pages: a finger resting on the text, or a tap to see the
    // controls again, must not move the slide away from the visitor.
    const float edge = screen_.w * edge_tap_fraction;
    if (x < edge)
        browser_.previous(now);
    else if (x > screen_.w - edge)
        browser_.next(now); // in between, the touch only counted as activity (on_pointer)
}

void KioskApp::perform(const Button& b, double now) {
    const int slide = browser_.slides().current();
    switch (b.action) {
    case Action::Previous:
        browser_.previous(now);
        break;
    case Action::Next:
        browser_.next(now);
        break;
    case Action::Overview:
        browser_.open_overview(now);
        break;
    case Action::ReadMore:
        open_reading(deck_.slides[slide].finding_index, now);
        break;
    case Action::Close:
        browser_.close(now);
        break;
    case Action::OpenFinding:
        browser_.choose_finding(b.index, now);
        break;
    case Action::ReadFinding:
        open_reading(b.index, now);
        break;
    case Action::None:
        break;
    }
}

void KioskApp::open_reading(int finding, double now) {
    browser_.open_reading(finding, now);
    if (browser_.view() != View::Reading) return;
    reading_.reset(); // fresh layout, scrolled to the top
    scroller_ = KineticScroller();
    reading();
}

bool KioskApp::in_status_corner(float x, float y) const {
    const float size = ScreenMetrics(screen_).unit * 0.15f;
    const bool left = x <= size, right = x >= screen_.w - size;
    const bool top = y <= size, bottom = y >= screen_.h - size;
    switch (settings_.status_corner) {
    case Corner::TopLeft:
        return left && top;
    case Corner::TopRight:
        return right && top;
    case Corner::BottomLeft:
        return left && bottom;
    case Corner::BottomRight:
        return right && bottom;
    }
    return false;
}

void KioskApp::update(double now) {
    const bool was_browsing = browser_.mode() == Mode::Browsing;
    browser_.update(now);
    if (was_browsing && browser_.mode() == Mode::Attract) {
        // Back to the loop: whatever touch state was left behind is forgotten.
        gestures_.reset();
        scroller_.cancel();
        status_open_ = false;
    }
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
    if (!open_) set_open(false, now); // the touch-wake period may have run out
    if (settings_.burn_in_shift) {
        const PixelShift shift = burn_in_shift(now - started_at_);
        if (shift.dx != drawn_shift_.dx || shift.dy != drawn_shift_.dy) dirty_ = true;
    }
    if (!notice_.empty() && now >= notice_until_) {
        notice_.clear();
        dirty_ = true;
    }
    if (outgoing_ && now - switched_at_ >= deck_.timing.transition_ms / 1000.0) {
        outgoing_.reset();
        dirty_ = true;
    }
    if (status_open_ && now >= status_until_) {
        status_open_ = false;
        dirty_ = true;
    }
    if (settings_.exit_after_loops > 0 &&
        browser_.slides().loops_completed() >= settings_.exit_after_loops)
        quit_ = true;
    const auto& nav = browser_.slides();
    const int step = progress_step(nav.elapsed_fraction(now), screen_, current_duration());
    // After an animated frame one more is drawn, so the final position is always on screen even
    // when the last frame of an animation fell just before its end.
    if (drawn_animating_ || nav.transition(now) || browser_.view_change(now) ||
        nav.current() != drawn_slide_ || step != drawn_step_ || nav.mode() != drawn_mode_ ||
        browser_.view() != drawn_view_ || countdown(now) != drawn_countdown_)
        dirty_ = true;
    trace_state(now);
    observe_stats(now);
}

double KioskApp::seconds_until_wake(double now) const {
    if (dirty_ || scroller_.moving() || outgoing_) return 0;
    if (pending_ &&
        (pending_->laid_out < pending_->scenes.size() || browser_.mode() == Mode::Attract))
        return 0.02; // keep laying out the waiting deck, a little at a time
    double wake = browser_.seconds_until_change(now);
    wake = std::min(wake, seconds_until_countdown_tick(now));
    // A notice is one more deadline among the others, not a reason to skip them.
    if (!notice_.empty()) wake = std::min(wake, std::max(0.0, notice_until_ - now));
    wake = std::min(wake, std::max(0.0, gestures_.hold_deadline() - now));
    if (status_open_) wake = std::min(wake, std::max(0.0, status_until_ - now));
    if (!open_ && !dark_) wake = std::min(wake, std::max(0.0, woken_until_ - now));
    if (dark_) return std::min(wake, 600.0); // nothing moves in the dark; the loop still ticks
    if (settings_.burn_in_shift) {
        const double period = 600, since = now - started_at_;
        wake = std::min(wake, period - std::fmod(since, period));
    }
    if (browser_.mode() == Mode::Attract) {
        // The next time the time-left bar loses a step.
        const double duration = current_duration();
        const int steps = progress_steps(screen_, duration);
        const double next_fraction = static_cast<double>(drawn_step_ + 1) / steps;
        const double elapsed = browser_.slides().elapsed_fraction(now);
        wake = std::min(wake, std::max(0.0, (next_fraction - elapsed) * duration));
    }
    return wake;
}

} // namespace kiosk
