#include "app/kiosk_app.h"

#include "layout/metrics.h"
#include "layout/slide_layout.h"
#include "view/frame.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>

namespace kiosk {
namespace {

NavSettings nav_settings(const Settings& s, const Deck& d) {
    return {s.idle_return_s.value_or(d.timing.idle_return_s), d.timing.transition_ms / 1000.0};
}

GestureSettings gesture_settings(const Settings& s) {
    GestureSettings g;
    g.hold_s = s.status_hold_s;
    return g;
}

const char* view_name(View v) {
    switch (v) {
    case View::Slides:
        return "slides";
    case View::Overview:
        return "overview";
    case View::Reading:
        return "reading";
    }
    return "?";
}

const char* action_name(Action a) {
    switch (a) {
    case Action::Previous:
        return "previous";
    case Action::Next:
        return "next";
    case Action::Overview:
        return "overview";
    case Action::ReadMore:
        return "read_more";
    case Action::Close:
        return "close";
    case Action::OpenFinding:
        return "finding";
    case Action::ReadFinding:
        return "read_finding";
    case Action::None:
        break;
    }
    return "none";
}

} // namespace

KioskApp::KioskApp(const Settings& settings, Deck deck, const TextMeasure& measure, Size screen,
                   double now, std::ostream* trace)
    : settings_(settings), deck_(std::move(deck)), measure_(measure), screen_(screen),
      target_px_(touch_target_px(screen, 0)), browser_(make_browser(now)),
      gestures_(gesture_settings(settings), static_cast<float>(screen.w),
                static_cast<float>(screen.h)),
      scenes_(deck_.slides.size()), chromes_(deck_.slides.size()), trace_(trace), started_at_(now) {
    trace_state(now);
}

// A visitor in front of a finding's full text gets its reading time before the kiosk gives up.
Browser KioskApp::make_browser(double now) const {
    Browser browser(durations(), finding_slides(), nav_settings(settings_, deck_), now);
    std::vector<double> reading_s;
    for (const auto& finding : deck_.findings)
        reading_s.push_back(finding_reading_s(deck_, finding));
    browser.set_reading_times(std::move(reading_s));
    return browser;
}

// The last ten seconds, or the last third of a short idle time: a visitor who just touched the
// screen is never asked whether they are still there.
double KioskApp::countdown_window() const {
    return std::min(countdown_s, browser_.idle_return() / 3);
}

// The countdown's start, then each of its seconds (infinity in the loop).
double KioskApp::seconds_until_countdown_tick(double now) const {
    const double left = browser_.idle_left(now);
    if (browser_.mode() != Mode::Browsing) return left;
    const double window = countdown_window();
    return left > window ? left - window : std::max(0.01, left - std::floor(left));
}

int KioskApp::countdown(double now) const {
    const double left = browser_.idle_left(now);
    if (browser_.mode() != Mode::Browsing || left > countdown_window()) return -1;
    return static_cast<int>(std::ceil(left));
}

std::vector<double> KioskApp::durations() const {
    std::vector<double> out;
    for (const auto& s : deck_.slides)
        out.push_back(slide_duration_s(deck_, s));
    return out;
}

double KioskApp::current_duration() const {
    return slide_duration_s(deck_, deck_.slides[browser_.slides().current()]);
}

// The headline slide of each finding: where a tile in the overview leads.
std::vector<int> KioskApp::finding_slides() const {
    std::vector<int> out(deck_.findings.size(), -1);
    for (std::size_t i = 0; i < deck_.slides.size(); ++i) {
        const auto& s = deck_.slides[i];
        if (s.finding_index < 0 || out[s.finding_index] >= 0) continue;
        if (s.kind == SlideKind::Finding) out[s.finding_index] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < deck_.slides.size(); ++i) { // no headline: its first slide
        const int f = deck_.slides[i].finding_index;
        if (f >= 0 && out[f] < 0) out[f] = static_cast<int>(i);
    }
    return out;
}

void KioskApp::invalidate_layouts() {
    for (auto& s : scenes_)
        s.reset();
    for (auto& c : chromes_)
        c.reset();
    hint_.reset();
    overview_.reset();
    reading_.reset();
    prepared_slide_ = -1;
    dirty_ = true;
}

void KioskApp::resize(Size screen) {
    if (screen == screen_) return;
    screen_ = screen;
    target_px_ = touch_target_px(screen, 0);
    gestures_.resize(static_cast<float>(screen.w), static_cast<float>(screen.h));
    invalidate_layouts();
}

void KioskApp::set_dpi(double dpi) {
    target_px_ = touch_target_px(screen_, dpi);
    invalidate_layouts();
}

const Scene& KioskApp::scene(int slide) {
    auto& cached = scenes_.at(static_cast<std::size_t>(slide));
    if (!cached) cached = layout_slide(deck_, deck_.slides[slide], screen_, measure_);
    return *cached;
}

const Layer& KioskApp::chrome(int slide) {
    auto& cached = chromes_.at(static_cast<std::size_t>(slide));
    if (!cached) cached = browsing_chrome(deck_, slide, screen_, target_px_, measure_);
    return *cached;
}

// Laid out once per deck and screen, to the left of the widest slide counter ("30 / 30"), so it
// stands still from slide to slide.
const TouchHint* KioskApp::touch_hint() {
    if (!hint_) {
        const Rect track = progress_track(screen_);
        const int px = ScreenMetrics(screen_).footer_px();
        const std::string total = std::to_string(deck_.slides.size());
        const std::string widest =
            fill_template(deck_.ui.slide_counter, {{"n", total}, {"total", total}});
        const int right = track.x - 2 * px - measure_.text_width(widest, FontStyle::Regular, px);
        hint_ =
            touch_hint_layout(deck_.ui.touch_hint, screen_, right, track.y + track.h / 2, measure_);
    }
    return *hint_ ? &**hint_ : nullptr;
}

const Layer& KioskApp::overview() {
    if (!overview_) overview_ = overview_layer(deck_, screen_, target_px_, measure_);
    return *overview_;
}

const ReadingLayout& KioskApp::reading() {
    const int finding = browser_.reading_finding();
    if (!reading_ || reading_for_ != finding) {
        reading_ = reading_layout(deck_, finding, screen_, target_px_, measure_);
        reading_for_ = finding;
        scroller_.set_extent(reading_->body_height, reading_->viewport.h);
    }
    return *reading_;
}

const std::vector<Button>& KioskApp::buttons() {
    static const std::vector<Button> none;
    switch (browser_.view()) {
    case View::Overview:
        return overview().buttons;
    case View::Reading:
        return reading().fixed.buttons;
    case View::Slides:
        break;
    }
    if (browser_.mode() == Mode::Attract) return none;
    return chrome(browser_.slides().current()).buttons;
}

// One line per visible change, for tests that drive a real window: what is shown, and where its
// buttons are (so a test taps them without knowing the layout).
void KioskApp::trace_state(double now) {
    if (!trace_) return;
    std::ostringstream line;
    line << "slide " << browser_.slides().current() + 1 << "/" << browser_.slides().count() << " "
         << (browser_.mode() == Mode::Attract ? "attract" : "browsing")
         << " view=" << view_name(browser_.view());
    if (browser_.view() == View::Reading) {
        line << " finding=" << browser_.reading_finding() + 1;
        if (!scroller_.moving() && !scroller_.dragging())
            line << " scroll=" << static_cast<int>(scroller_.offset());
    }
    if (status_open_) line << " status";
    if (line.str() == traced_) return;
    traced_ = line.str();
    *trace_ << "t=" << now << " " << traced_;
    for (const auto& b : buttons())
        *trace_ << " " << action_name(b.action) << (b.index >= 0 ? std::to_string(b.index + 1) : "")
                << "@" << b.rect.x + b.rect.w / 2 << "," << b.rect.y + b.rect.h / 2;
    *trace_ << std::endl;
}

} // namespace kiosk

namespace kiosk {

void KioskApp::offer_deck(Deck deck, std::string origin) {
    const std::size_t n = deck.slides.size();
    pending_ = Pending{std::move(deck), std::move(origin), std::vector<std::optional<Scene>>(n), 0};
    dirty_ = true;
}

// A couple of slides per wake-up, so laying out a new deck never stalls an animation.
void KioskApp::prepare_pending(double now) {
    if (!pending_) return;
    for (int i = 0; i < 2 && pending_->laid_out < pending_->scenes.size();
         ++i, ++pending_->laid_out) {
        const auto k = pending_->laid_out;
        pending_->scenes[k] =
            layout_slide(pending_->deck, pending_->deck.slides[k], screen_, measure_);
    }
    const bool ready = pending_->laid_out == pending_->scenes.size();
    // An author editing a folder wants to see the change now; a visitor is never interrupted.
    const bool may_switch = settings_.content_root.empty() || browser_.mode() == Mode::Attract;
    if (ready && may_switch && !browser_.slides().transition(now)) switch_to_pending(now);
}

void KioskApp::switch_to_pending(double now) {
    finish_stats(now); // the new deck numbers its slides afresh
    outgoing_ = scene(browser_.slides().current());
    outgoing_theme_ = deck_.theme;
    switched_at_ = now;
    const bool keep_place = settings_.content_root.empty(); // an author stays on their slide
    const int slide = keep_place ? browser_.slides().current() : 0;
    deck_ = std::move(pending_->deck);
    origin_ = std::move(pending_->origin);
    scenes_ = std::move(pending_->scenes);
    pending_.reset();
    prepared_slide_ = -1;
    chromes_.assign(deck_.slides.size(), std::nullopt);
    hint_.reset();
    overview_.reset();
    reading_.reset();
    browser_ = make_browser(now);
    if (keep_place && slide > 0)
        browser_.go_to_slide(std::min<int>(slide, deck_.slides.size() - 1), now);
    gestures_.reset();
    scroller_ = KineticScroller();
    problem_.clear();
    dirty_ = true;
    if (trace_)
        *trace_ << "t=" << now << " deck " << origin_ << " " << deck_.slides.size() << " slides"
                << std::endl;
    trace_state(now);
}

void KioskApp::notify(std::vector<std::string> lines, double now, double seconds) {
    notice_ = std::move(lines);
    notice_until_ = now + seconds;
    dirty_ = true;
    // In the journal too: an operator (and the emulated machine's checks) can tell what the
    // screen said to the organiser, and when.
    std::cerr << "kiosk: on screen:";
    for (const auto& l : notice_)
        std::cerr << " " << l;
    std::cerr << '\n';
    if (!trace_) return;
    *trace_ << "t=" << now << " notice:";
    for (const auto& l : notice_)
        *trace_ << " " << l;
    *trace_ << std::endl;
}

} // namespace kiosk

namespace kiosk {

void KioskApp::set_open(bool open, double now) {
    open_ = open;
    const bool dark = !open_ && now >= woken_until_;
    if (dark == dark_) return;
    dark_ = dark;
    dirty_ = true;
    if (trace_) *trace_ << "t=" << now << (dark_ ? " dark" : " lit") << std::endl;
}

} // namespace kiosk
