#pragma once
// Turns pointer events (fingers and mouse alike) into taps and swipes. It follows one finger at a
// time: a second finger during a gesture cancels it, so a palm or ten fingers never jump several
// slides; nothing new starts until every finger is lifted.
#include "input/input_event.h"

#include <map>
#include <optional>

namespace kiosk {

struct GestureSettings {
    // A swipe commits on speed (a flick: this much of the width within swipe_max_s) or on
    // distance alone, however slowly: many older visitors swipe slowly and deliberately.
    float swipe_min_fraction = 0.08f; // of the screen width
    double swipe_max_s = 1.2;
    float swipe_commit_fraction = 1.0f / 3; // of the screen width, at any speed
    float tap_slop_fraction = 0.03f;        // movement still counted as a tap
    double tap_max_s = 0.6;
    double hold_s = 4.0; // a long press: the operator's way into the status overlay
};

struct Gesture {
    enum class Type { Tap, SwipeLeft, SwipeRight, LongPress };
    Type type;
    float x = 0, y = 0; // where it started
};

class GestureRecognizer {
  public:
    GestureRecognizer(GestureSettings settings, float screen_w, float screen_h);
    void resize(float screen_w, float screen_h);

    // Feeds one pointer event; returns a gesture when one completes.
    std::optional<Gesture> feed(const InputEvent& e);
    // Forgets every finger: after CancelAll, or when the kiosk returns to its loop.
    void reset();

    // A long press completes while the finger is still down, so it is found by time, not by an
    // event: call this on each update.
    std::optional<Gesture> poll(double now);
    // When poll() could next report a long press (infinity when no finger could).
    double hold_deadline() const;

    // Horizontal drag of the tracked finger, for content that follows it (0 when none).
    float drag_dx() const { return tracking_ && !cancelled_ ? last_x_ - start_x_ : 0.f; }
    bool active() const { return !down_.empty(); }
    // The finger being followed, for views that track it themselves (scrolling).
    bool tracking(long long pointer) const {
        return tracking_ && !cancelled_ && pointer == pointer_;
    }

  private:
    std::optional<Gesture> finish(const InputEvent& e);
    void press(const InputEvent& e);
    float slop() const;

    GestureSettings s_;
    float w_, h_;
    std::map<long long, double> down_; // finger -> time of its last event
    bool tracking_ = false;
    bool cancelled_ = false;
    long long pointer_ = 0;
    float start_x_ = 0, start_y_ = 0, last_x_ = 0;
    double start_t_ = 0;
    bool moved_ = false; // left the tap slop at some point
    bool hold_fired_ = false;
};

} // namespace kiosk
