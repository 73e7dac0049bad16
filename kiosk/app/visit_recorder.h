#pragma once
// Turns what the kiosk shows, observed once per update, into statistics events: a visit from the
// first touch to the return to the loop, each slide with the time it stood and whether a visitor
// or the loop showed it, overview and reading-view opens with the time read, QR slides shown.
// Plain C++ on plain observations, so a scripted visit with a fake clock tests it.
#include "nav/browser.h"
#include "stats/stat_event.h"

#include <functional>

namespace kiosk {

struct Observed {
    double now = 0;  // the app's clock (seconds, monotonic): durations
    double wall = 0; // the same moment as Unix time: when, for the hourly figures
    Mode mode = Mode::Attract;
    View view = View::Slides;
    int slide = 0;
    int finding = 0;         // the current slide's finding number, 0 for none
    bool qr = false;         // the current slide carries a QR code
    int reading_finding = 0; // the finding number open in the reading view, 0 for none
};

class VisitRecorder {
  public:
    using Sink = std::function<void(const StatEvent&)>;
    explicit VisitRecorder(Sink sink) : sink_(std::move(sink)) {}

    void observe(const Observed& o);
    // Closes what is open (the slide on screen, a visit, a reading) as of o: at shutdown, and
    // before a deck switch renumbers the slides.
    void close(const Observed& o);

  private:
    void emit(const Observed& at, StatKind kind, int slide, int finding, bool by_visitor,
              double seconds);
    void slide_changed(const Observed& o);
    void view_changed(const Observed& o);

    Sink sink_;
    bool started_ = false;
    Observed last_{};
    double slide_since_ = 0, visit_since_ = 0, reading_since_ = 0;
    bool slide_by_visitor_ = false;
};

} // namespace kiosk
