#include "app/frame_composer.h"

#include "layout/footer.h"
#include "nav/countdown.h"
#include "view/compose.h"

#include <algorithm>
#include <limits>

namespace kiosk {
namespace {

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

void compose_loop(Frame& f, const FrameSources& s, double now) {
    const auto& nav = s.browser.slides();
    FrameState state;
    state.slide = nav.current();
    state.count = nav.count();
    state.transition = nav.transition(now);
    state.mode = nav.mode();
    state.elapsed_fraction = nav.elapsed_fraction(now);
    const bool still = !state.transition && s.browser.view() == View::Slides;
    state.drag_dx = still ? s.input.gestures().drag_dx() : 0.f;
    state.slide_s = current_duration(s.deck, s.browser);
    state.hint = s.scenes.touch_hint(s.deck); // every loop slide invites a touch
    compose_slides(
        f, s.deck, [&s](int i) -> const Scene& { return s.scenes.scene(s.deck, i); }, state,
        s.scenes.screen(), s.measure);
}

// The attract moment: the findings as a menu, and the invitation to touch in its usual place.
void compose_menu(Frame& f, const FrameSources& s, LayerAlpha alpha) {
    f.views.push_back({&s.scenes.attract_menu(s.deck), alpha});
    if (const TouchHint* hint = s.scenes.touch_hint(s.deck); hint && alpha.content > 0) {
        f.views.push_back({&hint->pill, {0, alpha.content}});
        f.views.push_back({&hint->ring, {0, alpha.content}});
    }
}

void compose_views(Frame& f, const FrameSources& s, double now) {
    const Browser& browser = s.browser;
    if (browser.mode() == Mode::Browsing) {
        // The chrome belongs to the slides: it goes while a view's backdrop comes.
        const auto chrome = dip_alpha(opacity_of(View::Slides, browser, now)).content;
        if (chrome > 0)
            f.views.push_back({&s.scenes.chrome(s.deck, browser.slides().current()), {0, chrome}});
    }
    if (const auto a = dip_alpha(opacity_of(View::Overview, browser, now)); a.backdrop > 0)
        f.views.push_back({&s.scenes.overview(s.deck), a});
    if (const auto a = dip_alpha(opacity_of(View::Reading, browser, now));
        a.backdrop > 0 && browser.reading_finding() >= 0) {
        const auto& scroller = s.input.scroller();
        const ScrollState scroll{scroller.offset(), scroller.thumb_start(), scroller.thumb_size()};
        f.reading = Frame::Reading{&s.scenes.reading(s.deck, browser.reading_finding()), scroll, a};
    }
}

void compose_panels(Frame& f, const FrameSources& s, double now) {
    const Size screen = s.scenes.screen();
    if (const Layer* notice = s.overlays.notice(screen)) f.panels.push_back(notice);
    const int seconds = countdown_seconds(s.browser, now);
    if (const Layer* c = s.overlays.countdown(s.deck.ui.still_reading, seconds, screen))
        f.panels.push_back(c);
    if (!s.status.is_open()) return;
    const double next = s.browser.mode() == Mode::Attract
                            ? s.browser.slides().seconds_until_change(now)
                            : std::numeric_limits<double>::infinity();
    f.panels.push_back(s.overlays.status(s.status.lines(s.deck, screen, now, next), screen));
}

// The next time the loop's time-left bar loses a step.
double seconds_until_step(const FrameSources& s, const FrameKey& drawn, double now) {
    if (drawn.dark || s.browser.mode() != Mode::Attract)
        return std::numeric_limits<double>::infinity();
    const double duration = current_duration(s.deck, s.browser);
    const int steps = progress_steps(s.scenes.screen(), duration);
    const double next_fraction = static_cast<double>(drawn.step + 1) / steps;
    const double elapsed = s.browser.slides().elapsed_fraction(now);
    return std::max(0.0, (next_fraction - elapsed) * duration);
}

} // namespace

double seconds_until_frame_change(const FrameSources& s, const FrameKey& drawn, double now) {
    double wake =
        std::min({s.browser.seconds_until_change(now), seconds_until_countdown_tick(s.browser, now),
                  s.moment.seconds_until_change(now), seconds_until_step(s, drawn, now)});
    auto until = [now](double t) { return std::max(0.0, t - now); };
    if (s.overlays.notice_shown()) wake = std::min(wake, until(s.overlays.notice_until()));
    if (s.status.is_open()) wake = std::min(wake, until(s.status.closes_at()));
    return wake;
}

double current_duration(const Deck& deck, const Browser& browser) {
    return slide_duration_s(deck, deck.slides[browser.slides().current()]);
}

FrameKey frame_key(const FrameSources& s, bool dark, PixelShift shift, double now) {
    FrameKey k;
    k.dark = dark;
    if (k.dark) return k; // a dark screen is black, whatever the loop does
    const auto& nav = s.browser.slides();
    k.slide = nav.current();
    k.mode = nav.mode();
    k.view = s.browser.view();
    k.step = progress_step(nav.elapsed_fraction(now), s.scenes.screen(),
                           current_duration(s.deck, s.browser));
    k.countdown = countdown_seconds(s.browser, now);
    k.shift_x = shift.dx;
    k.shift_y = shift.dy;
    k.notice = s.overlays.notice_shown();
    k.status = s.status.is_open();
    k.outgoing = s.deck_switch.fading();
    k.menu = s.moment.showing(now);
    return k;
}

Frame compose_frame(const FrameSources& s, const FrameKey& key, double now) {
    Frame f;
    f.dark = key.dark;
    if (f.dark) return f;
    f.shift_x = key.shift_x;
    f.shift_y = key.shift_y;
    const auto menu = dip_alpha(s.moment.opacity(now));
    if (!slides_covered(s.browser, now) && menu.backdrop < 255) compose_loop(f, s, now);
    f.outgoing = s.deck_switch.outgoing(now, s.deck.timing.transition_ms / 1000.0);
    if (menu.backdrop > 0) compose_menu(f, s, menu);
    compose_views(f, s, now);
    compose_panels(f, s, now);
    return f;
}

} // namespace kiosk
