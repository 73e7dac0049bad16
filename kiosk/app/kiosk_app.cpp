// KioskApp: construction, screen changes, deck switches, notices and opening hours.
#include "app/kiosk_app.h"

#include "app/deck_browser.h"
#include "app/frame_composer.h"
#include "layout/slide_layout.h"
#include "nav/countdown.h"

#include <algorithm>
#include <iostream>

namespace kiosk {
namespace {

GestureSettings gesture_settings(const Settings& s) {
    GestureSettings g;
    g.hold_s = s.visitor.status_hold_s;
    return g;
}

} // namespace

KioskApp::KioskApp(const Settings& settings, Deck deck, const TextMeasure& measure, Size screen,
                   double now, std::ostream* trace)
    : settings_(settings.visitor), running_{settings.content.content_root.empty(),
                                            settings.display.windowed,
                                            settings.hooks.exit_after_loops},
      deck_(std::move(deck)), measure_(measure),
      browser_(browser_for(deck_, settings.visitor.idle_return_s, now)),
      input_(gesture_settings(settings), screen, settings.visitor.status_corner),
      cache_(measure, screen, touch_target_px(screen, 0), deck_.slides.size()), overlays_(measure),
      status_(now), trace_(trace, settings.visitor.hall_sync), started_at_(now) {
    status_.set_hall(settings.visitor.hall_sync);
    start_preview(settings.hooks.preview_slide, settings.visitor.hall_sync, now);
    trace_state(now);
}

// --preview-slide N: the loop starts at slide N (counted from 1) and goes on from there, as it
// would have reached it, rather than pausing there as a visitor's jump would: an author sees the
// slide for its own time and the fade into the next. Past the deck's end: its last slide.
void KioskApp::start_preview(int slide, bool hall_sync, double now) {
    if (slide <= 0) return;
    if (hall_sync) {
        std::cerr << "kiosk: --preview-slide is ignored in a hall in step: the clock picks the "
                     "slide\n";
        return;
    }
    const int count = static_cast<int>(deck_.slides.size());
    if (slide > count) {
        std::cerr << "kiosk: --preview-slide " << slide << ": the deck has " << count
                  << " slides; starting at slide " << count << '\n';
        slide = count;
    }
    browser_.start_loop_at(slide - 1, now);
}

void KioskApp::resize(Size screen) {
    if (screen == cache_.screen()) return;
    cache_.resize(screen, touch_target_px(screen, 0));
    input_.resize(screen);
    dirty_ = true;
}

void KioskApp::set_dpi(double dpi) {
    cache_.resize(cache_.screen(), touch_target_px(cache_.screen(), dpi));
    dirty_ = true;
}

// The reading view also tells the scroller how far its text goes.
const ReadingLayout& KioskApp::reading() {
    const auto& r = cache_.reading(deck_, browser_.reading_finding());
    input_.scroller().set_extent(r.body_height, r.viewport.h);
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
    trace_.state(now, browser_, input_.scroller(), overlaid,
                 [this]() -> const std::vector<Button>& { return buttons(); });
}

void KioskApp::offer_deck(Deck deck, std::string origin) {
    SceneCache scenes(measure_, cache_.screen(), cache_.target_px(), deck.slides.size());
    switch_.offer({std::move(deck), std::move(origin), std::move(scenes)});
    dirty_ = true;
}

void KioskApp::prepare_pending(double now) {
    const double slide_s = current_duration(deck_, browser_);
    if (switch_.prepare(cache_.screen(), cache_.target_px()) &&
        may_switch(browser_, running_.author, settings_.hall_sync, slide_s, now))
        switch_to_pending(now);
}

void KioskApp::follow_hall(double wall_s) {
    if (settings_.hall_sync) browser_.follow_hall(wall_s);
}

void KioskApp::switch_to_pending(double now) {
    const bool keep_place = running_.author; // an author stays on their slide
    const int slide = keep_place ? browser_.slides().current() : 0;
    auto incoming = switch_.take(scene(browser_.slides().current()), deck_.theme, now);
    deck_ = std::move(incoming.deck);
    cache_ = std::move(incoming.scenes);
    status_.set_origin(std::move(incoming.origin));
    status_.set_problem("");
    const auto hall = browser_.slides().hall_wall();
    browser_ = browser_for(deck_, settings_.idle_return_s, now);
    if (hall) browser_.follow_hall(*hall);
    if (keep_place && slide > 0)
        browser_.go_to_slide(std::min<int>(slide, deck_.slides.size() - 1), now);
    input_.reset();
    input_.scroller() = KineticScroller();
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
    if (!lights_.set_open(open, now)) return;
    dirty_ = true;
    trace_.event(now, lights_.dark() ? "dark" : "lit");
}

Observed KioskApp::observed(double now) const {
    return observe(deck_, browser_, switch_.serial(), now);
}

} // namespace kiosk
