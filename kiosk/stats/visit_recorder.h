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
    unsigned deck = 0;       // counts deck switches: a new deck numbers its slides afresh
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

// The recorder fed with the app's observations and wall-clock times, and the counts of what the
// screen does not show (an import, a start): the statistics' side of the app, kept out of it.
class StatsFeed {
  public:
    using Sink = VisitRecorder::Sink;
    // wall_of turns the app's clock into Unix time.
    StatsFeed(Sink sink, std::function<double(double)> wall_of);

    // Once per update. While the screen is dark (outside opening hours) nothing is shown, so
    // nothing is counted; a deck switch first closes what the old deck had open.
    void observe(Observed o, bool dark);
    void count(StatKind kind, double now, double seconds = 0);
    // Closes what is open, at shutdown.
    void close(Observed o);
    double wall(double now) const { return wall_of_(now); }

  private:
    Sink sink_;
    std::function<double(double)> wall_of_;
    VisitRecorder recorder_;
    unsigned deck_ = 0;
};

} // namespace kiosk
