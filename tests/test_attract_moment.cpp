// The attract moment: the findings as a menu between rounds of the loop.
#include "app/attract_moment.h"
#include "layout/attract_menu.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("each new round of the loop shows the menu for a few seconds, fading in and out") {
    AttractMoment m;
    m.update(0, true, 0);
    CHECK_FALSE(m.showing(1)); // the first round starts with the slides
    m.update(1, true, 100);
    CHECK(m.fading(100.1));
    CHECK(m.opacity(101) == 1);
    CHECK(m.seconds_until_change(101) == Approx(AttractMoment::length_s - 1 - AttractMoment::fade_s));
    CHECK(m.fading(100 + AttractMoment::length_s - 0.1));
    CHECK_FALSE(m.showing(100 + AttractMoment::length_s));
    m.update(1, true, 110); // the same round: no second moment
    CHECK_FALSE(m.showing(111));
}

TEST_CASE("a visitor's touch ends the moment, and browsing through a round starts none") {
    AttractMoment m;
    m.update(1, true, 100);
    REQUIRE(m.showing(102));
    m.update(1, false, 102);
    CHECK_FALSE(m.showing(102.01));
    m.update(2, false, 150); // the visitor's own travels are not a new round
    m.update(2, true, 160);
    CHECK_FALSE(m.showing(161));
}

TEST_CASE("the menu is the overview's tiles, without a back button") {
    test::FakeMeasure measure;
    const Deck deck = *test::load_json(test::minimal_deck_json()).deck;
    const Layer menu = attract_menu(deck, {800, 480}, 48, measure);
    const Layer overview = overview_layer(deck, {800, 480}, 48, measure);
    CHECK(menu.buttons.size() + 1 == overview.buttons.size());
    for (const auto& b : menu.buttons)
        CHECK(b.action == Action::OpenFinding);
    for (const auto& t : menu.scene.texts)
        CHECK(t.text.find(deck.ui.back) == std::string::npos);
}

TEST_CASE("a short first slide shortens the moment: a short loop is not covered by its menu") {
    AttractMoment m;
    m.update(1, true, 100, 2);
    CHECK(m.showing(101));
    CHECK_FALSE(m.showing(102.01));
}
