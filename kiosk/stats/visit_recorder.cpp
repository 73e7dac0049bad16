#include "stats/visit_recorder.h"

namespace kiosk {

void VisitRecorder::emit(const Observed& at, StatKind kind, int slide, int finding, bool by_visitor,
                         double seconds) {
    if (sink_) sink_(StatEvent{at.wall, kind, slide, finding, by_visitor, seconds});
}

void VisitRecorder::observe(const Observed& o) {
    if (!started_) {
        started_ = true;
        last_ = o;
        slide_since_ = o.now;
        slide_by_visitor_ = o.mode == Mode::Browsing;
        if (o.qr) emit(o, StatKind::QrShown, o.slide, o.finding, slide_by_visitor_, 0);
        return;
    }
    // The slide counts as the visitor's if a visitor was there at any time it stood.
    if (o.mode == Mode::Browsing) slide_by_visitor_ = true;
    if (o.mode != last_.mode) {
        if (o.mode == Mode::Browsing)
            visit_since_ = o.now;
        else
            emit(o, StatKind::Visit, -1, 0, true, o.now - visit_since_);
    }
    if (o.view != last_.view || o.reading_finding != last_.reading_finding) view_changed(o);
    if (o.slide != last_.slide) slide_changed(o);
    last_ = o;
}

void VisitRecorder::slide_changed(const Observed& o) {
    emit(o, StatKind::SlideShown, last_.slide, last_.finding, slide_by_visitor_,
         o.now - slide_since_);
    slide_since_ = o.now;
    slide_by_visitor_ = o.mode == Mode::Browsing;
    if (o.qr) emit(o, StatKind::QrShown, o.slide, o.finding, slide_by_visitor_, 0);
}

void VisitRecorder::view_changed(const Observed& o) {
    if (last_.view == View::Reading && last_.reading_finding > 0)
        emit(o, StatKind::ReadingTime, -1, last_.reading_finding, true, o.now - reading_since_);
    if (o.view == View::Overview && last_.view != View::Overview)
        emit(o, StatKind::OverviewOpened, -1, 0, true, 0);
    if (o.view == View::Reading && o.reading_finding > 0) {
        emit(o, StatKind::ReadingOpened, -1, o.reading_finding, true, 0);
        reading_since_ = o.now;
    }
}

void VisitRecorder::close(const Observed& o) {
    if (!started_) return;
    Observed end = o;
    end.mode = Mode::Attract;
    end.view = View::Slides;
    end.reading_finding = 0;
    end.slide = -1; // forces the slide on screen to be counted
    end.qr = false;
    observe(end);
    started_ = false;
}

StatsFeed::StatsFeed(Sink sink, std::function<double(double)> wall_of)
    : sink_(sink), wall_of_(std::move(wall_of)), recorder_(std::move(sink)) {}

void StatsFeed::observe(Observed o, bool dark) {
    o.wall = wall_of_(o.now);
    if (o.deck != deck_) recorder_.close(o);
    deck_ = o.deck;
    if (dark)
        recorder_.close(o);
    else
        recorder_.observe(o);
}

void StatsFeed::count(StatKind kind, double now, double seconds) {
    StatEvent e;
    e.at = wall_of_(now);
    e.kind = kind;
    e.seconds = seconds;
    sink_(e);
}

void StatsFeed::close(Observed o) {
    o.wall = wall_of_(o.now);
    recorder_.close(o);
}

} // namespace kiosk
