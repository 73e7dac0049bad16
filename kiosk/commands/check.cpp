// --check: everything an author needs to hear about a content folder before it goes on a screen,
// content errors and warnings first, then layout at the sizes the kiosk meets in practice.
#include "commands/check.h"

#include "commands/bundle_command.h"
#include "commands/typesetting.h"

#include "content/loader.h"
#include "content/utf8.h"
#include "layout/metrics.h"
#include "layout/slide_layout.h"
#include "render/font_set.h"
#include "render/sdl_session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

namespace kiosk {
namespace {

// 800x480 is the Pi's 7-inch touchscreen, the tightest screen a deck must read on.
constexpr Size check_sizes[] = {{800, 480}, {1920, 1080}, {1080, 1920}};

void check_layout(const Deck& deck, const TextMeasure& fonts, Diagnostics& d) {
    for (const Size size : check_sizes) {
        const ScreenMetrics m(size);
        const auto scenes = layout_deck(deck, size, fonts); // as the kiosk shows them
        for (std::size_t i = 0; i < deck.slides.size(); ++i) {
            const Scene& scene = scenes[i];
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

// The code point at offset in valid UTF-8 (the loader has checked it), advancing offset.
char32_t next_code_point(std::string_view s, std::size_t& offset) {
    const auto lead = static_cast<unsigned char>(s[offset]);
    const std::size_t n = std::min(utf8_sequence_length(lead), s.size() - offset);
    char32_t c = n == 1 ? lead : lead & (0x7f >> n);
    for (std::size_t i = 1; i < n; ++i)
        c = (c << 6) | (static_cast<unsigned char>(s[offset + i]) & 0x3f);
    offset += n;
    return c;
}

std::string code_point_name(char32_t c) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    return name;
}

// Characters the font has no glyph for (emoji, Arabic, Hebrew, CJK with Inter) would show as
// empty boxes: one warning per place names them, the first five, so the author can replace them.
class MissingGlyphs {
  public:
    explicit MissingGlyphs(const FontSet& fonts) : fonts_(fonts) {}

    void scan(const std::string& text, FontStyle style) {
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t start = i;
            const char32_t c = next_code_point(text, i);
            if (c == '\n' || fonts_.has_glyph(c, style)) continue;
            if (++count_ <= 5)
                names_.push_back(code_point_name(c) + " '" + text.substr(start, i - start) + "'");
        }
    }

    void report(const std::string& pointer, Diagnostics& d) {
        if (count_ == 0) return;
        std::string list;
        for (const auto& n : names_)
            list += (list.empty() ? "" : ", ") + n;
        if (count_ > 5) list += " and " + std::to_string(count_ - 5) + " more";
        d.warning(pointer, std::to_string(count_) +
                               " character(s) the font cannot show, drawn as empty boxes: " + list);
        count_ = 0;
        names_.clear();
    }

  private:
    const FontSet& fonts_;
    int count_ = 0;
    std::vector<std::string> names_;
};

void check_glyphs(const Deck& deck, const FontSet& fonts, Diagnostics& d) {
    MissingGlyphs missing(fonts);
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        // Each run as laid out, in the style it is drawn in.
        for (const auto& t : layout_slide(deck, deck.slides[i], {1920, 1080}, fonts).texts)
            missing.scan(t.text, t.style);
        missing.report("/slides/" + std::to_string(i), d);
    }
    for (std::size_t k = 0; k < deck.findings.size(); ++k) {
        const auto& f = deck.findings[k];
        missing.scan(f.title, FontStyle::Bold);
        missing.scan(f.short_title, FontStyle::Bold);
        for (const auto& paragraph : f.details)
            missing.scan(paragraph, FontStyle::Regular);
        missing.report("/findings/" + std::to_string(k), d);
    }
}

} // namespace

int run_check(const Settings& settings) {
    auto loaded = load_content_dir(settings.content.content_dir);
    auto& d = loaded.diagnostics;
    if (loaded.deck) {
        SdlSession sdl(0);
        std::string error;
        auto fonts = sdl.ok() ? FontSet::open(settings.display.font_dir, error) : std::nullopt;
        if (fonts) {
            check_layout(*loaded.deck,
                         typesetting(*fonts, settings.display, loaded.deck->language, std::cerr),
                         d);
            check_glyphs(*loaded.deck, *fonts, d);
        } else
            d.warning("", "layout not checked: " + (sdl.ok() ? error : std::string(sdl.error())));
    }
    check_bundle(settings, settings.content.content_dir, d);
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
