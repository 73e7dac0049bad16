// KioskApp: construction, screen changes, deck switches, notices and opening hours.
#include "app/kiosk_app.h"

#include "app/deck_browser.h"
#include "layout/slide_layout.h"
#include "nav/countdown.h"

#include <algorithm>
#include <iostream>

namespace kiosk {
namespace {

GestureSettings gesture_settings(const Settings& s) {
    GestureSettings g;
    g.hold_s = s.status_hold_s;
    return g;
}

} // namespace

KioskApp::KioskApp(const Settings& settings, Deck deck, const TextMeasure& measure, Size screen,
                   double now, std::ostream* trace)
    : settings_(settings), deck_(std::move(deck)), measure_(measure),
      browser_(browser_for(deck_, settings.idle_return_s, now)),
      gestures_(gesture_settings(settings), static_cast<float>(screen.w),
                static_cast<float>(screen.h)),
      cache_(measure, screen, touch_target_px(screen, 0), deck_.slides.size()), overlays_(measure),
      status_(now), trace_(trace, settings.hall_sync), started_at_(now) {
    status_.set_hall(settings.hall_sync);
    trace_state(now);
}

void KioskApp::resize(Size screen) {
    if (screen == cache_.screen()) return;
    cache_.resize(screen, touch_target_px(screen, 0));
    gestures_.resize(static_cast<float>(screen.w), static_cast<float>(screen.h));
    dirty_ = true;
}

void KioskApp::set_dpi(double dpi) {
    cache_.resize(cache_.screen(), touch_target_px(cache_.screen(), dpi));
    dirty_ = true;
}

double KioskApp::current_duration() const {
    return slide_duration_s(deck_, deck_.slides[browser_.slides().current()]);
}

// The reading view also tells the scroller how far its text goes.
const ReadingLayout& KioskApp::reading() {
    const auto& r = cache_.reading(deck_, browser_.reading_finding());
    scroller_.set_extent(r.body_height, r.viewport.h);
    return r;
}

const std::vector<Button>& KioskApp::buttons() {
    static const std::vector<Button> none;
    switch (browser_.view()) {
    case View::Overview:
        return cache_.overview(deck_).buttons;
    case View::Reading:
        return reading().fixed.buttons;
    case View::Slides:
        break;
    }
    if (browser_.mode() == Mode::Browsing)
        return cache_.chrome(deck_, browser_.slides().current()).buttons;
    return moment_.showing() ? cache_.attract_menu(deck_).buttons : none;
}

void KioskApp::trace_state(double now) {
    if (!trace_.on()) return;
    const Overlaid overlaid{status_.is_open(), countdown_seconds(browser_, now),
                            moment_.showing(now)};
    trace_.state(now, browser_, scroller_, overlaid,
                 [this]() -> const std::vector<Button>& { return buttons(); });
}

void KioskApp::offer_deck(Deck deck, std::string origin) {
    const std::size_t n = deck.slides.size();
    SceneCache scenes(measure_, cache_.screen(), cache_.target_px(), n);
    switch_.pending.emplace(DeckSwitch::Pending{std::move(deck), std::move(origin), std::move(scenes)});
    dirty_ = true;
}

// A couple of slides per wake-up, so laying out a new deck never stalls an animation.
void KioskApp::prepare_pending(double now) {
    auto& pending = switch_.pending;
    if (!pending) return;
    if (pending->scenes.screen() != cache_.screen())
        pending->scenes.resize(cache_.screen(), cache_.target_px());
    const bool ready = pending->scenes.lay_out_some(pending->deck, 2);
    if (ready && may_switch(now)) switch_to_pending(now);
}

// An author editing a folder wants to see the change now; a visitor is never interrupted; a
// hall in step switches as its loop begins again, so its screens change decks together.
bool KioskApp::may_switch(double now) const {
    const auto& nav = browser_.slides();
    if (nav.transition(now)) return false;
    if (settings_.content_root.empty()) return true;
    if (browser_.mode() != Mode::Attract) return false;
    constexpr double window_s = 1.5; // after the fade to the first slide, one wake at least
    return !settings_.hall_sync ||
           (nav.current() == 0 && nav.elapsed_fraction(now) * current_duration() < window_s);
}

void KioskApp::follow_hall(double wall_s) {
    if (settings_.hall_sync) browser_.follow_hall(wall_s);
}

void KioskApp::switch_to_pending(double now) {
    switch_.outgoing = scene(browser_.slides().current());
    switch_.outgoing_theme = deck_.theme;
    switch_.switched_at = now;
    ++switch_.serial;
    const bool keep_place = settings_.content_root.empty(); // an author stays on their slide
    const int slide = keep_place ? browser_.slides().current() : 0;
    deck_ = std::move(switch_.pending->deck);
    status_.set_origin(std::move(switch_.pending->origin));
    status_.set_problem("");
    cache_ = std::move(switch_.pending->scenes);
    switch_.pending.reset();
    const auto hall = browser_.slides().hall_wall();
    browser_ = browser_for(deck_, settings_.idle_return_s, now);
    if (hall) browser_.follow_hall(*hall);
    if (keep_place && slide > 0)
        browser_.go_to_slide(std::min<int>(slide, deck_.slides.size() - 1), now);
    gestures_.reset();
    scroller_ = KineticScroller();
    dirty_ = true;
    trace_.event(now, "deck " + status_.origin() + " " + std::to_string(deck_.slides.size()) +
                          " slides");
    trace_state(now);
}

void KioskApp::notify(std::vector<std::string> lines, double now, double seconds) {
    std::string said;
    for (const auto& l : lines)
        said += " " + l;
    overlays_.notify(std::move(lines), now + seconds);
    dirty_ = true;
    // In the journal too: an operator (and the emulated machine's checks) can tell what the
    // screen said to the organiser, and when.
    std::cerr << "kiosk: on screen:" << said << '\n';
    trace_.event(now, "notice:" + said);
}

void KioskApp::set_open(bool open, double now) {
    hours_.open = open;
    const bool dark = !open && now >= hours_.woken_until;
    if (dark == hours_.dark) return;
    hours_.dark = dark;
    dirty_ = true;
    trace_.event(now, dark ? "dark" : "lit");
}

Observed KioskApp::observed(double now) const {
    Observed o;
    o.now = o.wall = now;
    o.mode = browser_.mode();
    o.view = browser_.view();
    o.slide = browser_.slides().current();
    o.deck = switch_.serial;
    if (o.slide >= 0 && o.slide < static_cast<int>(deck_.slides.size())) {
        const auto& slide = deck_.slides[static_cast<std::size_t>(o.slide)];
        if (slide.finding_index >= 0)
            o.finding = deck_.findings[static_cast<std::size_t>(slide.finding_index)].number;
        o.qr = slide.kind == SlideKind::Qr;
    }
    const int reading = browser_.reading_finding();
    if (o.view == View::Reading && reading >= 0 &&
        reading < static_cast<int>(deck_.findings.size()))
        o.reading_finding = deck_.findings[static_cast<std::size_t>(reading)].number;
    return o;
}

} // namespace kiosk
