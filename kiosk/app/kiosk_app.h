#pragma once
// The kiosk's state and its three phases, handle → update → draw, with no SDL in sight: the main
// loop feeds it events and time, and asks it when it next needs to wake up and whether to redraw.
#include "app/settings.h"
#include "content/deck.h"
#include "input/input_event.h"
#include "layout/measure.h"
#include "nav/gestures.h"
#include "nav/navigator.h"
#include "view/canvas.h"

#include <optional>
#include <ostream>
#include <vector>

namespace kiosk {

class KioskApp {
public:
    KioskApp(const Settings& settings, Deck deck, const TextMeasure& measure, Size screen,
             double now, std::ostream* trace = nullptr);

    void handle(const InputEvent& event, double now);
    void update(double now);
    void draw(Canvas& canvas, double now);
    void resize(Size screen);

    bool wants_quit() const { return quit_; }
    bool needs_redraw() const { return dirty_; }
    // Seconds until update() has something to do; the loop sleeps this long unless input comes.
    double seconds_until_wake(double now) const;

    const Deck& deck() const { return deck_; }
    long frames_drawn() const { return frames_drawn_; }
    const Navigator& navigator() const { return nav_; }
    // Laid-out slide for the current screen size, cached after the first use.
    const Scene& scene(int slide);

private:
    void on_key(Key key, double now);
    void on_gesture(const Gesture& g, double now);
    void note_change(double now);
    std::vector<double> durations() const;
    double current_duration() const;

    Settings settings_;
    Deck deck_;
    const TextMeasure& measure_;
    Size screen_;
    Navigator nav_;
    GestureRecognizer gestures_;
    std::vector<std::optional<Scene>> scenes_;
    std::ostream* trace_;
    bool quit_ = false;
    bool dirty_ = true;
    long frames_drawn_ = 0;
    // What was last drawn, to tell whether a new frame would look different.
    int drawn_slide_ = -1;
    int drawn_step_ = -1;
    Mode drawn_mode_ = Mode::Attract;
    int traced_slide_ = -1;
    Mode traced_mode_ = Mode::Attract;
};

} // namespace kiosk
