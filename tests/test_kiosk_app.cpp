#include "app/kiosk_app.h"
#include "support/app_fixture.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"
#include "support/recording_canvas.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

using namespace kiosk;

namespace {

InputEvent tap_at(float x, double t, InputEvent::Type type = InputEvent::Type::PointerDown) {
    return InputEvent::pointer_event(type, x, 200, 1, t);
}

void tap(KioskApp& app, float x, double t) {
    app.handle(tap_at(x, t), t);
    app.handle(tap_at(x, t + 0.1, InputEvent::Type::PointerUp), t + 0.1);
}

InputEvent key(Key k) {
    return InputEvent::key_press(k);
}

using Fixture = test::AppFixture;

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

TEST_CASE_METHOD(Fixture, "the first tap wakes the kiosk; then taps at the edges move") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 700, 1);
    CHECK(app.browser().slides().current() == 0); // nothing moves away under the visitor's finger
    CHECK(app.browser().mode() == Mode::Browsing);
    tap(app, 700, 2);
    CHECK(app.browser().slides().current() == 1);
    tap(app, 100, 3);
    CHECK(app.browser().slides().current() == 0);
}

TEST_CASE_METHOD(Fixture, "a tap on the text moves nothing, and back from slide 1 does not wrap") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 400, 1);
    for (const float x : {200.f, 400.f, 600.f}) {
        tap(app, x, 2);
        CHECK(app.browser().slides().current() == 0); // a finger resting on the text
    }
    tap(app, 40, 3); // the left edge on the first slide
    CHECK(app.browser().slides().current() == 0);
    app.handle(key(Key::Previous), 4);
    CHECK(app.browser().slides().current() == 0);
    CHECK(app.browser().mode() == Mode::Browsing);
    tap(app, 780, 5);
    CHECK(app.browser().slides().current() == 1); // the right edge turns the page
    tap(app, 780, 6); // forward from the last slide of two wraps to the first
    CHECK(app.browser().slides().current() == 0);
}

TEST_CASE_METHOD(Fixture, "presenter keys navigate; Escape quits only in a window") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(key(Key::Next), 1);
    CHECK(app.browser().slides().current() == 1);
    app.handle(key(Key::First), 2);
    CHECK(app.browser().slides().current() == 0);
    app.handle(key(Key::Last), 3);
    CHECK(app.browser().slides().current() == 1);
    app.handle(key(Key::Escape), 4);
    CHECK_FALSE(app.wants_quit()); // fullscreen
    settings.display.windowed = true;
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
    settings.hooks.exit_after_loops = 1;
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
    settings.visitor.idle_return_s = 10;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 700, 0.5);
    tap(app, 700, 1);
    app.update(10);
    CHECK(app.browser().slides().mode() == Mode::Browsing);
    app.update(11.2);
    CHECK(app.browser().slides().mode() == Mode::Attract);
    CHECK(app.browser().slides().current() == 0);
}

TEST_CASE_METHOD(Fixture, "a resize lays the slides out again") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const int before = app.scene(0).texts.front().px;
    app.resize({1920, 1080});
    CHECK(app.needs_redraw());
    CHECK(app.scene(0).texts.front().px > before);
}

namespace {

const Button* find_button(KioskApp& app, Action action, int index = -1) {
    for (const auto& b : app.buttons())
        if (b.action == action && (index < 0 || b.index == index)) return &b;
    return nullptr;
}

void tap_button(KioskApp& app, const Button& b, double t) {
    const float x = b.rect.x + b.rect.w / 2.f, y = b.rect.y + b.rect.h / 2.f;
    app.handle(InputEvent::pointer_down(x, y, 7, t), t);
    app.handle(InputEvent::pointer_up(x, y, 7, t + 0.05), t + 0.05);
}

void drag(KioskApp& app, float x, float y0, float y1, double t0, double duration) {
    app.handle(InputEvent::pointer_down(x, y0, 3, t0), t0);
    float y = y0;
    double t = t0;
    for (int i = 1; i <= 10; ++i) {
        y = y0 + (y1 - y0) * i / 10.f;
        t = t0 + duration * i / 10;
        app.handle(InputEvent::pointer_move(x, y, 3, t), t);
    }
    app.handle(InputEvent::pointer_up(x, y, 3, t), t);
}

Deck long_details_deck() {
    auto j = test::minimal_deck_json();
    j["findings"][0]["details"] = nlohmann::json::array();
    for (int i = 0; i < 30; ++i)
        j["findings"][0]["details"].push_back(
            "Een **lange** alinea om te lezen, met genoeg woorden om af te breken.");
    return *test::load_json(j).deck;
}

} // namespace

TEST_CASE_METHOD(Fixture,
                 "browsing shows controls; the overview opens and a tile jumps to its finding") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    CHECK(app.buttons().empty()); // attract loop: no controls
    tap(app, 400, 1);
    REQUIRE(find_button(app, Action::Overview));
    tap_button(app, *find_button(app, Action::Overview), 2);
    CHECK(app.browser().view() == View::Overview);
    app.update(3);
    app.draw(canvas, 3);
    CHECK(canvas.shows("Belangrijke vaststellingen"));
    CHECK(canvas.shows("Een")); // the finding's short title on its tile
    const Button* tile = find_button(app, Action::OpenFinding, 0);
    REQUIRE(tile);
    tap_button(app, *tile, 4);
    CHECK(app.browser().view() == View::Slides);
    CHECK(app.browser().slides().current() == 1); // the first slide of finding 1
}

TEST_CASE_METHOD(
    Fixture,
    "Lees meer opens the finding's text, which scrolls with momentum and stops at the end") {
    deck = long_details_deck();
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 400, 1);
    tap(app, 700, 2); // to the slide that belongs to the finding
    const Button* more = find_button(app, Action::ReadMore);
    REQUIRE(more);
    tap_button(app, *more, 3);
    REQUIRE(app.browser().view() == View::Reading);
    app.update(3.5);
    app.draw(canvas, 3.5);
    CHECK(canvas.shows("Eerste"));
    CHECK(canvas.shows("lange"));
    CHECK(app.scroller().max_offset() > 0);
    drag(app, 300, 400, 200, 4, 0.1); // a flick upwards
    const double after_drag = app.scroller().offset();
    CHECK(after_drag >= 150);
    CHECK(app.scroller().moving());
    CHECK(app.seconds_until_wake(4.15) == 0); // momentum needs frames
    for (double t = 4.1; t < 8; t += 1.0 / 60)
        app.update(t);
    CHECK(app.scroller().offset() > after_drag);
    CHECK_FALSE(app.scroller().moving());
    for (int i = 0; i < 30; ++i)
        drag(app, 300, 400, 100, 9 + i, 0.1);
    for (double t = 40; t < 45; t += 1.0 / 60)
        app.update(t);
    CHECK(app.scroller().offset() == Approx(app.scroller().max_offset()));
    tap_button(app, *find_button(app, Action::Close), 46);
    CHECK(app.browser().view() == View::Slides);
}

TEST_CASE_METHOD(Fixture, "from the reading view, idle time returns to the loop") {
    settings.visitor.idle_return_s = 20;
    KioskApp app(settings, deck, measure, canvas.sz, 0); // a short text: the usual idle time
    tap(app, 400, 1);
    tap(app, 700, 2);
    tap_button(app, *find_button(app, Action::ReadMore), 3);
    REQUIRE(app.browser().view() == View::Reading);
    app.update(22);
    CHECK(app.browser().view() == View::Reading);
    app.update(23.1);
    CHECK(app.browser().view() == View::Slides);
    CHECK(app.browser().mode() == Mode::Attract);
    CHECK(app.browser().slides().current() == 0);
}

TEST_CASE_METHOD(Fixture, "a long text gives its reader its reading time before the loop returns") {
    settings.visitor.idle_return_s = 20;
    deck = long_details_deck(); // about 400 words
    const double reading_s =
        60.0 * finding_word_count(deck.findings[0]) / deck.timing.words_per_minute;
    REQUIRE(reading_s > 60);
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 400, 1);
    tap(app, 700, 2);
    tap_button(app, *find_button(app, Action::ReadMore), 3);
    REQUIRE(app.browser().view() == View::Reading);
    app.update(3.1 + reading_s - 1);
    CHECK(app.browser().view() == View::Reading);
    app.update(3.1 + reading_s + 1);
    CHECK(app.browser().mode() == Mode::Attract);
}

TEST_CASE_METHOD(Fixture,
                 "before the idle return a countdown asks whether the visitor still reads") {
    settings.visitor.idle_return_s = 30;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 700, 1);
    app.draw(canvas, 1.1);
    // Twenty seconds later nothing is asked yet, and the app sleeps until the countdown starts.
    app.update(21);
    CHECK_FALSE(app.needs_redraw());
    CHECK(app.seconds_until_wake(21) == Approx(0.1).margin(0.01));
    // In its last ten seconds it counts down on screen, once a second.
    app.update(25.2);
    REQUIRE(app.needs_redraw());
    canvas.clear({});
    app.draw(canvas, 25.2);
    CHECK(canvas.shows("Nog aan het lezen?"));
    CHECK(canvas.shows("6"));
    CHECK(std::count(canvas.texts.begin(), canvas.texts.end(), "6") == 1); // the number itself
    app.update(25.5);
    CHECK_FALSE(app.needs_redraw());
    CHECK(app.seconds_until_wake(25.5) == Approx(0.6).margin(0.01));
    // A touch keeps the visitor where they are, and the question goes.
    tap(app, 700, 26);
    app.update(26.2);
    app.draw(canvas, 26.2);
    CHECK(app.browser().mode() == Mode::Browsing);
    canvas.clear({});
    app.draw(canvas, 26.3);
    CHECK_FALSE(canvas.shows("Nog aan het lezen?"));
}

TEST_CASE_METHOD(
    Fixture, "a long press in the status corner opens the status overlay, which closes itself") {
    settings.visitor.status_hold_s = 3;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.status().set_origin("tests");
    app.handle(InputEvent::pointer_down(10, 10, 1, 1), 1);
    CHECK(app.seconds_until_wake(1.5) <= 2.5); // it wakes for the long press
    app.update(3.9);
    CHECK_FALSE(app.status_open());
    app.update(4.0);
    CHECK(app.status_open());
    app.handle(InputEvent::pointer_up(10, 10, 1, 4.5), 4.5);
    CHECK(app.status_open()); // lifting the finger after the long press is no tap
    app.draw(canvas, 4.5);
    CHECK(canvas.shows("From: tests"));
    CHECK(canvas.shows("Screen: 800x480"));
    app.update(4.5 + settings.visitor.status_visible_s);
    CHECK_FALSE(app.status_open());
}

TEST_CASE_METHOD(Fixture, "the status overlay shows the last animation's frame rate, not 0") {
    settings.visitor.status_hold_s = 3;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    auto frame_rate = [&] {
        for (const auto& t : canvas.texts)
            if (t.rfind("Frame rate: ", 0) == 0) return t;
        return std::string("(no frame rate line)");
    };
    auto open_status = [&](double t) {
        app.handle(InputEvent::pointer_down(10, 10, 1, 0), t);
        app.update(t + 3);
        REQUIRE(app.status_open());
        app.handle(InputEvent::pointer_up(10, 10, 1, 0), t + 3);
        app.draw(canvas, t + 3);
    };
    open_status(1);
    CHECK(frame_rate() == "Frame rate: no animation measured yet");
    app.update(20);               // closes the overlay
    for (int f = 0; f <= 30; ++f) // half a second at 60 frames a second
        app.draw(canvas, 30 + f / 60.0);
    open_status(40); // long after that animation: nothing has moved since
    CHECK(frame_rate() == "Frame rate: 60 fps (last animation)");
    app.draw(canvas, 44); // the uptime ticks: one frame a second is no animation
    CHECK(frame_rate() == "Frame rate: 60 fps (last animation)");
    app.draw(canvas, 45);
    CHECK(frame_rate() == "Frame rate: 60 fps (last animation)");
}

TEST_CASE_METHOD(Fixture, "a long press elsewhere does nothing") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(InputEvent::pointer_down(400, 240, 0, 0), 1);
    app.update(10);
    CHECK_FALSE(app.status_open());
}

TEST_CASE_METHOD(Fixture, "ten fingers at once never jump slides or leave the app stuck") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 400, 0.5);
    for (int f = 0; f < 10; ++f)
        app.handle(InputEvent::pointer_down(50.f + 70 * f, 200, 100 + f, 0), 1 + f * 0.01);
    for (int f = 0; f < 10; ++f)
        app.handle(InputEvent::pointer_up(50.f + 70 * f - 300, 200, 100 + f, 0), 1.2 + f * 0.01);
    CHECK(app.browser().slides().current() == 0);
    tap(app, 700, 2); // and it still answers a single finger
    CHECK(app.browser().slides().current() == 1);
}

TEST_CASE_METHOD(Fixture, "Escape after a stop request does not cancel the stop") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    InputEvent quit;
    quit.type = InputEvent::Type::Quit;
    app.handle(quit, 1);
    app.handle(key(Key::Escape), 1.01);
    CHECK(app.wants_quit());
}

TEST_CASE_METHOD(Fixture,
                 "the end of a transition is always drawn, even if the last frame came early") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.draw(canvas, 0);
    app.handle(key(Key::Next), 1);
    app.update(1.1);
    app.draw(canvas, 1.1); // mid-transition
    app.update(5);         // long after it ended
    CHECK(app.needs_redraw());
    app.draw(canvas, 5);
    app.update(5.01);
    CHECK_FALSE(app.needs_redraw());
}

TEST_CASE_METHOD(Fixture,
                 "outside opening hours the screen is dark until a touch lights it for a while") {
    settings.visitor.wake_on_touch_s = 30;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.set_open(false, 1);
    CHECK(app.dark());
    app.draw(canvas, 1);
    CHECK(canvas.texts.empty());
    tap(app, 400, 5);
    CHECK_FALSE(app.dark());
    CHECK(app.browser().slides().current() == 0); // the touch only lit the screen
    app.update(20);
    CHECK_FALSE(app.dark());
    app.update(36);
    CHECK(app.dark());
    app.set_open(true, 40);
    CHECK_FALSE(app.dark());
}

TEST_CASE_METHOD(Fixture, "the picture moves a few pixels every ten minutes against burn-in") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.draw(canvas, 0);
    const auto first = canvas.offset;
    CHECK(app.seconds_until_wake(1) <= 600);
    app.update(601);
    CHECK(app.needs_redraw());
    app.draw(canvas, 601);
    CHECK(canvas.offset != first);
    settings.visitor.burn_in_shift = false;
    KioskApp still(settings, deck, measure, canvas.sz, 0);
    still.draw(canvas, 601);
    CHECK(canvas.offset == std::pair<int, int>{0, 0});
}

TEST_CASE_METHOD(Fixture, "a notice on screen does not stop the time-left bar from moving") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.draw(canvas, 0);
    app.notify({"Nieuwe inhoud wordt gecontroleerd"}, 0, 60);
    app.draw(canvas, 0);
    CHECK(app.seconds_until_wake(0.01) <
          1.0); // the bar steps twice a second, the notice lasts 60 s
}

TEST_CASE_METHOD(Fixture, "with a short idle time the countdown is its last third, not all of it") {
    settings.visitor.idle_return_s = 12;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    tap(app, 700, 1);
    app.update(1.2);
    app.draw(canvas, 1.2);
    CHECK_FALSE(canvas.shows("Nog aan het lezen?")); // just touched: nothing asked
    app.update(9.5);                                 // 3.6 s left, within the last 4
    app.draw(canvas, 9.5);
    CHECK(canvas.shows("Nog aan het lezen?"));
}

TEST_CASE_METHOD(Fixture, "in a hall in step an import switches decks as the loop begins again") {
    settings.visitor.hall_sync = true;
    settings.content.content_root = "/var/lib/kiosk"; // imports: never interrupt a round
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const double loop = app.browser().slides().loop_length();
    const double wall0 = 1'700'000'000.0 - std::fmod(1'700'000'000.0, loop); // a round begins
    auto at = [&](double t) {
        app.follow_hall(wall0 + t);
        app.update(t);
    };
    const double second = loop + slide_duration_s(deck, deck.slides[0]) + 0.5;
    at(second); // mid-round: the second slide
    REQUIRE(app.browser().slides().current() == 1);
    Deck next = deck;
    next.version = "2";
    app.offer_deck(next, "release 2");
    double t = second;
    for (; t < 2 * loop - 0.05; t += 0.05) {
        at(t);
        REQUIRE(app.deck_pending());
    }
    for (; t < 2 * loop + 1.5 && app.deck_pending(); t += 0.05)
        at(t);
    CHECK_FALSE(app.deck_pending());
    CHECK(app.deck().version == "2");
    CHECK(t > 2 * loop); // after the round's end, at the first slide
}

namespace {

// What the app writes on stderr while it lives, and std::cerr back as it was afterwards.
struct CerrCapture {
    std::ostringstream text;
    std::streambuf* saved = std::cerr.rdbuf(text.rdbuf());
    ~CerrCapture() { std::cerr.rdbuf(saved); }
};

} // namespace

TEST_CASE_METHOD(Fixture, "--preview-slide starts the loop at that slide, and the loop goes on") {
    auto json = test::minimal_deck_json();
    json["slides"].push_back({{"kind", "points"}, {"title", "Derde"}, {"points", {"x", "y"}}});
    deck = *test::load_json(json).deck;
    settings.display.windowed = true;
    settings.hooks.preview_slide = 2; // as the author counts: the second slide
    CerrCapture err;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    CHECK(app.browser().slides().current() == 1);
    CHECK(app.browser().mode() == Mode::Attract); // the loop, not a visitor's pause
    CHECK_FALSE(app.browser().slides().transition(0));
    app.draw(canvas, 0);
    CHECK(canvas.shows("Punten"));
    CHECK(canvas.shows("2 / 3"));
    const double stands = slide_duration_s(deck, deck.slides[1]);
    app.update(stands - 0.1);
    CHECK(app.browser().slides().current() == 1); // for its own time
    app.update(stands + 0.1);
    CHECK(app.browser().slides().current() == 2); // then on, as the loop goes
    CHECK(app.browser().mode() == Mode::Attract);
    CHECK(err.text.str().empty());
}

TEST_CASE_METHOD(Fixture,
                 "--preview-slide past the deck's end starts at its last slide, and says so") {
    settings.hooks.preview_slide = 7;
    CerrCapture err;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    CHECK(app.browser().slides().current() == 1);
    CHECK(app.browser().mode() == Mode::Attract);
    CHECK_THAT(err.text.str(),
               Catch::Contains("--preview-slide 7: the deck has 2 slides; starting at slide 2"));
}

TEST_CASE_METHOD(Fixture, "--preview-slide 1 is the first slide, as without it") {
    settings.hooks.preview_slide = 1;
    CerrCapture err;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    CHECK(app.browser().slides().current() == 0);
    CHECK(err.text.str().empty());
}

TEST_CASE_METHOD(Fixture, "in a hall in step the clock picks the slide, not --preview-slide") {
    settings.visitor.hall_sync = true;
    settings.hooks.preview_slide = 2;
    CerrCapture err;
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    CHECK(app.browser().slides().current() == 0);
    CHECK_THAT(err.text.str(), Catch::Contains("--preview-slide is ignored"));
}
