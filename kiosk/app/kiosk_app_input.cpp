// KioskApp, handle: input turns into browser actions.
#include "app/kiosk_app.h"

#include "layout/metrics.h"
#include "nav/keys.h"

namespace kiosk {
namespace {

// The operator's long press counts only in the corner the settings name.
bool in_corner(Corner corner, Size screen, float x, float y) {
    const float size = ScreenMetrics(screen).unit * 0.15f;
    const bool left = x <= size, right = x >= screen.w - size;
    const bool top = y <= size, bottom = y >= screen.h - size;
    switch (corner) {
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

} // namespace

void KioskApp::handle(const InputEvent& e, double now) {
    using T = InputEvent::Type;
    if (e.type == T::Quit) {
        quit_ = true;
        return;
    }
    if (e.type == T::CancelAll) {
        gestures_.reset(); // not a visitor's doing: no activity
        scroller_.cancel();
    } else if (!hours_.open && (e.type == T::PointerDown || e.type == T::KeyPress)) {
        on_woken(e, now);
    } else if (e.type == T::KeyPress) {
        on_key(e.key, now);
    } else {
        on_pointer(e, now);
    }
    dirty_ = true;
    trace_state(now);
}

// Outside opening hours a touch lights the screen for a while; when dark, it only wakes.
void KioskApp::on_woken(const InputEvent& e, double now) {
    const bool was_dark = hours_.dark;
    hours_.woken_until = now + settings_.wake_on_touch_s;
    set_open(false, now);
    if (was_dark) return;
    if (e.type == InputEvent::Type::KeyPress)
        on_key(e.key, now);
    else
        on_pointer(e, now);
}

void KioskApp::on_key(Key key, double now) {
    if (key == Key::Escape && browser_.view() != View::Slides) return browser_.close(now);
    if (browser_.view() == View::Reading) {
        browser_.activity(now);
        return scroll_key(scroller_, key, reading().viewport.h * 0.8, now);
    }
    // A visitor's keyboard cannot close a fullscreen kiosk; in a window, Escape is expected.
    if (browse_key(browser_, key, now) && settings_.windowed) quit_ = true;
}

// Pointer events feed the gesture recogniser; in the reading view the followed finger also
// drags the text, and a second finger stops it where it is.
void KioskApp::on_pointer(const InputEvent& e, double now) {
    using T = InputEvent::Type;
    // Remember whether this touch woke the kiosk before activity() ends the attract loop.
    if (e.type == T::PointerDown && !gestures_.active()) {
        const bool loop = browser_.mode() == Mode::Attract && browser_.view() == View::Slides;
        woke_ = !loop ? Woke::No : moment_.showing(now) ? Woke::Menu : Woke::Loop;
    }
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
    if (status_.is_open() && g.type == Gesture::Type::Tap) {
        status_.close(); // any tap closes the operator's overlay
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
        if (in_corner(settings_.status_corner, cache_.screen(), g.x, g.y))
            status_.open(now, settings_.status_visible_s);
        return;
    }
}

void KioskApp::on_tap(float x, float y, double now) {
    const int slop = cache_.target_px() / 5;
    if (woke_ == Woke::Menu) {
        if (const Button* b = hit_test(cache_.attract_menu(deck_).buttons, x, y, slop))
            browser_.choose_finding(b->index, now);
        return;
    }
    if (woke_ == Woke::Loop) return; // the first tap only wakes: controls appear, nothing moves
    if (const Button* b = hit_test(buttons(), x, y, slop)) return perform(*b, now);
    if (browser_.view() != View::Slides) return;
    // Only the outer strips turn pages: a finger resting on the text, or a tap to see the
    // controls again, must not move the slide away from the visitor.
    const float w = static_cast<float>(cache_.screen().w), edge = w * edge_tap_fraction;
    if (x < edge)
        browser_.previous(now);
    else if (x > w - edge)
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
    cache_.forget_reading(); // fresh layout, scrolled to the top
    scroller_ = KineticScroller();
    reading();
}

} // namespace kiosk
