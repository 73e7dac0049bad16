#include "app/kiosk_app.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace kiosk;

namespace {

// Records what would be drawn.
struct RecordingCanvas : Canvas {
    Size sz{800, 480};
    int frames = 0;
    std::vector<std::string> texts;
    Size size() const override { return sz; }
    void clear(Color) override {
        ++frames;
        texts.clear();
    }
    void fill_rect(Rect, Color) override {}
    void draw_text(const SceneText& t, Color, int, int, std::uint8_t) override {
        texts.push_back(t.text);
    }
    bool shows(const std::string& s) const {
        for (const auto& t : texts)
            if (t.find(s) != std::string::npos) return true;
        return false;
    }
};

InputEvent tap_at(float x, double t, InputEvent::Type type = InputEvent::Type::PointerDown) {
    InputEvent e;
    e.type = type;
    e.pointer = 1;
    e.x = x;
    e.y = 200;
    e.t = t;
    return e;
}

void tap(KioskApp& app, float x, double t) {
    app.handle(tap_at(x, t), t);
    app.handle(tap_at(x, t + 0.1, InputEvent::Type::PointerUp), t + 0.1);
}

InputEvent key(Key k) {
    InputEvent e;
    e.type = InputEvent::Type::KeyPress;
    e.key = k;
    return e;
}

struct Fixture {
    test::FakeMeasure measure;
    Settings settings;
    Deck deck = *test::load_json(test::minimal_deck_json()).deck;
    RecordingCanvas canvas;
};

} // namespace

using T = InputEvent::Type;

TEST_CASE_METHOD(Fixture, "the first frame shows the first slide and its counter") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    CHECK(app.needs_redraw());
    app.draw(canvas, 0);
    CHECK(canvas.shows("Hallo"));
    CHECK(canvas.shows("1 / 2"));
    CHECK_FALSE(app.needs_redraw());
}

TEST_CASE_METHOD(Fixture, "nothing changing means no redraw and a long sleep") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.draw(canvas, 0);
    app.update(0.001);
    CHECK_FALSE(app.needs_redraw());
    const double wake = app.seconds_until_wake(0.001);
    CHECK(wake > 0.01);
    CHECK(wake < deck.timing.min_slide_s);
}

TEST_CASE_METHOD(Fixture, "taps on the right and left halves move forward and back") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 700, 1);
    CHECK(app.navigator().current() == 1);
    CHECK(app.navigator().mode() == Mode::Browsing);
    tap(app, 100, 3);
    CHECK(app.navigator().current() == 0);
}

TEST_CASE_METHOD(Fixture, "presenter keys navigate; Escape quits only in a window") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(key(Key::Next), 1);
    CHECK(app.navigator().current() == 1);
    app.handle(key(Key::First), 2);
    CHECK(app.navigator().current() == 0);
    app.handle(key(Key::Last), 3);
    CHECK(app.navigator().current() == 1);
    app.handle(key(Key::Escape), 4);
    CHECK_FALSE(app.wants_quit()); // fullscreen
    settings.windowed = true;
    KioskApp windowed(settings, deck, measure, canvas.sz, 0);
    windowed.handle(key(Key::Escape), 1);
    CHECK(windowed.wants_quit());
}

TEST_CASE_METHOD(Fixture, "a quit event (SIGTERM) always quits") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    InputEvent quit;
    quit.type = T::Quit;
    app.handle(quit, 1);
    CHECK(app.wants_quit());
}

TEST_CASE_METHOD(Fixture, "the loop cycles through every slide and can stop after N loops") {
    settings.exit_after_loops = 1;
    std::ostringstream trace;
    KioskApp app(settings, deck, measure, canvas.sz, 0, &trace);
    double t = 0;
    while (!app.wants_quit() && t < 1000) {
        t += std::max(0.01, app.seconds_until_wake(t));
        app.update(t);
        if (app.needs_redraw()) app.draw(canvas, t);
    }
    CHECK(app.wants_quit());
    CHECK(trace.str().find("slide 2/2 attract") != std::string::npos);
    CHECK(t < 2 * (deck.timing.max_slide_s + 1));
}

TEST_CASE_METHOD(Fixture, "idle time set in settings overrides the deck and returns to the loop") {
    settings.idle_return_s = 10;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 700, 1);
    app.update(10);
    CHECK(app.navigator().mode() == Mode::Browsing);
    app.update(11.2);
    CHECK(app.navigator().mode() == Mode::Attract);
    CHECK(app.navigator().current() == 0);
}

TEST_CASE_METHOD(Fixture, "a resize lays the slides out again") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const int before = app.scene(0).texts.front().px;
    app.resize({1920, 1080});
    CHECK(app.needs_redraw());
    CHECK(app.scene(0).texts.front().px > before);
}
