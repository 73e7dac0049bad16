// The statistics recorder: a scripted visit with a fake clock gives the expected events.
#include "app/kiosk_app.h"
#include "app/stats_session.h"
#include "stats/visit_recorder.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

using namespace kiosk;

namespace {

struct Log {
    std::vector<StatEvent> events;
    VisitRecorder::Sink sink() {
        return [this](const StatEvent& e) { events.push_back(e); };
    }
    std::vector<StatEvent> of(StatKind kind) const {
        std::vector<StatEvent> out;
        std::copy_if(events.begin(), events.end(), std::back_inserter(out),
                     [kind](const StatEvent& e) { return e.kind == kind; });
        return out;
    }
};

Observed at(double now, Mode mode, int slide, View view = View::Slides, int reading = 0) {
    Observed o;
    o.now = now;
    o.wall = 1'500'000'000 + now;
    o.mode = mode;
    o.view = view;
    o.slide = slide;
    o.finding = slide == 2 ? 3 : 0;
    o.qr = slide == 4;
    o.reading_finding = reading;
    return o;
}

} // namespace

TEST_CASE("a scripted visit: slides by the loop and by the visitor, a reading, the visit") {
    Log log;
    VisitRecorder r(log.sink());
    r.observe(at(0, Mode::Attract, 0));
    r.observe(at(8, Mode::Attract, 1));   // the loop moves on after 8 s
    r.observe(at(10, Mode::Browsing, 1)); // a visitor touches the screen
    r.observe(at(12, Mode::Browsing, 2)); // and swipes to finding 3's slide
    r.observe(at(15, Mode::Browsing, 2, View::Reading, 3));
    r.observe(at(45, Mode::Browsing, 2, View::Slides));
    r.observe(at(50, Mode::Browsing, 2, View::Overview));
    r.observe(at(52, Mode::Browsing, 4, View::Slides)); // a QR slide
    r.observe(at(112, Mode::Attract, 4));               // idle: back to the loop
    r.observe(at(120, Mode::Attract, 5));

    const auto shown = log.of(StatKind::SlideShown);
    REQUIRE(shown.size() == 4);
    CHECK(shown[0].slide == 0);
    CHECK_FALSE(shown[0].by_visitor);
    CHECK(shown[0].seconds == Approx(8));
    CHECK(shown[1].slide == 1);
    CHECK(shown[1].by_visitor); // the visitor came while it stood
    CHECK(shown[2].slide == 2);
    CHECK(shown[2].finding == 3);
    CHECK(shown[2].seconds == Approx(40));
    CHECK(shown[3].slide == 4);
    CHECK(shown[3].seconds == Approx(68));
    CHECK(shown[3].at == Approx(1'500'000'120));

    const auto reads = log.of(StatKind::ReadingTime);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].finding == 3);
    CHECK(reads[0].seconds == Approx(30));
    CHECK(log.of(StatKind::ReadingOpened).size() == 1);
    CHECK(log.of(StatKind::OverviewOpened).size() == 1);
    CHECK(log.of(StatKind::QrShown).size() == 1);
    const auto visits = log.of(StatKind::Visit);
    REQUIRE(visits.size() == 1);
    CHECK(visits[0].seconds == Approx(102));
}

TEST_CASE("closing counts the slide on screen and ends a visit and a reading") {
    Log log;
    VisitRecorder r(log.sink());
    r.observe(at(0, Mode::Browsing, 2));
    r.observe(at(5, Mode::Browsing, 2, View::Reading, 3));
    r.close(at(20, Mode::Browsing, 2, View::Reading, 3));
    CHECK(log.of(StatKind::ReadingTime).at(0).seconds == Approx(15));
    CHECK(log.of(StatKind::SlideShown).at(0).seconds == Approx(20));
    CHECK(log.of(StatKind::Visit).size() == 1);
    r.observe(at(30, Mode::Attract, 0)); // starts afresh
    CHECK(log.of(StatKind::SlideShown).size() == 1);
}

TEST_CASE("the app records what a visitor does, through the recorder") {
    test::FakeMeasure measure;
    Settings settings;
    KioskApp app(settings, *test::load_json(test::minimal_deck_json()).deck, measure, {800, 480},
                 0);
    Log log;
    StatsFeed feed(log.sink(), [](double now) { return 1'600'000'000 + now; });
    app.update(0);
    feed.observe(app.observed(0), app.dark());
    app.handle(InputEvent::key_press(Key::Next), 1);
    for (double t = 1; t < 400; t += 0.5) {
        app.update(t);
        feed.observe(app.observed(t), app.dark());
    }
    feed.close(app.observed(400));
    CHECK_FALSE(log.of(StatKind::SlideShown).empty());
    const auto visits = log.of(StatKind::Visit);
    REQUIRE(visits.size() == 1); // the key press started a visit; idle time ended it
    CHECK(visits[0].seconds > 0);
    CHECK(log.events.front().at >= 1'600'000'000);
}

TEST_CASE("a run that did not stop cleanly is counted as a crash at the next start") {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk-session-test";
    std::filesystem::remove_all(dir);
    test::FakeMeasure measure;
    Settings settings;
    settings.stats_file = dir / "stats" / "stats.sqlite";
    const Deck deck = *test::load_json(test::minimal_deck_json()).deck;
    auto wall = [](double now) { return 1'600'000'000 + now; };
    {
        StatsSession crashed(settings, std::cerr);
        REQUIRE(crashed.enabled());
        KioskApp app(settings, deck, measure, {800, 480}, 0);
        crashed.start(0, wall);
    } // no finish(): as if killed
    {
        StatsSession clean(settings, std::cerr);
        KioskApp app(settings, deck, measure, {800, 480}, 0);
        clean.start(10, wall);
        clean.finish(app.observed(20));
    }
    std::string error;
    auto store = StatsStore::open(settings.stats_file, {}, error);
    REQUIRE(store);
    const auto today = store->day_figures(store->day_of(1'600'000'010));
    CHECK(today.starts == 2);
    CHECK(today.crashes == 1);
    CHECK_FALSE(std::filesystem::exists(settings.stats_file.string() + ".running"));
    std::filesystem::remove_all(dir);
}
