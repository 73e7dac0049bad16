#include "app/status_overlay.h"

#include <cmath>
#include <cstdio>

namespace kiosk {
namespace {

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

// Which loop this screen runs, and how far its clock can be trusted: two screens of one hall that
// show different digests run different loops.
std::string hall_line(bool on, const Deck& deck, double next_slide_s) {
    std::string line = std::string("Hall sync: ") + (on ? "on" : "off") + ", deck " + deck.digest;
    if (std::isfinite(next_slide_s)) {
        char next[48];
        std::snprintf(next, sizeof next, ", next slide in %.1f s", next_slide_s);
        line += next;
    }
    return line;
}

} // namespace

// Frame times of the current animation only: a pause ends it, and its rate is kept.
void StatusOverlay::frame_drawn(double now) {
    if (!frame_times_.empty() && now - frame_times_.back() > max_frame_gap_s) {
        if (const double fps = frames_per_second(frame_times_); fps > 0) last_animation_fps_ = fps;
        frame_times_.clear();
    }
    frame_times_.push_back(now);
    if (frame_times_.size() > 120) frame_times_.pop_front();
}

std::vector<std::string> StatusOverlay::lines(const Deck& deck, Size screen, double now,
                                              double next_slide_s) const {
    // The frames so far may be an animation that has ended since (the first frame after a pause
    // has not been drawn yet): then they are the last one.
    const bool running = !frame_times_.empty() && now - frame_times_.back() <= max_frame_gap_s;
    const double current = frames_per_second(frame_times_);
    const double last = !running && current > 0 ? current : last_animation_fps_;
    const std::string rate = frame_rate_text(running ? current : 0, last);
    std::vector<std::string> lines{
        deck.title,
        "Version: " + deck.version + " (" + deck.id + ")",
        "From: " + origin_,
        "Last import: " + last_import_,
        "Problem: " + (problem_.empty() ? std::string("none") : problem_),
        "Slides: " + std::to_string(deck.slides.size()) +
            ", findings: " + std::to_string(deck.findings.size()),
        "Uptime: " + format_uptime(now - started_at_),
        "Screen: " + std::to_string(screen.w) + "x" + std::to_string(screen.h) +
            (renderer_.empty() ? "" : ", " + renderer_),
        std::string("Frame rate: ") + rate,
        hall_line(hall_, deck, next_slide_s)};
    if (figures_)
        for (auto& line : figures_(now))
            lines.push_back(std::move(line));
    return lines;
}

} // namespace kiosk
