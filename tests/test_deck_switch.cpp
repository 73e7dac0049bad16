// A new deck on its way in: laid out a little at a time, taken whole, the old slide fading out;
// and when a switch may happen at all.
#include "app/deck_browser.h"
#include "app/deck_switch.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

constexpr Size screen{1280, 720};

Deck deck_of(int slides) {
    auto j = test::minimal_deck_json();
    while (static_cast<int>(j["slides"].size()) < slides)
        j["slides"].push_back({{"kind", "points"}, {"title", "Meer"}, {"points", {"x"}}});
    return *test::load_json(j).deck;
}

} // namespace

TEST_CASE("a waiting deck is laid out two slides per step, for the screen of the moment") {
    test::FakeMeasure measure;
    DeckSwitch s;
    CHECK_FALSE(s.prepare(screen, 48)); // nothing waits
    Deck d = deck_of(5);
    SceneCache scenes(measure, {800, 480}, 40, d.slides.size());
    s.offer({std::move(d), "stick", std::move(scenes)});
    CHECK(s.pending());
    CHECK_FALSE(s.prepare(screen, 48));
    CHECK_FALSE(s.prepare(screen, 48));
    CHECK_FALSE(s.prepared());
    CHECK(s.prepare(screen, 48));
    CHECK(s.prepared());

    const Scene leaving;
    const auto incoming = s.take(leaving, Theme{}, 10);
    CHECK_FALSE(s.pending());
    CHECK(incoming.origin == "stick");
    CHECK(incoming.scenes.screen() == screen); // laid out for the screen it will show on
    CHECK(incoming.scenes.target_px() == 48);
    CHECK(s.serial() == 1);
}

TEST_CASE("the old deck's slide fades out over the new one, then is gone") {
    test::FakeMeasure measure;
    DeckSwitch s;
    Deck d = deck_of(2);
    SceneCache scenes(measure, screen, 48, d.slides.size());
    s.offer({std::move(d), "folder", std::move(scenes)});
    CHECK_FALSE(s.outgoing(0, 0.5));
    s.take(Scene{}, Theme{}, 10);
    REQUIRE(s.outgoing(10, 0.5));
    CHECK(s.outgoing(10, 0.5)->alpha == 255);
    CHECK(s.outgoing(10.25, 0.5)->alpha == Approx(128).margin(2));
    s.expire(10.4, 0.5);
    CHECK(s.fading());
    s.expire(10.5, 0.5);
    CHECK_FALSE(s.fading());
    CHECK_FALSE(s.outgoing(10.5, 0.5));
}

TEST_CASE("a switch waits for the visitor, and a hall switches as its loop begins again") {
    const Deck d = deck_of(3);
    Browser b = browser_for(d, std::nullopt, 0);
    const double slide_s = slide_duration_s(d, d.slides[0]);
    CHECK(may_switch(b, false, false, slide_s, 1));
    CHECK(may_switch(b, false, true, slide_s, 1));          // the loop's first slide, early
    CHECK_FALSE(may_switch(b, false, true, slide_s, 2.0));  // too late in the first slide
    b.activity(3);                                          // a visitor touches
    CHECK_FALSE(may_switch(b, false, false, slide_s, 3));
    CHECK(may_switch(b, true, false, slide_s, 3)); // an author editing sees the change at once
}
