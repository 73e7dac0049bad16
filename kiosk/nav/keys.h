#pragma once
// A keyboard (or a presenter's remote) on the kiosk: arrows and page keys move through the
// slides, or scroll the text in the reading view; any other key counts as a visitor's activity.
#include "input/input_event.h"
#include "nav/browser.h"
#include "nav/scroller.h"

namespace kiosk {

// On the slides. True for Escape, which the caller may take as "quit" (in a window only).
bool browse_key(Browser& browser, Key key, double now);
// In the reading view: a page is most of the viewport, so a line stays in sight across pages.
void scroll_key(KineticScroller& scroller, Key key, double page, double now);

} // namespace kiosk
