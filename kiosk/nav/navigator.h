#pragma once
// Which slide is showing and why: the attract loop advancing on its timer, or a visitor browsing,
// with the idle timeout that hands the screen back to the loop. Time is passed in (seconds from
// any origin), so tests drive it with a fake clock.
#include <optional>
#include <vector>

namespace kiosk {

struct NavSettings {
    double idle_return_s = 60;
    double transition_s = 0.7;
};

enum class Mode { Attract, Browsing };

struct Transition {
    int from = 0, to = 0;
    int direction = 1;   // +1: the new slide comes from the right
    bool fade = false;   // the loop fades; a visitor's move slides
    double progress = 0; // 0..1, linear
};

class Navigator {
  public:
    Navigator(std::vector<double> durations_s, NavSettings settings, double now);

    // A new deck: start its loop from the first slide.
    void reset(std::vector<double> durations_s, double now);

    void next(double now);
    void previous(double now);
    void go_to(int index, double now);
    // The loop carries on from `index`, shown from now for its time, with no transition and no
    // pause (an author's preview, which would otherwise always begin at the first slide).
    void start_at(int index, double now);
    // Any touch, click or key: pauses the loop and restarts the idle countdown.
    void activity(double now);
    // Advances the loop timer and the idle countdown.
    void update(double now);

    int current() const { return current_; }
    int count() const { return static_cast<int>(durations_.size()); }
    Mode mode() const { return mode_; }
    int loops_completed() const { return loops_; }
    std::optional<Transition> transition(double now) const;
    // Fraction of the current slide's time already shown (attract loop only).
    double elapsed_fraction(double now) const;
    // Seconds until the state changes by itself (slide timer, idle return, end of a transition).
    double seconds_until_change(double now) const;
    // Seconds left before a visitor's pause returns the kiosk to its loop (infinity in the loop).
    double idle_left(double now) const;
    // Hall sync: the loop's position is the hall's, the wall-clock time modulo the loop's length,
    // given before each update. Kiosks with the same deck and clock then show the same slide and
    // start the same transition at the same moment, however long each has run; a visitor's
    // pause ends at the hall's slide, with a fade.
    void follow_hall(double wall_s) { hall_wall_ = wall_s; }
    std::optional<double> hall_wall() const { return hall_wall_; }
    double loop_length() const;
    // How long a pause may last: longer in front of a long text.
    void set_idle_return(double seconds) { settings_.idle_return_s = seconds; }
    double idle_return() const { return settings_.idle_return_s; }

  private:
    void show(int index, int direction, bool fade, double now);
    void join_hall(double now, bool fade_now);
    int wrap(int index) const;

    std::vector<double> durations_;
    NavSettings settings_;
    Mode mode_ = Mode::Attract;
    int current_ = 0;
    int previous_ = 0;
    int direction_ = 1;
    bool fade_ = false;
    double shown_at_ = 0;
    double transition_start_ = -1e9;
    double last_activity_ = -1e9;
    int loops_ = 0;
    std::optional<double> hall_wall_;
};

} // namespace kiosk
