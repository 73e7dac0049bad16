#include "nav/keys.h"

namespace kiosk {

bool browse_key(Browser& browser, Key key, double now) {
    switch (key) {
    case Key::Next:
        browser.next(now);
        break;
    case Key::Previous:
        browser.previous(now);
        break;
    case Key::First:
        browser.go_to_slide(0, now);
        break;
    case Key::Last:
        browser.go_to_slide(browser.slides().count() - 1, now);
        break;
    case Key::Escape:
        return true;
    case Key::Other:
        browser.activity(now);
        break;
    }
    return false;
}

void scroll_key(KineticScroller& scroller, Key key, double page, double now) {
    switch (key) {
    case Key::Next:
        scroller.scroll_by(page, now);
        break;
    case Key::Previous:
        scroller.scroll_by(-page, now);
        break;
    case Key::First:
        scroller.scroll_by(-scroller.max_offset(), now);
        break;
    case Key::Last:
        scroller.scroll_by(scroller.max_offset(), now);
        break;
    default:
        break;
    }
}

} // namespace kiosk
