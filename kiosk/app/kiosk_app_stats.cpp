// KioskApp, statistics: what the screen shows, observed after every update for the recorder.
#include "app/kiosk_app.h"

namespace kiosk {

void KioskApp::record_stats(VisitRecorder::Sink sink, std::function<double(double)> wall_of) {
    stats_sink_ = sink;
    recorder_.emplace(std::move(sink));
    wall_of_ = std::move(wall_of);
}

void KioskApp::count(StatKind kind, double now, double seconds) {
    if (!stats_sink_) return;
    StatEvent e;
    e.at = wall_of_ ? wall_of_(now) : now;
    e.kind = kind;
    e.seconds = seconds;
    stats_sink_(e);
}

Observed KioskApp::observed(double now) const {
    Observed o;
    o.now = now;
    o.wall = wall_of_ ? wall_of_(now) : now;
    o.mode = browser_.mode();
    o.view = browser_.view();
    o.slide = browser_.slides().current();
    if (o.slide >= 0 && o.slide < static_cast<int>(deck_.slides.size())) {
        const auto& slide = deck_.slides[static_cast<std::size_t>(o.slide)];
        if (slide.finding_index >= 0)
            o.finding = deck_.findings[static_cast<std::size_t>(slide.finding_index)].number;
        o.qr = slide.kind == SlideKind::Qr;
    }
    const int reading = browser_.reading_finding();
    if (o.view == View::Reading && reading >= 0 &&
        reading < static_cast<int>(deck_.findings.size()))
        o.reading_finding = deck_.findings[static_cast<std::size_t>(reading)].number;
    return o;
}

// While the screen is dark (outside opening hours) nothing is shown, so nothing is counted.
void KioskApp::observe_stats(double now) {
    if (!recorder_) return;
    if (dark_)
        recorder_->close(observed(now));
    else
        recorder_->observe(observed(now));
}

void KioskApp::finish_stats(double now) {
    if (recorder_) recorder_->close(observed(now));
}

} // namespace kiosk
