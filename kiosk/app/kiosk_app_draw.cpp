// KioskApp, frame and draw: the layout phase composes the frame (the slides, mid-transition if
// need be, then whatever view is open over them, faded by its change, then the panels on top),
// and drawing only draws it.
#include "app/kiosk_app.h"

#include "app/schedule.h"
#include "nav/countdown.h"
#include "view/compose.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk {
namespace {

std::uint8_t alpha_of(double opacity) {
    return static_cast<std::uint8_t>(std::lround(255 * std::clamp(opacity, 0.0, 1.0)));
}

// How opaque a view is now: 1 when open, fading in or out while it changes.
double opacity_of(View v, const Browser& browser, double now) {
    const auto change = browser.view_change(now);
    if (!change) return v == browser.view() ? 1 : 0;
    if (change->to == v) return ease_in_out(change->progress);
    if (change->from == v) return 1 - ease_in_out(change->progress);
    return 0;
}

// An overview or reading view whose backdrop is opaque covers the whole screen: the slide beneath
// is not drawn (half the work of a scrolling frame, and its text need not stay cached).
bool slides_covered(const Browser& browser, double now) {
    for (const View v : {View::Overview, View::Reading})
        if (dip_alpha(opacity_of(v, browser, now)).backdrop == 255) return true;
    return false;
}

} // namespace

Frame KioskApp::frame(double now) {
    Frame f;
    f.dark = hours_.dark;
    if (f.dark) return f;
    const FrameKey k = key(now);
    f.shift_x = k.shift_x;
    f.shift_y = k.shift_y;
    const auto menu = dip_alpha(moment_.opacity(now));
    if (!slides_covered(browser_, now) && menu.backdrop < 255) {
        const auto& nav = browser_.slides();
        FrameState state;
        state.slide = nav.current();
        state.count = nav.count();
        state.transition = nav.transition(now);
        state.mode = nav.mode();
        state.elapsed_fraction = nav.elapsed_fraction(now);
        const bool still = !state.transition && browser_.view() == View::Slides;
        state.drag_dx = still ? gestures_.drag_dx() : 0.f;
        state.slide_s = current_duration();
        state.hint = cache_.touch_hint(deck_); // every loop slide invites a touch
        compose_slides(
            f, deck_, [this](int i) -> const Scene& { return scene(i); }, state,
            cache_.screen(), measure_);
    }
    if (switch_.outgoing) {
        // Just after a deck switch the old slide fades out over the new one.
        const double t = (now - switch_.switched_at) /
                         std::max(0.001, deck_.timing.transition_ms / 1000.0);
        f.outgoing = Frame::Outgoing{&*switch_.outgoing, &switch_.outgoing_theme,
                                     alpha_of(1 - ease_in_out(t))};
    }
    if (menu.backdrop > 0) compose_menu(f, menu);
    compose_views(f, now);
    compose_panels(f, now);
    return f;
}

// The attract moment: the findings as a menu, and the invitation to touch in its usual place.
void KioskApp::compose_menu(Frame& f, LayerAlpha alpha) {
    f.views.push_back({&cache_.attract_menu(deck_), alpha});
    if (const TouchHint* hint = cache_.touch_hint(deck_); hint && alpha.content > 0) {
        f.views.push_back({&hint->pill, {0, alpha.content}});
        f.views.push_back({&hint->ring, {0, alpha.content}});
    }
}

void KioskApp::compose_views(Frame& f, double now) {
    if (browser_.mode() == Mode::Browsing) {
        // The chrome belongs to the slides: it goes while a view's backdrop comes.
        const auto chrome = dip_alpha(opacity_of(View::Slides, browser_, now)).content;
        if (chrome > 0)
            f.views.push_back({&cache_.chrome(deck_, browser_.slides().current()), {0, chrome}});
    }
    if (const auto a = dip_alpha(opacity_of(View::Overview, browser_, now)); a.backdrop > 0)
        f.views.push_back({&cache_.overview(deck_), a});
    if (const auto a = dip_alpha(opacity_of(View::Reading, browser_, now));
        a.backdrop > 0 && browser_.reading_finding() >= 0) {
        const ScrollState scroll{scroller_.offset(), scroller_.thumb_start(),
                                 scroller_.thumb_size()};
        f.reading = Frame::Reading{&reading(), scroll, a};
    }
}

void KioskApp::compose_panels(Frame& f, double now) {
    const Size screen = cache_.screen();
    if (const Layer* notice = overlays_.notice(screen)) f.panels.push_back(notice);
    const int seconds = countdown_seconds(browser_, now);
    if (const Layer* c = overlays_.countdown(deck_.ui.still_reading, seconds, screen))
        f.panels.push_back(c);
    if (status_.is_open())
        f.panels.push_back(overlays_.status(status_.lines(deck_, screen, now, next_slide(now)),
                                            screen));
}

double KioskApp::next_slide(double now) const {
    if (browser_.mode() != Mode::Attract) return std::numeric_limits<double>::infinity();
    return browser_.slides().seconds_until_change(now);
}

void KioskApp::draw(Canvas& canvas, double now) {
    draw_frame(canvas, frame(now), deck_.theme);
    drawn_ = key(now);
    drawn_moving_ = browser_.slides().transition(now) || browser_.view_change(now) ||
                    scroller_.moving() || moment_.fading(now);
    dirty_ = false;
    ++frames_drawn_;
    if (!hours_.dark) status_.frame_drawn(now);
}

void KioskApp::prepare_upcoming(Canvas& canvas, double now) {
    const auto& nav = browser_.slides();
    if (hours_.dark || switch_.pending || nav.count() < 2 || browser_.view() != View::Slides)
        return;
    if (nav.transition(now) || browser_.view_change(now) || gestures_.drag_dx() != 0) return;
    const int next = (nav.current() + 1) % nav.count();
    if (!cache_.prepare_once(next)) return;
    for (const auto& t : scene(next).texts)
        canvas.prepare_text(t, ink_color(deck_.theme, t.ink));
}

} // namespace kiosk
