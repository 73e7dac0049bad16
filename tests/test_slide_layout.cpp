#include "layout/metrics.h"
#include "layout/slide_layout.h"
#include "support/deck_builder.h"
#include "support/fake_measure.h"
#include "support/typography.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace kiosk;

namespace {

const test::FakeMeasure measure;

Deck small_deck() {
    return *test::load_json(test::minimal_deck_json()).deck;
}

void require_inside(const Scene& scene, Rect box) {
    for (const auto& t : scene.texts) {
        INFO(t.text);
        CHECK(box.contains({t.x, t.y, t.w, t.h}));
    }
}

// A paragraph slide of `words` words, for slides that must shrink.
Slide wordy(int words, const std::string& title = "") {
    Slide s;
    s.kind = SlideKind::Paragraph;
    s.title = title;
    for (int i = 0; i < words; ++i)
        s.text += "woord ";
    return s;
}

} // namespace

TEST_CASE("body text is at least 1/24 of the screen height at 1920x1080") {
    const ScreenMetrics m({1920, 1080});
    CHECK(m.min_body_px() >= 1080 / 24);
    CHECK(m.body_px() >= m.min_body_px());
}

TEST_CASE("a short slide lays out at full size inside the content box") {
    const Deck deck = small_deck();
    for (Size size : {Size{1920, 1080}, Size{800, 480}, Size{1080, 1920}}) {
        const Scene scene = layout_slide(deck, deck.slides[1], size, measure);
        CHECK(scene.scale == 1.0);
        CHECK_FALSE(scene.below_minimum);
        require_inside(scene, ScreenMetrics(size).content_box());
    }
}

TEST_CASE("a points slide shows its kicker, heading, and emphasis") {
    const Deck deck = small_deck();
    const Scene scene = layout_slide(deck, deck.slides[1], {1920, 1080}, measure);
    REQUIRE(scene.texts.size() >= 4);
    CHECK(scene.texts[0].text == "Vaststelling 1 · Een");
    CHECK(scene.texts[0].ink == Ink::Accent);
    bool emphasised_b = false;
    for (const auto& t : scene.texts)
        emphasised_b |= t.text == "b" && t.ink == Ink::Emphasis;
    CHECK(emphasised_b);
}

TEST_CASE("long text shrinks to fit instead of clipping") {
    Deck deck = small_deck();
    const Slide s = wordy(60, "Titel");
    const Scene scene = layout_slide(deck, s, {800, 480}, measure);
    CHECK(scene.scale < 1.0);
    CHECK(scene.scale >= ScreenMetrics({800, 480}).min_scale() - 1e-9);
    CHECK_FALSE(scene.below_minimum);
    require_inside(scene, ScreenMetrics({800, 480}).content_box());
}

TEST_CASE("text that cannot fit at the minimum goes below it, flagged, still inside") {
    Deck deck = small_deck();
    const Slide s = wordy(600);
    const Scene scene = layout_slide(deck, s, {800, 480}, measure);
    CHECK(scene.below_minimum);
    require_inside(scene, ScreenMetrics({800, 480}).content_box());
}

TEST_CASE("title slides are centred vertically") {
    const Deck deck = small_deck();
    const Scene scene = layout_slide(deck, deck.slides[0], {1920, 1080}, measure);
    const Rect box = ScreenMetrics({1920, 1080}).content_box();
    REQUIRE_FALSE(scene.texts.empty());
    CHECK(scene.texts.front().y > box.y + box.h / 4);
}

TEST_CASE("a long word shrinks the slide rather than being split") {
    Deck deck = small_deck();
    Slide s;
    s.kind = SlideKind::Title;
    s.title = "Digitaliseringsbeleidsaanbevelingen";
    const Scene scene = layout_slide(deck, s, {800, 480}, measure);
    CHECK(scene.scale < 1.0);
    int title_lines = 0;
    for (const auto& t : scene.texts)
        title_lines += t.text.find("Digital") == 0;
    CHECK(title_lines == 1);
    for (const auto& t : scene.texts)
        CHECK(t.text.find("aanbevelingen") != 0);
}

TEST_CASE("a 4000-character word lays out, split into lines that fit") {
    Deck deck = small_deck();
    Slide s;
    s.kind = SlideKind::Title;
    s.title = std::string(4000, 'w');
    const Scene scene = layout_slide(deck, s, {800, 480}, measure);
    CHECK(scene.below_minimum);
    CHECK_FALSE(scene.overflows);
    std::size_t chars = 0;
    for (const auto& t : scene.texts)
        chars += t.text.size();
    CHECK(chars == 4000);
    require_inside(scene, ScreenMetrics({800, 480}).content_box());
}

TEST_CASE("text that cannot fit at any size is flagged as overflowing") {
    Deck deck = small_deck();
    Slide s;
    s.kind = SlideKind::Points;
    for (int i = 0; i < 7; ++i)
        s.points.push_back(std::string(20, '\n') + std::string(3000, 'x'));
    const Scene scene = layout_slide(deck, s, {800, 480}, measure);
    CHECK(scene.overflows);
}

TEST_CASE("a deck has one type scale: the largest at which every slide fits") {
    Deck deck = small_deck();
    deck.slides.push_back(wordy(60, "Titel"));
    const Size size{800, 480};
    const double scale = deck_type_scale(deck, size, measure);
    CHECK(scale < 1.0);
    CHECK(scale >= ScreenMetrics(size).min_scale());
    for (const auto& slide : deck.slides)
        CHECK(layout_slide(deck, slide, size, measure, scale).scale == scale);
}

TEST_CASE("a slide that cannot fit even at the minimum shrinks alone") {
    Deck deck = small_deck();
    deck.slides.push_back(wordy(600));
    const auto scenes = layout_deck(deck, {800, 480}, measure);
    CHECK(scenes[1].scale == 1.0);
    CHECK(scenes[2].below_minimum);
}

TEST_CASE("a slide's label keeps 1/24 of the shorter side when the slide shrinks") {
    Deck deck = small_deck();
    Slide s = deck.slides[1];
    for (int i = 0; i < 40; ++i)
        s.points.push_back("nog een punt met woorden");
    const Scene scene = layout_slide(deck, s, {800, 480}, measure);
    REQUIRE(scene.scale < 1.0);
    CHECK(scene.texts.front().text == "Vaststelling 1 · Een");
    CHECK(scene.texts.front().px >= 480 / 24);
}

TEST_CASE("the default deck's typography at five screen sizes (fake font)") {
    const Deck deck = *load_content_dir(KIOSK_SOURCE_CONTENT_DIR).deck;
    for (const Size size :
         {Size{800, 480}, Size{1280, 720}, Size{1920, 1080}, Size{1080, 1920}, Size{3840, 2160}})
        test::check_deck_typography(deck, size, measure);
}

TEST_CASE("the deck's typography checks catch what they look for") {
    CHECK(test::bad_break("de SERV-", "rondetafels") != "");
    CHECK(test::bad_break("via e-", "learning") != "");
    CHECK(test::bad_break("Sociaal-", "Economische") == "");
    CHECK(test::bad_break("Peter \u00B7", "02 209") != "");
    // Greedy "aaaa bbbb cccc dddd" / "eeee" at 20 characters: "dddd" could have moved down.
    Scene scene;
    const int lh = measure.line_height(10);
    scene.texts.push_back({"aaaa bbbb cccc dddd", FontStyle::Regular, 10, 0, 0, 95, lh});
    scene.texts.push_back({"eeee", FontStyle::Regular, 10, 0, lh, 20, lh});
    const auto paragraphs = test::paragraphs_of(scene, measure);
    REQUIRE(paragraphs.size() == 1);
    CHECK(test::lonely_last_word(paragraphs[0], measure));
    scene.texts[1].y += 1; // another paragraph: nothing to say
    CHECK_FALSE(test::lonely_last_word(test::paragraphs_of(scene, measure)[0], measure));
}

TEST_CASE("a QR slide prints the short address under the code, inside the screen") {
    test::FakeMeasure measure;
    Slide qr;
    qr.kind = SlideKind::Qr;
    qr.title = "Het verslag";
    qr.text = "Op de website van de SERV.";
    qr.url = "https://www.serv.be/";
    Deck deck;
    for (const Size screen : {Size{800, 480}, Size{1920, 1080}, Size{1080, 1920}}) {
        const Scene s = layout_slide(deck, qr, screen, measure);
        REQUIRE(s.images.size() == 1);
        const Rect code = s.images.front().rect;
        const auto address = std::find_if(s.texts.begin(), s.texts.end(),
                                          [](const SceneText& t) { return t.text == "serv.be"; });
        REQUIRE(address != s.texts.end());
        CHECK(address->y >= code.bottom());
        CHECK(address->y + address->h <= screen.h);
        CHECK(address->x >= 0);
        CHECK(address->x + address->w <= screen.w);
    }
}

TEST_CASE("the deck's logo heads the title and closing slides, above their text") {
    Deck deck = small_deck();
    SlideImage logo;
    logo.path = "/content/images/logo.png";
    logo.width = 400;
    logo.height = 100;
    deck.logo = logo;
    Slide closing;
    closing.kind = SlideKind::Closing;
    closing.title = "Meer weten?";
    closing.text = "Het volledige verslag staat op de website.";
    deck.slides = {deck.slides.front(), wordy(10, "Zonder logo"), closing};
    REQUIRE(deck.slides.front().kind == SlideKind::Title);
    for (const Size size : {Size{800, 480}, Size{1920, 1080}, Size{1080, 1920}}) {
        const ScreenMetrics m(size);
        const auto scenes = layout_deck(deck, size, measure);
        for (const std::size_t i : {0u, 2u}) {
            INFO("slide " << i + 1 << " at " << size.w << "x" << size.h);
            REQUIRE(scenes[i].images.size() == 1);
            const Rect r = scenes[i].images[0].rect;
            CHECK(scenes[i].images[0].source == logo.path);
            CHECK(r.x == m.content_box().x);
            CHECK(r.y == m.content_box().y);
            CHECK(std::abs(r.w - 4 * r.h) <= 4); // whole, in its own proportions
            CHECK(r.w <= m.content_box().w / 3);
            for (const auto& t : scenes[i].texts)
                CHECK(t.y >= r.bottom());
            require_inside(scenes[i], m.content_box());
        }
        CHECK(scenes[1].images.empty());
    }
}
