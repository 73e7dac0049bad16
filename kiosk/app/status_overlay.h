#pragma once
// The operator's status overlay: opened by a long press in a corner, it says which deck shows and
// where it came from, what the last import did, what went wrong, how long the kiosk has run, the
// renderer and the frame rate of the last animation. It keeps those facts as they are reported
// and the times of recent frames; the app only opens, closes and draws it.
#include "content/deck.h"
#include "layout/geometry.h"

#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace kiosk {

class StatusOverlay {
  public:
    explicit StatusOverlay(double started_at) : started_at_(started_at) {}

    void set_origin(std::string origin) { origin_ = std::move(origin); }
    void set_last_import(std::string result) { last_import_ = std::move(result); }
    void set_problem(std::string problem) { problem_ = std::move(problem); }
    // Which renderer draws ("opengles2, vsync on KMSDRM"): a blank screen's first suspect.
    void set_renderer(std::string renderer) { renderer_ = std::move(renderer); }
    // Extra lines (today's statistics), asked for each time the overlay is drawn.
    void set_figures(std::function<std::vector<std::string>(double now)> figures) {
        figures_ = std::move(figures);
    }
    // Hall sync on or off.
    void set_hall(bool on) { hall_ = on; }
    const std::string& origin() const { return origin_; }

    void open(double now, double seconds) {
        open_ = true;
        open_until_ = now + seconds;
    }
    void close() { open_ = false; }
    bool is_open() const { return open_; }
    // Closes an overlay whose time is up; true when it did.
    bool expire(double now) {
        if (!open_ || now < open_until_) return false;
        return close(), true;
    }
    // When an open overlay closes by itself; the loop wakes then.
    double closes_at() const { return open_until_; }

    // Each frame drawn, for the frame rate.
    void frame_drawn(double now);
    // next_slide_s: when the loop shows its next slide (infinity while a visitor browses).
    std::vector<std::string> lines(const Deck& deck, Size screen, double now,
                                   double next_slide_s) const;

  private:
    double started_at_;
    std::string origin_ = "built-in";
    std::string last_import_ = "none";
    std::string problem_;
    std::string renderer_;
    bool hall_ = false;
    std::function<std::vector<std::string>(double)> figures_;
    bool open_ = false;
    double open_until_ = 0;
    std::deque<double> frame_times_; // recent frames of the animation running now
    double last_animation_fps_ = 0;  // the rate of the last run of frames that ended
};

} // namespace kiosk
