// --check: everything an author needs to hear about a content folder before it goes on a screen,
// content errors and warnings first, then layout at the sizes the kiosk meets in practice.
#include "app/run_kiosk.h"

#include "app/bundle_command.h"

#include "content/loader.h"
#include "layout/metrics.h"
#include "layout/slide_layout.h"
#include "render/font_set.h"

#include <cmath>
#include <iostream>

namespace kiosk {
namespace {

// 800x480 is the Pi's 7-inch touchscreen, the tightest screen a deck must read on.
constexpr Size check_sizes[] = {{800, 480}, {1920, 1080}, {1080, 1920}};

void check_layout(const Deck& deck, const FontSet& fonts, Diagnostics& d) {
    for (const Size size : check_sizes) {
        const ScreenMetrics m(size);
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            const Scene scene = layout_slide(deck, deck.slides[i], size, fonts);
            if (scene.overflows) {
                d.error("/slides/" + std::to_string(i),
                        "at " + std::to_string(size.w) + "x" + std::to_string(size.h) +
                            " the text does not fit even at the smallest size");
                continue;
            }
            if (!scene.below_minimum) continue;
            const int percent = static_cast<int>(std::lround(100 * scene.scale / m.min_scale()));
            d.warning("/slides/" + std::to_string(i),
                      "at " + std::to_string(size.w) + "x" + std::to_string(size.h) +
                          " the text only fits at " + std::to_string(percent) +
                          "% of the readable minimum size; shorten the slide");
        }
    }
}

} // namespace

int run_check(const Settings& settings) {
    auto loaded = load_content_dir(settings.content_dir);
    auto& d = loaded.diagnostics;
    if (loaded.deck) {
        SdlSession sdl(0);
        std::string error;
        auto fonts = sdl.ok() ? FontSet::open(settings.font_dir, error) : std::nullopt;
        if (fonts)
            check_layout(*loaded.deck, *fonts, d);
        else
            d.warning("", "layout not checked: " + (sdl.ok() ? error : std::string(sdl.error())));
    }
    check_bundle(settings, settings.content_dir, d);
    for (const auto& item : d.items)
        std::cout << to_string(item) << '\n';
    const int errors = d.count(Severity::Error);
    const int warnings = d.count(Severity::Warning);
    std::cout << d.file << ": " << errors << " error(s), " << warnings << " warning(s)";
    if (loaded.deck) std::cout << ", " << loaded.deck->slides.size() << " slides";
    std::cout << '\n';
    return errors > 0 ? 1 : 0;
}

} // namespace kiosk
