#include "app/kiosk_app.h"

#include "layout/slide_layout.h"
#include "view/frame.h"

#include <algorithm>
#include <cmath>

namespace kiosk {
namespace {

NavSettings nav_settings(const Settings& s, const Deck& d) {
    return {s.idle_return_s.value_or(d.timing.idle_return_s), d.timing.transition_ms / 1000.0};
}

} // namespace

KioskApp::KioskApp(const Settings& settings, Deck deck, const TextMeasure& measure, Size screen,
                   double now, std::ostream* trace)
    : settings_(settings), deck_(std::move(deck)), measure_(measure), screen_(screen),
      nav_(durations(), nav_settings(settings, deck_), now),
      gestures_({}, static_cast<float>(screen.w), static_cast<float>(screen.h)),
      scenes_(deck_.slides.size()), trace_(trace) {
    note_change(now);
}

double KioskApp::current_duration() const {
    return slide_duration_s(deck_, deck_.slides[nav_.current()]);
}

std::vector<double> KioskApp::durations() const {
    std::vector<double> out;
    for (const auto& s : deck_.slides) out.push_back(slide_duration_s(deck_, s));
    return out;
}

const Scene& KioskApp::scene(int slide) {
    auto& cached = scenes_.at(static_cast<std::size_t>(slide));
    if (!cached) cached = layout_slide(deck_, deck_.slides[slide], screen_, measure_);
    return *cached;
}

void KioskApp::resize(Size screen) {
    if (screen == screen_) return;
    screen_ = screen;
    gestures_.resize(static_cast<float>(screen.w), static_cast<float>(screen.h));
    for (auto& s : scenes_) s.reset();
    dirty_ = true;
}

void KioskApp::handle(const InputEvent& e, double now) {
    using T = InputEvent::Type;
    if (e.type == T::Quit) {
        quit_ = true;
        return;
    }
    if (e.type == T::KeyPress) return on_key(e.key, now);
    nav_.activity(now);
    if (auto g = gestures_.feed(e)) on_gesture(*g, now);
    dirty_ = true; // a dragged slide follows the finger
    note_change(now);
}

void KioskApp::on_key(Key key, double now) {
    switch (key) {
    case Key::Next: nav_.next(now); break;
    case Key::Previous: nav_.previous(now); break;
    case Key::First: nav_.go_to(0, now); break;
    case Key::Last: nav_.go_to(nav_.count() - 1, now); break;
    // A visitor's keyboard cannot close a fullscreen kiosk; in a window, Escape is expected.
    case Key::Escape: quit_ = settings_.windowed; return;
    case Key::Other: nav_.activity(now); break;
    }
    dirty_ = true;
    note_change(now);
}

void KioskApp::on_gesture(const Gesture& g, double now) {
    switch (g.type) {
    case Gesture::Type::SwipeLeft: nav_.next(now); break;
    case Gesture::Type::SwipeRight: nav_.previous(now); break;
    case Gesture::Type::Tap:
        if (g.x < screen_.w / 2.0f) nav_.previous(now);
        else nav_.next(now);
        break;
    }
}

void KioskApp::update(double now) {
    nav_.update(now);
    if (settings_.exit_after_loops > 0 && nav_.loops_completed() >= settings_.exit_after_loops)
        quit_ = true;
    const int step = progress_step(nav_.elapsed_fraction(now), screen_, current_duration());
    if (nav_.transition(now) || nav_.current() != drawn_slide_ || step != drawn_step_ ||
        nav_.mode() != drawn_mode_)
        dirty_ = true;
    note_change(now);
}

void KioskApp::note_change(double now) {
    if (!trace_ || (nav_.current() == traced_slide_ && nav_.mode() == traced_mode_)) return;
    traced_slide_ = nav_.current();
    traced_mode_ = nav_.mode();
    *trace_ << "t=" << now << " slide " << traced_slide_ + 1 << "/" << nav_.count() << " "
            << (traced_mode_ == Mode::Attract ? "attract" : "browsing") << std::endl;
}

void KioskApp::draw(Canvas& canvas, double now) {
    FrameState state;
    state.slide = nav_.current();
    state.count = nav_.count();
    state.transition = nav_.transition(now);
    state.mode = nav_.mode();
    state.elapsed_fraction = nav_.elapsed_fraction(now);
    state.drag_dx = state.transition ? 0.f : gestures_.drag_dx();
    state.slide_s = current_duration();
    draw_frame(canvas, deck_, [this](int i) -> const Scene& { return scene(i); }, state, measure_);
    drawn_slide_ = state.slide;
    drawn_step_ = progress_step(state.elapsed_fraction, screen_, state.slide_s);
    drawn_mode_ = state.mode;
    dirty_ = false;
    ++frames_drawn_;
}

double KioskApp::seconds_until_wake(double now) const {
    if (dirty_) return 0;
    double wake = nav_.seconds_until_change(now);
    if (nav_.mode() == Mode::Attract) {
        // The next time the time-left bar loses a step.
        const double duration = current_duration();
        const int steps = progress_steps(screen_, duration);
        const double next_fraction = static_cast<double>(drawn_step_ + 1) / steps;
        wake = std::min(wake, std::max(0.0, (next_fraction - nav_.elapsed_fraction(now)) * duration));
    }
    return wake;
}

} // namespace kiosk
