// libFuzzer target: markup and text layout on arbitrary (valid UTF-8) text, at a size taken from
// the input: every slide kind's layout must fit or report overflow, never crash or loop.
#include "content/markup.h"
#include "content/utf8.h"
#include "layout/slide_layout.h"
#include "support/fake_measure.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const kiosk::Size screen{64 + data[0] * 8, 64 + data[1] * 8};
    std::string text(reinterpret_cast<const char*>(data + 2), size - 2);
    if (text.size() > 4000 || kiosk::find_invalid_utf8(text)) return 0; // the loader's limits
    (void)kiosk::markup_problem(text);
    kiosk::test::FakeMeasure measure;
    kiosk::Deck deck;
    kiosk::Slide s;
    s.kind = kiosk::SlideKind::Paragraph;
    s.title = text.substr(0, text.size() / 4);
    s.text = text;
    (void)kiosk::layout_slide(deck, s, screen, measure);
    s.kind = kiosk::SlideKind::Points;
    s.points = {text, text.substr(text.size() / 2)};
    (void)kiosk::layout_slide(deck, s, screen, measure);
    return 0;
}
