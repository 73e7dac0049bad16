#pragma once
// Kinetic scrolling for a long text on a touchscreen. The content follows the finger 1:1; on
// release it keeps the finger's velocity and slows down exponentially, v(t) = v0·e^(−t/τ), as
// iOS and Android do. Positions are computed in closed form from the release time, not summed per
// frame, so a 10 Hz and a 60 Hz redraw end at the same place. Both ends are hard stops (no rubber
// band): the offset always stays in [0, max_offset()]. Time is passed in, in seconds from any
// origin, so tests drive it with a fake clock. Non-finite arguments are ignored.
#include <array>

namespace kiosk {

class KineticScroller {
  public:
    // max_offset = max(0, content_h - viewport_h); the offset is clamped to it.
    void set_extent(double content_h, double viewport_h);
    // Finger down: catches the content, stopping any momentum where it is at time t.
    void press(double y, double t);
    // Finger moved: the offset changes by the finger's movement (finger up = offset grows).
    void drag(double y, double t);
    // Finger up: momentum starts from the velocity of the last ~100 ms of drag.
    void release(double t);
    // A second finger etc.: stop where it is, no momentum.
    void cancel();
    // Keys / wheel: jump by dy (clamped); stops any momentum first.
    void scroll_by(double dy, double t);
    // Advances momentum to time t; an earlier t than already seen changes nothing.
    void update(double t);

    double offset() const { return offset_; }
    double max_offset() const { return max_offset_; }
    bool moving() const { return moving_; }
    bool dragging() const { return dragging_; }
    // The scroll indicator's thumb as fractions of its track (0..1); 1 and 0 when all fits.
    double thumb_start() const;
    double thumb_size() const;

    // Deceleration time constant: 0.95 of the speed kept per 60 Hz frame, the feel of a phone
    // that visitors' hands already know. A fling coasts about 1.5 s and travels v0·τ in all.
    static constexpr double decay_tau_s = 0.325;
    // Speeds in px/s. Momentum below stop_speed is invisible (a pixel per 6 frames at 60 Hz), so
    // it ends there and the app may stop redrawing.
    static constexpr double stop_speed = 10;
    // A release slower than this is a still finger's jitter, not a fling (Android: 50 dp/s).
    static constexpr double min_fling_speed = 50;
    // Faster than this is a mis-measurement (events batched by a slow frame) rather than intent;
    // it also caps a fling's travel at max_fling_speed·τ = 2600 px.
    static constexpr double max_fling_speed = 8000;
    // Only drag samples this recent count for the release velocity: long enough to average out
    // the noise of single events, short enough to follow a change of mind. A finger that stayed
    // still this long before lifting leaves no samples, and so no momentum.
    static constexpr double velocity_window_s = 0.1;

  private:
    struct Sample {
        double y = 0, t = 0;
    };

    void add_sample(double y, double t);
    void clear_samples() { sample_count_ = sample_head_ = 0; }
    double release_velocity(double t) const;
    static double finger_velocity(const Sample* samples, int n);
    void stop() { moving_ = false; }
    void advance_clock(double t);
    // Sets the offset clamped to [0, max]; returns false when clamping was needed.
    bool set_offset(double offset);

    double content_h_ = 0, viewport_h_ = 0, max_offset_ = 0;
    double offset_ = 0;
    double now_ = 0;
    bool clock_started_ = false;

    bool dragging_ = false;
    double last_y_ = 0;
    // Covers the 100 ms window even at 640 Hz (a gaming mouse); touch panels send 60-120 Hz.
    static constexpr int sample_capacity = 64;
    std::array<Sample, sample_capacity> samples_{};
    int sample_count_ = 0, sample_head_ = 0;

    bool moving_ = false;
    double fling_t0_ = 0, fling_p0_ = 0, fling_v0_ = 0;
};

} // namespace kiosk
