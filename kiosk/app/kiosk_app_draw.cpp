// KioskApp, draw: the slides (mid-transition if need be), then whatever view is open over them,
// faded by its change, then the operator's status overlay.
#include "app/kiosk_app.h"

#include "view/frame.h"
#include "view/views.h"

#include <cmath>
#include <cstdio>

namespace kiosk {
namespace {

std::uint8_t alpha_of(double opacity) {
    return static_cast<std::uint8_t>(std::lround(255 * std::clamp(opacity, 0.0, 1.0)));
}

// How opaque a view is now: 1 when open, fading in or out while it changes.
double opacity_of(View v, View current, const std::optional<ViewChange>& change) {
    if (!change) return v == current ? 1 : 0;
    if (change->to == v) return ease_in_out(change->progress);
    if (change->from == v) return 1 - ease_in_out(change->progress);
    return 0;
}

std::string format_uptime(double s) {
    char text[48];
    const long total = static_cast<long>(s);
    std::snprintf(text, sizeof text, "%ld d %02ld:%02ld:%02ld", total / 86400, total / 3600 % 24,
                  total / 60 % 60, total % 60);
    return text;
}

// Frames further apart than this belong to different animations.
constexpr double max_frame_gap_s = 0.2;

// Frames per second over a run of frames; 0 for a run too short to say.
double frames_per_second(const std::deque<double>& times) {
    constexpr std::size_t enough = 10;
    if (times.size() < enough || times.back() <= times.front()) return 0;
    return static_cast<double>(times.size() - 1) / (times.back() - times.front());
}

// The kiosk draws only while something moves, so there is no rate while it stands still: the
// overlay shows the animation running now or, when none is, the last one that ran.
std::string frame_rate_text(double running, double last) {
    char text[48];
    if (running > 0)
        std::snprintf(text, sizeof text, "%.0f fps (animating now)", running);
    else if (last > 0)
        std::snprintf(text, sizeof text, "%.0f fps (last animation)", last);
    else
        std::snprintf(text, sizeof text, "no animation measured yet");
    return text;
}

} // namespace

std::vector<std::string> KioskApp::status_lines(double now) const {
    // The frames so far may be an animation that has ended since (the first frame after a pause
    // has not been drawn yet): then they are the last one.
    const bool running = !frame_times_.empty() && now - frame_times_.back() <= max_frame_gap_s;
    const double current = frames_per_second(frame_times_);
    const double last = !running && current > 0 ? current : last_animation_fps_;
    const std::string rate = frame_rate_text(running ? current : 0, last);
    std::vector<std::string> lines{
        deck_.title,
        "Version: " + deck_.version + " (" + deck_.id + ")",
        "From: " + origin_,
        "Last import: " + last_import_,
        "Problem: " + (problem_.empty() ? std::string("none") : problem_),
        "Slides: " + std::to_string(deck_.slides.size()) +
            ", findings: " + std::to_string(deck_.findings.size()),
        "Uptime: " + format_uptime(now - started_at_),
        "Screen: " + std::to_string(screen_.w) + "x" + std::to_string(screen_.h) +
            (renderer_.empty() ? "" : ", " + renderer_),
        std::string("Frame rate: ") + rate};
    if (status_figures_)
        for (auto& line : status_figures_(now))
            lines.push_back(std::move(line));
    return lines;
}

void KioskApp::draw_views(Canvas& canvas, double now) {
    const auto change = browser_.view_change(now);
    const View view = browser_.view();
    if (browser_.mode() == Mode::Browsing) {
        // The chrome belongs to the slides: it goes while a view's backdrop comes.
        const auto chrome = dip_alpha(opacity_of(View::Slides, view, change)).content;
        if (chrome > 0)
            draw_layer(canvas, this->chrome(browser_.slides().current()), deck_.theme, chrome);
    }
    if (const auto a = dip_alpha(opacity_of(View::Overview, view, change)); a.backdrop > 0) {
        draw_backdrop(canvas, deck_.theme, a.backdrop);
        if (a.content > 0) draw_layer(canvas, overview(), deck_.theme, a.content);
    }
    if (const auto a = dip_alpha(opacity_of(View::Reading, view, change));
        a.backdrop > 0 && browser_.reading_finding() >= 0) {
        draw_reading(canvas, reading(), deck_.theme,
                     {scroller_.offset(), scroller_.thumb_start(), scroller_.thumb_size()}, a);
    }
    if (!notice_.empty())
        draw_layer(canvas, text_panel(notice_, screen_, measure_, true), deck_.theme, 255);
    if (const int seconds = countdown(now); seconds >= 0)
        draw_layer(canvas, countdown_panel(deck_.ui.still_reading, seconds, screen_, measure_),
                   deck_.theme, 255);
    if (status_open_)
        draw_layer(canvas, text_panel(status_lines(now), screen_, measure_), deck_.theme, 255);
}

bool KioskApp::slides_covered(double now) const {
    const auto change = browser_.view_change(now);
    const View view = browser_.view();
    for (const View v : {View::Overview, View::Reading})
        if (dip_alpha(opacity_of(v, view, change)).backdrop == 255) return true;
    return false;
}

void KioskApp::draw(Canvas& canvas, double now) {
    if (dark_) {
        canvas.set_offset(0, 0);
        canvas.clear({0, 0, 0, 255});
        dirty_ = false;
        ++frames_drawn_;
        return;
    }
    drawn_shift_ = settings_.burn_in_shift ? burn_in_shift(now - started_at_) : PixelShift{};
    canvas.set_offset(drawn_shift_.dx, drawn_shift_.dy);
    const auto& nav = browser_.slides();
    FrameState state;
    state.slide = nav.current();
    state.count = nav.count();
    state.transition = nav.transition(now);
    state.mode = nav.mode();
    state.elapsed_fraction = nav.elapsed_fraction(now);
    state.drag_dx = state.transition || browser_.view() != View::Slides ? 0.f : gestures_.drag_dx();
    state.slide_s = current_duration();
    state.hint = touch_hint(); // every loop slide invites a touch
    // An overview or reading view whose backdrop is opaque covers the whole screen: the slide
    // beneath is not drawn (half the work of a scrolling frame, and its text need not stay
    // cached).
    if (slides_covered(now)) {
        canvas.clear(deck_.theme.background);
    } else {
        draw_frame(
            canvas, deck_, [this](int i) -> const Scene& { return scene(i); }, state, measure_);
    }
    if (outgoing_) {
        // Just after a deck switch the old slide fades out over the new one.
        const double t =
            (now - switched_at_) / std::max(0.001, deck_.timing.transition_ms / 1000.0);
        const auto fading = alpha_of(1 - ease_in_out(t));
        draw_backdrop(canvas, outgoing_theme_, fading);
        draw_scene(canvas, *outgoing_, outgoing_theme_, 0, fading);
    }
    draw_views(canvas, now);
    drawn_slide_ = state.slide;
    drawn_step_ = progress_step(state.elapsed_fraction, screen_, state.slide_s);
    drawn_mode_ = state.mode;
    drawn_view_ = browser_.view();
    drawn_countdown_ = countdown(now);
    drawn_animating_ = state.transition || browser_.view_change(now) || scroller_.moving();
    dirty_ = false;
    ++frames_drawn_;
    // Frame times of the current animation only: a pause ends it, and its rate is kept.
    if (!frame_times_.empty() && now - frame_times_.back() > max_frame_gap_s) {
        if (const double fps = frames_per_second(frame_times_); fps > 0) last_animation_fps_ = fps;
        frame_times_.clear();
    }
    frame_times_.push_back(now);
    if (frame_times_.size() > 120) frame_times_.pop_front();
}

void KioskApp::prepare_upcoming(Canvas& canvas, double now) {
    const auto& nav = browser_.slides();
    if (dark_ || pending_ || nav.count() < 2 || browser_.view() != View::Slides) return;
    if (nav.transition(now) || browser_.view_change(now) || gestures_.drag_dx() != 0) return;
    const int next = (nav.current() + 1) % nav.count();
    if (next == prepared_slide_) return;
    prepared_slide_ = next;
    for (const auto& t : scene(next).texts)
        canvas.prepare_text(t, ink_color(deck_.theme, t.ink));
}

} // namespace kiosk
