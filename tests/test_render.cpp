// Drawing with SDL's software renderer on a plain surface: no window, no video driver.
#include "commands/export.h"
#include "content/loader.h"
#include "layout/chrome.h"
#include "layout/hyphenation.h"
#include "layout/metrics.h"
#include "layout/slide_layout.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"
#include "support/typography.h"

#include <SDL_image.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace kiosk;

namespace {

struct SdlFixture {
    SdlSession sdl{0};
    std::string error;
    std::optional<FontSet> fonts = FontSet::open(Settings{}.display.font_dir, error);
    Deck deck = *load_content_dir(KIOSK_SOURCE_CONTENT_DIR).deck;
    // The kiosk's own measure: Inter, and Dutch hyphenation (built once the fonts are there).
    std::optional<HyphenatedMeasure> measure;

    SdlFixture() {
        REQUIRE(fonts);
        measure.emplace(*fonts,
                        Hyphenator::open(Settings{}.display.hyphenation_dir, deck.language, error));
    }
    const TextMeasure& typeset() const { return *measure; }
};

Uint32 pixel_at(SDL_Surface* s, int x, int y) {
    return static_cast<const Uint32*>(s->pixels)[y * (s->pitch / 4) + x];
}

// Share of pixels close to a colour: text drawn in that colour shows up here.
double share_of_colour(SDL_Surface* s, Color c) {
    SDL_Surface* argb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    long hits = 0;
    for (int y = 0; y < argb->h; ++y)
        for (int x = 0; x < argb->w; ++x) {
            Uint8 r, g, b;
            SDL_GetRGB(pixel_at(argb, x, y), argb->format, &r, &g, &b);
            if (std::abs(r - c.r) + std::abs(g - c.g) + std::abs(b - c.b) < 30) ++hits;
        }
    SDL_FreeSurface(argb);
    return static_cast<double>(hits) / (s->w * s->h);
}

} // namespace

TEST_CASE_METHOD(SdlFixture, "every default slide fits at 800x480, 1920x1080 and 1080x1920") {
    for (const Size size : {Size{800, 480}, Size{1920, 1080}, Size{1080, 1920}}) {
        const Rect box = ScreenMetrics(size).content_box();
        const auto scenes = layout_deck(deck, size, typeset());
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            INFO("slide " << i + 1 << " at " << size.w << "x" << size.h);
            const Scene& scene = scenes[i];
            CHECK_FALSE(scene.below_minimum);
            for (const auto& t : scene.texts) {
                INFO(t.text);
                CHECK(box.contains({t.x, t.y, t.w, t.h}));
            }
        }
    }
}

TEST_CASE_METHOD(SdlFixture, "body text on the default deck stays at or above 1/24 of 1080") {
    for (const auto& scene : layout_deck(deck, {1920, 1080}, typeset())) {
        for (const auto& t : scene.texts) {
            if (t.ink == Ink::Accent) continue; // labels ("Vaststelling 3"), not body text
            INFO(t.text);
            CHECK(t.px >= 1080 / 24);
        }
    }
}

TEST_CASE_METHOD(SdlFixture, "the default deck's typography at five screen sizes (Inter)") {
    for (const Size size :
         {Size{800, 480}, Size{1280, 720}, Size{1920, 1080}, Size{1080, 1920}, Size{3840, 2160}})
        test::check_deck_typography(deck, size, typeset());
}

TEST_CASE_METHOD(SdlFixture, "overview, controls and reading view label at 1/24 (Inter)") {
    for (const Size size :
         {Size{800, 480}, Size{1280, 720}, Size{1920, 1080}, Size{1080, 1920}, Size{3840, 2160}})
        test::check_panel_labels(deck, size, typeset());
}

TEST_CASE_METHOD(SdlFixture, "the canvas draws text in its colour and caches the texture") {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 400, 200, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    REQUIRE(renderer);
    SdlCanvas canvas(renderer.get(), *fonts, {400, 200});
    canvas.clear({0, 0, 0, 255});
    CHECK(share_of_colour(surface.get(), {255, 255, 255, 255}) == 0);
    SceneText t{"Digitalisering", FontStyle::Bold, 40, 10, 10, 0, 0, Ink::Text};
    canvas.draw_text(t, {255, 255, 255, 255}, 0, 0, 255);
    CHECK(share_of_colour(surface.get(), {255, 255, 255, 255}) > 0.02);
    CHECK(canvas.text_cache().entries() == 1);
    canvas.draw_text(t, {255, 255, 255, 255}, 5, 0, 128);
    CHECK(canvas.text_cache().entries() == 1);
}

TEST_CASE_METHOD(SdlFixture, "the text cache stays within its byte budget") {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    TextCache cache(renderer.get(), *fonts, 200 * 1024);
    for (int i = 0; i < 200; ++i) {
        cache.begin_frame(); // one run a frame: earlier frames' runs may go
        REQUIRE(
            cache.get("regel " + std::to_string(i), FontStyle::Regular, 40, {255, 255, 255, 255}));
        CHECK(cache.bytes() <= 200 * 1024);
    }
    CHECK(cache.entries() < 200);
}

TEST_CASE_METHOD(SdlFixture, "a cached run holds its ink only, placed where TTF put it") {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    TextCache cache(renderer.get(), *fonts, 1 << 20);
    const Color white{255, 255, 255, 255};
    const auto* plain = cache.get("vaststelling", FontStyle::Regular, 40, white);
    const auto* spaced = cache.get("vaststelling   ", FontStyle::Regular, 40, white);
    REQUIRE(plain);
    REQUIRE(spaced);
    CHECK(spaced->w == plain->w);   // trailing spaces cost no texture
    CHECK(plain->h < plain->box_h); // the font's line box is taller than the ink
    CHECK(plain->y > 0);
    CHECK(plain->w <= fonts->text_width("vaststelling", FontStyle::Regular, 40));
    const auto* blank = cache.get("   ", FontStyle::Regular, 40, white);
    REQUIRE(blank);
    CHECK_FALSE(blank->texture); // nothing to show, nothing kept
    SdlCanvas canvas(renderer.get(), *fonts, {64, 64});
    canvas.draw_text({"   ", FontStyle::Regular, 40, 0, 0, 0, 0, Ink::Text}, white, 0, 0, 255);
}

TEST_CASE_METHOD(SdlFixture, "export writes one PNG per slide, each with visible text") {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk-export-test";
    std::filesystem::remove_all(dir);
    Settings s;
    s.content.content_dir = KIOSK_SOURCE_CONTENT_DIR;
    s.args.export_dir = dir;
    s.args.export_size = {800, 480};
    REQUIRE(run_export(s) == 0);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        (void)entry;
        ++files;
    }
    CHECK(files == deck.slides.size());
    for (const char* name : {"slide-01.png", "slide-05.png", "slide-29.png"}) {
        INFO(name);
        SurfacePtr png(IMG_Load((dir / name).string().c_str()));
        REQUIRE(png);
        CHECK(png->w == 800);
        CHECK(share_of_colour(png.get(), deck.theme.background) > 0.5);
        CHECK(share_of_colour(png.get(), deck.theme.text) > 0.003);
    }
    std::filesystem::remove_all(dir);
}

namespace {

// A content folder with a real photo-like PNG, a broken image and a QR slide.
std::filesystem::path media_content() {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk-media-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    SurfacePtr red(SDL_CreateRGBSurfaceWithFormat(0, 300, 200, 32, SDL_PIXELFORMAT_ARGB8888));
    SDL_FillRect(red.get(), nullptr, SDL_MapRGB(red->format, 220, 30, 30));
    IMG_SavePNG(red.get(), (dir / "red.png").string().c_str());
    // A valid header over a body that cannot decode: passes the loader, fails at draw time.
    std::ifstream in(dir / "red.png", std::ios::binary);
    std::string head(64, '\0');
    in.read(head.data(), 64);
    std::ofstream(dir / "broken.png", std::ios::binary)
        << head.substr(0, 33) << std::string(500, 'x');
    std::ofstream(dir / "deck.json")
        << R"({"schema": 1, "id": "m", "title": "M", "version": "1", "language": "nl",
      "slides": [
        {"kind": "image", "title": "Rood", "caption": "Een rode rechthoek", "image": {"src": "red.png"}},
        {"kind": "image", "title": "Kapot", "image": {"src": "broken.png"}},
        {"kind": "qr", "title": "Scan", "text": "Het verslag", "url": "https://www.serv.be"}]})";
    return dir;
}

} // namespace

TEST_CASE_METHOD(SdlFixture,
                 "image and QR slides export with their pictures; a broken image is left out") {
    const auto content = media_content();
    const auto out = content / "out";
    Settings s;
    s.content.content_dir = content;
    s.args.export_dir = out;
    s.args.export_size = {800, 480};
    REQUIRE(run_export(s) == 0);
    SurfacePtr red(IMG_Load((out / "slide-01.png").string().c_str()));
    REQUIRE(red);
    CHECK(share_of_colour(red.get(), {220, 30, 30, 255}) > 0.15);
    SurfacePtr broken(IMG_Load((out / "slide-02.png").string().c_str()));
    REQUIRE(broken);
    CHECK(share_of_colour(broken.get(), {220, 30, 30, 255}) == 0);
    CHECK(share_of_colour(broken.get(), {0xFF, 0xFF, 0xFF, 255}) > 0.001); // its title still shows
    SurfacePtr qr(IMG_Load((out / "slide-03.png").string().c_str()));
    REQUIRE(qr);
    CHECK(share_of_colour(qr.get(), {0, 0, 0, 255}) > 0.05);
    CHECK(share_of_colour(qr.get(), {255, 255, 255, 255}) > 0.05);
    std::filesystem::remove_all(content);
}

TEST_CASE_METHOD(SdlFixture, "emoji, combining marks and right-to-left text draw without harm") {
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, 800, 200, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    SdlCanvas canvas(renderer.get(), *fonts, {800, 200});
    const Color white{255, 255, 255, 255};
    for (const char* text : {"Feest \U0001F389\U0001F389", "e\u0301 n\u0303 a\u0308\u0301\u0302",
                             "\u05E9\u05DC\u05D5\u05DD and \u0634\u0643\u0631\u0627",
                             "\u200F\u202Emixed\u202C direction"}) {
        INFO(text);
        const int w = fonts->text_width(text, FontStyle::Regular, 40);
        CHECK(w > 0);
        CHECK(w < 800); // measured like any text: no runaway width
        const auto* entry = canvas.text_cache().get(text, FontStyle::Regular, 40, white);
        REQUIRE(entry);
        CHECK(entry->w <= w + 4);
        canvas.clear({0, 0, 0, 255});
        canvas.draw_text({text, FontStyle::Regular, 40, 10, 10, w, 52, Ink::Text}, white, 0, 0,
                         255);
    }
    CHECK_FALSE(fonts->has_glyph(0x1F389, FontStyle::Regular));
    CHECK(fonts->has_glyph(0x0301, FontStyle::Regular)); // Inter has the combining accents
}

TEST_CASE_METHOD(SdlFixture, "a browsing visitor's controls never touch a slide's text (Inter)") {
    for (const Size size :
         {Size{800, 480}, Size{1280, 720}, Size{1920, 1080}, Size{1080, 1920}, Size{3840, 2160}}) {
        const ScreenMetrics m(size);
        const auto scenes = layout_deck(deck, size, typeset());
        for (std::size_t i = 0; i < scenes.size(); ++i) {
            const Layer chrome = browsing_chrome(deck, static_cast<int>(i), size,
                                                 touch_target_px(size, 0), typeset());
            REQUIRE_FALSE(chrome.buttons.empty());
            int bar_top = size.h;
            for (const auto& b : chrome.buttons)
                bar_top = std::min(bar_top, b.rect.y);
            for (const auto& t : scenes[i].texts) {
                INFO("slide " << i + 1 << " at " << size.w << "x" << size.h << ": " << t.text);
                CHECK(t.y + t.h + m.unit / 40 <= bar_top);
            }
        }
    }
}
