#pragma once
// A visitor's hands: pointer events become gestures, a finger in the reading view drags its
// text, and each gesture becomes an Intent from what the screen shows. Plain C++: what a tap on
// the text, at an edge or on the attract moment's menu does is tested without a window or an app.
#include "app/settings.h"
#include "input/input_event.h"
#include "layout/chrome.h"
#include "nav/browser.h"
#include "nav/gestures.h"
#include "nav/scroller.h"

#include <optional>
#include <span>

namespace kiosk {

// What a gesture asks the app to do: a button's action, or the operator's status overlay.
struct Intent {
    Action action = Action::None;
    int index = -1; // the finding, for OpenFinding and ReadFinding
    enum class Status { Keep, Open, Close } status = Status::Keep;
    bool operator==(const Intent&) const = default;
};

// What the screen shows, as far as a gesture's meaning depends on it.
struct TouchContext {
    View view = View::Slides;
    bool status_open = false;
    std::span<const Button> buttons; // of the attract moment's menu when the touch woke it
    int slop = 0;                    // pixels around a button that still hit it
};

// What the touch going on woke: the loop (its tap only shows the controls), or the attract
// moment's menu (its tap on a tile opens that finding).
enum class Woke { No, Loop, Menu };

class VisitorInput {
  public:
    VisitorInput(GestureSettings gestures, Size screen, Corner status_corner);
    void resize(Size screen);

    // One pointer event. `loop`/`menu`: the attract loop shows, and its menu over it, which
    // decides what a touch starting now wakes; `reading`: the finger drags the reading text
    // (the scroller's extent must be set). Returns the gesture it completes.
    std::optional<Gesture> feed(const InputEvent& e, bool loop, bool menu, bool reading,
                                double now);
    // A long press completes while the finger is down: asked on each update.
    std::optional<Gesture> poll(double now) { return gestures_.poll(now); }
    Woke woke() const { return woke_; }
    Intent intent(const Gesture& g, const TouchContext& context) const;

    // Every finger forgotten and the text stopped: back to the loop, a new deck, CancelAll.
    void reset();
    KineticScroller& scroller() { return scroller_; }
    const KineticScroller& scroller() const { return scroller_; }
    const GestureRecognizer& gestures() const { return gestures_; }

    // The strip at each side where a tap turns the page, as a fraction of the width.
    static constexpr float edge_tap_fraction = 0.15f;

  private:
    void drag_text(const InputEvent& e, double now);
    Intent tap(float x, float y, const TouchContext& context) const;

    GestureRecognizer gestures_;
    KineticScroller scroller_;
    Size screen_;
    Corner status_corner_;
    Woke woke_ = Woke::No;
};

} // namespace kiosk
