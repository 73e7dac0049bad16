#pragma once
// The views that open over the slides while a visitor browses: the overview of the findings as
// tiles, a finding's full text for reading, and the operator's status overlay.
#include "content/deck.h"
#include "layout/chrome.h"

#include <string>
#include <vector>

namespace kiosk {

// The findings as tiles (number and short title), each a button, and a way back.
Layer overview_layer(const Deck& deck, Size screen, int target_px, const TextMeasure& measure);

// Tiles in a grid shaped to the screen: 4x2 for seven findings in landscape, 2x4 in portrait.
struct Grid {
    int cols = 1, rows = 1;
};
Grid grid_for(int items, Rect area);

// The reading view: the heading scrolls away with the text (at 800x480 a pinned heading took 40 %
// of the height), and once it has gone a one-line heading stays at the top, on its band.
struct ReadingLayout {
    Layer fixed;          // the bar's buttons; does not scroll
    Scene heading;        // the label and the finding's title, y from 0 at the top of the viewport
    Scene body;           // the finding's text, below the heading in the same coordinates
    Layer compact;        // the pinned one-line heading, on a band across the top
    int compact_from = 0; // the scroll offset from which `compact` shows
    int compact_bottom = 0; // where its band and rule end: the text shows below it then
    Rect viewport;          // where the heading and the body show
    int body_height = 0;    // of the heading and the body together
    Rect scroll_track;      // the scroll position indicator's track
};

ReadingLayout reading_layout(const Deck& deck, int finding, Size screen, int target_px,
                             const TextMeasure& measure);

// A box of plain lines in the middle of the screen (the status overlay; notices have their own
// band, layout/notice.h).
Layer text_panel(const std::vector<std::string>& lines, Size screen, const TextMeasure& measure);

// The question before the idle return ("Nog aan het lezen? ..."), with the seconds left large
// below it, in the middle of the screen: it must be seen from a step back. A touch anywhere
// answers it (any touch is activity), so it needs no button of its own.
Layer countdown_panel(const std::string& question, int seconds, Size screen,
                      const TextMeasure& measure);

} // namespace kiosk
