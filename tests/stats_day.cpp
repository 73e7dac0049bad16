// A scripted day at the kiosk, for the statistics tests: the default deck's attract loop runs
// from 09:00 to 17:00 (UTC, 28 June 2017, the first roundtable) and four visitors come by, each
// doing something different. The app records through its real recorder into a statistics
// database at the path given; stats_stick.sh then exports it to a stick image and checks it.
//   kiosk_stats_day OUT.sqlite
// What the visitors do (and so what the CSV must say):
//   09:30  taps, swipes forward twice, leaves                       (a visit, no reading)
//   11:15  opens the overview, finding 3, reads its text for 90 s  (reading: finding 3)
//   14:05  opens the overview, finding 3, reads it for 150 s       (reading: finding 3)
//   14:40  opens the overview, finding 1, reads it for 30 s        (reading: finding 1)
// Each visit ends by itself, 60 s after the last touch (the deck's idle time).
#include "app/kiosk_app.h"
#include "content/loader.h"
#include "stats/stats_store.h"
#include "support/fake_measure.h"

#include <iostream>

using namespace kiosk;

namespace {

constexpr double day_start = 1498640400; // 2017-06-28 09:00:00 UTC

struct NullCanvas : Canvas {
    Size size() const override { return {1920, 1080}; }
    void clear(Color) override {}
    void fill_rect(Rect, Color) override {}
    void draw_text(const SceneText&, Color, int, int, std::uint8_t) override {}
    void draw_image(const SceneImage&, int, std::uint8_t) override {}
    void set_clip(std::optional<Rect>) override {}
    void set_offset(int, int) override {}
};

struct Day {
    KioskApp& app;
    StatsFeed& feed;
    NullCanvas canvas;
    double t = 0; // seconds since 09:00

    void run_until(double hh_mm_s) {
        for (; t < hh_mm_s; t += 0.25) {
            app.update(t);
            feed.observe(app.observed(t), app.dark());
            if (app.needs_redraw()) app.draw(canvas, t);
        }
    }
    void tap_at(float x, float y) {
        app.handle(InputEvent::pointer_down(x, y, 1, t), t);
        app.handle(InputEvent::pointer_up(x, y, 1, t + 0.05), t + 0.05);
        run_until(t + 1);
    }
    bool tap(Action action, int index = -1) {
        app.draw(canvas, t); // the buttons of what is on screen now
        for (const auto& b : app.buttons())
            if (b.action == action && (index < 0 || b.index == index)) {
                tap_at(b.rect.x + b.rect.w / 2.f, b.rect.y + b.rect.h / 2.f);
                return true;
            }
        std::cerr << "kiosk_stats_day: no button for the scripted step at t=" << t << '\n';
        return false;
    }
    // A reader scrolls a little every 15 s, which also keeps the idle return away.
    void scroll() {
        app.handle(InputEvent::pointer_down(960, 700, 2, t), t);
        for (int i = 1; i <= 5; ++i)
            app.handle(InputEvent::pointer_move(960, 700.f - 20.f * i, 2, t + 0.05 * i),
                       t + 0.05 * i);
        app.handle(InputEvent::pointer_up(960, 600, 2, t + 0.25), t + 0.25);
    }
    void read_finding(int index, double seconds) {
        tap_at(960, 540); // wakes the kiosk: the controls show
        if (!tap(Action::Overview) || !tap(Action::OpenFinding, index) || !tap(Action::ReadMore))
            return;
        const double until = t + seconds;
        while (t + 15 < until) {
            run_until(t + 15);
            scroll();
        }
        run_until(until);
        tap(Action::Close);
    }
};

double at(int h, int m) {
    return (h - 9) * 3600.0 + m * 60.0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) return std::cerr << "usage: kiosk_stats_day OUT.sqlite\n", 2;
    std::string error;
    auto store = StatsStore::open(argv[1], {}, error);
    if (!store) return std::cerr << "kiosk_stats_day: " << error << '\n', 1;
    auto loaded = load_content_dir(KIOSK_SOURCE_CONTENT_DIR);
    if (!loaded.deck) return 1;
    test::FakeMeasure measure;
    Settings settings;
    settings.visitor.burn_in_shift = false;
    KioskApp app(settings, std::move(*loaded.deck), measure, {1920, 1080}, 0);
    std::vector<StatEvent> events;
    StatsFeed feed([&events](const StatEvent& e) { events.push_back(e); },
                   [](double now) { return day_start + now; });
    feed.count(StatKind::Start, 0);
    Day day{app, feed};
    day.run_until(at(9, 30));
    day.tap_at(960, 540);
    day.tap(Action::Next);
    day.tap(Action::Next);
    day.run_until(at(11, 15));
    day.read_finding(2, 90);
    day.run_until(at(14, 5));
    day.read_finding(2, 150);
    day.run_until(at(14, 40));
    day.read_finding(0, 30);
    day.run_until(at(17, 0));
    feed.close(app.observed(day.t));
    feed.count(StatKind::Uptime, day.t, day.t);
    if (!store->add(events, error)) return std::cerr << "kiosk_stats_day: " << error << '\n', 1;
    std::cout << "kiosk_stats_day: " << events.size() << " events recorded in " << argv[1] << '\n';
    return 0;
}
