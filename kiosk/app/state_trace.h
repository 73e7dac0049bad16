#pragma once
// --trace: one line per visible change, for tests that drive a real window: what is shown, and
// where its buttons are (so a test taps them without knowing the layout); and one line per event
// a test waits for (a notice, a deck switch, dark or lit).
#include "layout/chrome.h"
#include "nav/browser.h"
#include "nav/scroller.h"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// What shows over the slides, beside the browser's own state.
struct Overlaid {
    bool status = false; // the operator's status overlay
    int countdown = -1;  // the seconds of "still reading?", or -1
    bool menu = false;   // the attract moment's menu
};

class StateTrace {
  public:
    // with_wall: each line also says the wall clock's time (hall sync: tests compare screens).
    StateTrace(std::ostream* out, bool with_wall) : out_(out), with_wall_(with_wall) {}
    bool on() const { return out_ != nullptr; }

    // Writes the state when it differs from the last one written; buttons is asked only then
    // (it may lay out the view).
    void state(double now, const Browser& browser, const KineticScroller& scroller,
               Overlaid overlaid, const std::function<const std::vector<Button>&()>& buttons);
    void event(double now, const std::string& text);

  private:
    void stamp(double now);

    std::ostream* out_;
    bool with_wall_;
    std::string last_;
};

} // namespace kiosk
