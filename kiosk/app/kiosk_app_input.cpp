// KioskApp, handle: input turns into intents (app/visitor_input.h), carried out on the browser.
#include "app/kiosk_app.h"

#include "nav/keys.h"

namespace kiosk {

void KioskApp::handle(const InputEvent& e, double now) {
    using T = InputEvent::Type;
    if (e.type == T::Quit) {
        quit_ = true;
        return;
    }
    if (e.type == T::CancelAll)
        input_.reset(); // not a visitor's doing: no activity
    else if (!lights_.open() && (e.type == T::PointerDown || e.type == T::KeyPress))
        on_woken(e, now);
    else if (e.type == T::KeyPress)
        on_key(e.key, now);
    else
        on_pointer(e, now);
    dirty_ = true;
    trace_state(now);
}

// Outside opening hours a touch lights the screen for a while; when dark, it only wakes.
void KioskApp::on_woken(const InputEvent& e, double now) {
    const bool was_dark = lights_.touched(now, settings_.wake_on_touch_s);
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
        return scroll_key(input_.scroller(), key, reading().viewport.h * 0.8, now);
    }
    // A visitor's keyboard cannot close a fullscreen kiosk; in a window, Escape is expected.
    if (browse_key(browser_, key, now) && running_.escape_quits) quit_ = true;
}

void KioskApp::on_pointer(const InputEvent& e, double now) {
    const bool loop = browser_.mode() == Mode::Attract && browser_.view() == View::Slides;
    const bool reading_open = browser_.view() == View::Reading;
    if (reading_open) reading(); // the text's extent, for the finger that drags it
    const auto gesture = input_.feed(e, loop, moment_.showing(now), reading_open, now);
    browser_.activity(now);
    if (gesture) on_gesture(*gesture, now);
}

void KioskApp::on_gesture(const Gesture& g, double now) {
    TouchContext context{browser_.view(), status_.is_open(), {}, cache_.target_px() / 5};
    context.buttons = input_.woke() == Woke::Menu ? cache_.attract_menu(deck_).buttons : buttons();
    carry_out(input_.intent(g, context), now);
}

void KioskApp::carry_out(const Intent& intent, double now) {
    if (intent.status == Intent::Status::Close) return status_.close();
    if (intent.status == Intent::Status::Open) return status_.open(now, settings_.status_visible_s);
    const int slide = browser_.slides().current();
    switch (intent.action) {
    case Action::Previous:
        return browser_.previous(now);
    case Action::Next:
        return browser_.next(now);
    case Action::Overview:
        return browser_.open_overview(now);
    case Action::ReadMore:
        return open_reading(deck_.slides[slide].finding_index, now);
    case Action::Close:
        return browser_.close(now);
    case Action::OpenFinding:
        return browser_.choose_finding(intent.index, now);
    case Action::ReadFinding:
        return open_reading(intent.index, now);
    case Action::None:
        return;
    }
}

void KioskApp::open_reading(int finding, double now) {
    browser_.open_reading(finding, now);
    if (browser_.view() != View::Reading) return;
    cache_.forget_reading(); // fresh layout, scrolled to the top
    input_.scroller() = KineticScroller();
    reading();
}

} // namespace kiosk
