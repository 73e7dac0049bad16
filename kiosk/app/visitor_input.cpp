#include "app/visitor_input.h"

#include "layout/metrics.h"

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

VisitorInput::VisitorInput(GestureSettings gestures, Size screen, Corner status_corner)
    : gestures_(gestures, static_cast<float>(screen.w), static_cast<float>(screen.h)),
      screen_(screen), status_corner_(status_corner) {}

void VisitorInput::resize(Size screen) {
    screen_ = screen;
    gestures_.resize(static_cast<float>(screen.w), static_cast<float>(screen.h));
}

void VisitorInput::reset() {
    gestures_.reset();
    scroller_.cancel();
}

std::optional<Gesture> VisitorInput::feed(const InputEvent& e, bool loop, bool menu, bool reading,
                                          double now) {
    // Decided at the touch's start, before the app's activity() ends the attract loop.
    if (e.type == InputEvent::Type::PointerDown && !gestures_.active())
        woke_ = !loop ? Woke::No : menu ? Woke::Menu : Woke::Loop;
    const auto gesture = gestures_.feed(e);
    if (reading) drag_text(e, now);
    return gesture;
}

// In the reading view the followed finger drags the text, and a second finger stops it where
// it is.
void VisitorInput::drag_text(const InputEvent& e, double now) {
    using T = InputEvent::Type;
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

Intent VisitorInput::intent(const Gesture& g, const TouchContext& c) const {
    using Type = Gesture::Type;
    if (c.status_open && g.type == Type::Tap)
        return {.status = Intent::Status::Close}; // any tap closes the operator's overlay
    const bool slides = c.view == View::Slides;
    switch (g.type) {
    case Type::Tap:
        return tap(g.x, g.y, c);
    case Type::SwipeLeft:
        return {.action = slides ? Action::Next : Action::None};
    case Type::SwipeRight:
        return {.action = slides ? Action::Previous : Action::None};
    case Type::LongPress:
        if (in_corner(status_corner_, screen_, g.x, g.y)) return {.status = Intent::Status::Open};
        return {};
    }
    return {};
}

Intent VisitorInput::tap(float x, float y, const TouchContext& c) const {
    const Button* b = hit_test(c.buttons, x, y, c.slop);
    if (woke_ == Woke::Menu) // only a tile acts: the menu's tap opens that finding
        return b ? Intent{Action::OpenFinding, b->index} : Intent{};
    if (woke_ == Woke::Loop) return {}; // the first tap only wakes: controls appear, nothing moves
    if (b) return {b->action, b->index};
    if (c.view != View::Slides) return {};
    // Only the outer strips turn pages: a finger resting on the text, or a tap to see the
    // controls again, must not move the slide away from the visitor.
    const float w = static_cast<float>(screen_.w), edge = w * edge_tap_fraction;
    if (x < edge) return {.action = Action::Previous};
    if (x > w - edge) return {.action = Action::Next};
    return {}; // in between, the touch only counted as activity
}

} // namespace kiosk
