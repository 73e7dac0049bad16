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

class StateTrace {
  public:
    explicit StateTrace(std::ostream* out) : out_(out) {}
    bool on() const { return out_ != nullptr; }

    // Writes the state when it differs from the last one written; buttons is asked only then
    // (it may lay out the view). countdown: the seconds of "still reading?" shown, or -1.
    void state(double now, const Browser& browser, const KineticScroller& scroller,
               bool status_open, int countdown,
               const std::function<const std::vector<Button>&()>& buttons);
    void event(double now, const std::string& text);

  private:
    std::ostream* out_;
    std::string last_;
};

} // namespace kiosk
