// The layout phase's parts: the scene cache and its invalidation, the frame value the app
// composes, and drawing a frame with nothing to measure.
#include "app/kiosk_app.h"
#include "layout/scene_cache.h"
#include "support/app_fixture.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"
#include "support/recording_canvas.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

using Fixture = test::AppFixture;

bool frame_has_text(const Frame& f, const std::string& s) {
    for (const auto& placed : f.slides)
        for (const auto& t : placed.scene->texts)
            if (t.text.find(s) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE_METHOD(Fixture, "a slide is laid out once, and again after the screen changes") {
    SceneCache cache(measure, {800, 480}, 48, deck.slides.size());
    const Scene* first = &cache.scene(deck, 0);
    const int px = first->texts.front().px;
    CHECK(&cache.scene(deck, 0) == first);
    cache.resize({1920, 1080}, 96);
    CHECK(cache.scene(deck, 0).texts.front().px > px);
}

TEST_CASE_METHOD(Fixture, "a waiting deck is laid out a few slides at a time, then complete") {
    SceneCache cache(measure, {800, 480}, 48, deck.slides.size());
    REQUIRE(deck.slides.size() == 2);
    CHECK_FALSE(cache.all_laid_out());
    CHECK_FALSE(cache.lay_out_some(deck, 1));
    CHECK(cache.lay_out_some(deck, 1));
    CHECK(cache.all_laid_out());
    cache.reset(deck.slides.size()); // a new deck: nothing laid out
    CHECK_FALSE(cache.all_laid_out());
}

TEST_CASE_METHOD(Fixture, "the next slide is rasterised ahead once per layout") {
    SceneCache cache(measure, {800, 480}, 48, deck.slides.size());
    CHECK(cache.prepare_once(1));
    CHECK_FALSE(cache.prepare_once(1));
    cache.resize({1280, 720}, 64); // new layouts: new textures to make
    CHECK(cache.prepare_once(1));
}

TEST_CASE_METHOD(Fixture, "the frame of the attract loop holds the slide, its footer and the "
                          "invitation") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const Frame f = app.frame(0);
    REQUIRE(f.slides.size() == 1);
    CHECK(frame_has_text(f, "Hallo"));
    REQUIRE(f.footer);
    REQUIRE(f.footer->counter);
    CHECK(f.footer->counter->text == "1 / 2");
    CHECK(f.views.empty());
    CHECK(f.panels.empty());
}

TEST_CASE_METHOD(Fixture, "mid-transition the frame holds both slides, one on each side") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(InputEvent::key_press(Key::Next), 1);
    app.update(1.05);
    const Frame f = app.frame(1.05);
    REQUIRE(f.slides.size() == 2);
    CHECK(f.footer == std::nullopt); // browsing: the chrome says where the visitor is
    CHECK_FALSE(f.views.empty());    // the chrome
}

TEST_CASE_METHOD(Fixture, "an open overview covers the slides: they are not in the frame") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.handle(InputEvent::pointer_event(InputEvent::Type::PointerDown, 400, 200, 1, 1), 1);
    app.handle(InputEvent::pointer_event(InputEvent::Type::PointerUp, 400, 200, 1, 1.05), 1.05);
    // that touch woke the kiosk: the controls appear
    app.update(2);
    app.draw(canvas, 2);
    const Button* overview = nullptr;
    for (const auto& b : app.buttons())
        if (b.action == Action::Overview) overview = &b;
    REQUIRE(overview);
    const float x = overview->rect.x + overview->rect.w / 2.f;
    const float y = overview->rect.y + overview->rect.h / 2.f;
    app.handle(InputEvent::pointer_event(InputEvent::Type::PointerDown, x, y, 2, 3), 3);
    app.handle(InputEvent::pointer_event(InputEvent::Type::PointerUp, x, y, 2, 3.05), 3.05);
    app.update(10);
    REQUIRE(app.browser().view() == View::Overview);
    const Frame f = app.frame(10);
    CHECK(f.slides.empty());
    REQUIRE(f.views.size() == 1);
    CHECK(f.views[0].alpha.backdrop == 255);
}

TEST_CASE_METHOD(Fixture, "a notice is a panel of the frame until its time is up, and each "
                          "change asks for one redraw") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    app.draw(canvas, 0);
    app.update(0.001);
    CHECK_FALSE(app.needs_redraw());
    app.notify({"Nieuwe inhoud"}, 1, 5);
    app.update(1);
    CHECK(app.needs_redraw());
    const Frame shown = app.frame(1);
    REQUIRE(shown.panels.size() == 1);
    app.draw(canvas, 1);
    CHECK(canvas.shows("Nieuwe inhoud"));
    app.update(1.01);
    CHECK_FALSE(app.needs_redraw());
    app.update(6.5);
    CHECK(app.needs_redraw()); // the notice went
    CHECK(app.frame(6.5).panels.empty());
}

TEST_CASE_METHOD(Fixture, "drawing a frame draws what it holds, and nothing when dark") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const Frame f = app.frame(0);
    draw_frame(canvas, f, deck.theme);
    CHECK(canvas.shows("Hallo"));
    CHECK(canvas.shows("1 / 2"));
    Frame dark;
    dark.dark = true;
    draw_frame(canvas, dark, deck.theme);
    CHECK(canvas.texts.empty());
    CHECK(canvas.fills.empty());
}

TEST_CASE_METHOD(Fixture, "the loop's fade dips through the background: never text over text") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    double t = 0;
    for (; !app.browser().slides().transition(t) && t < 120; t += 0.01)
        app.update(t);
    REQUIRE(app.browser().slides().transition(t));
    REQUIRE(app.browser().slides().transition(t)->fade);
    bool saw_old = false, saw_new = false;
    for (; app.browser().slides().transition(t); t += 0.01) {
        app.update(t);
        const Frame f = app.frame(t);
        REQUIRE(f.slides.size() == 1);
        const bool old_slide = frame_has_text(f, "Hallo");
        saw_old = saw_old || old_slide;
        saw_new = saw_new || !old_slide;
        CHECK((!saw_new || !old_slide)); // once the new slide shows, the old one is gone
    }
    CHECK(saw_old);
    CHECK(saw_new);
}

namespace {

// Runs the loop until its first round ends and the attract moment's menu is fully shown.
double until_menu(KioskApp& app) {
    double t = 0;
    for (; t < 600; t += 0.05) {
        app.update(t);
        if (app.browser().slides().loops_completed() > 0 && !app.frame(t).views.empty() &&
            app.frame(t).views.front().alpha.content == 255)
            return t;
    }
    return t;
}

} // namespace

TEST_CASE_METHOD(Fixture, "between rounds of the loop the findings show as a menu, and a tap on "
                          "a tile opens that finding") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const double t = until_menu(app);
    REQUIRE(t < 600);
    const Frame f = app.frame(t);
    CHECK(f.slides.empty()); // the menu covers the slides
    REQUIRE(app.buttons().size() == 1);
    const Rect tile = app.buttons().front().rect;
    const float x = tile.x + tile.w / 2.f, y = tile.y + tile.h / 2.f;
    app.handle(InputEvent::pointer_down(x, y, 1, t), t);
    app.update(t + 0.02);
    app.handle(InputEvent::pointer_up(x, y, 1, t + 0.05), t + 0.05);
    app.update(t + 1);
    CHECK(app.browser().mode() == Mode::Browsing);
    CHECK(app.browser().slides().current() == 1); // the finding's slide
}

TEST_CASE_METHOD(Fixture, "the menu goes by itself and the loop goes on") {
    KioskApp app(settings, deck, measure, canvas.sz, 0);
    const double t = until_menu(app);
    const double after = t + AttractMoment::length_s + 0.1;
    app.update(after);
    CHECK(app.frame(after).views.empty());
    CHECK(app.browser().mode() == Mode::Attract);
    CHECK(app.buttons().empty());
}
