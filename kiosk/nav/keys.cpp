#include "nav/keys.h"

#include "util/lookup.h"

namespace kiosk {
namespace {

// The four moving keys mean the same on the slides and in the reading view: a step back or
// forward, or all the way to the start or the end. Any other key does not move (direction 0).
struct Move {
    int direction = 0; // -1 back, +1 forward
    bool to_end = false;
};

constexpr Table<Key, Move, 4> moves{{
    {Key::Next, {+1, false}},
    {Key::Previous, {-1, false}},
    {Key::First, {-1, true}},
    {Key::Last, {+1, true}},
}};

} // namespace

bool browse_key(Browser& browser, Key key, double now) {
    if (key == Key::Escape) return true;
    const Move move = lookup(moves, key, Move{});
    if (move.direction == 0)
        browser.activity(now);
    else if (move.to_end)
        browser.go_to_slide(move.direction < 0 ? 0 : browser.slides().count() - 1, now);
    else if (move.direction > 0)
        browser.next(now);
    else
        browser.previous(now);
    return false;
}

void scroll_key(KineticScroller& scroller, Key key, double page, double now) {
    const Move move = lookup(moves, key, Move{});
    if (move.direction != 0)
        scroller.scroll_by(move.direction * (move.to_end ? scroller.max_offset() : page), now);
}

} // namespace kiosk
