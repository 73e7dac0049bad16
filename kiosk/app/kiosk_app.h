#pragma once
// The kiosk's state and its three phases, handle → update → draw, with no SDL in sight: the main
// loop feeds it events and time (in logical, upright coordinates), and asks it when it next needs
// to wake up and whether to redraw.
#include "app/settings.h"
#include "app/visit_recorder.h"
#include "content/deck.h"
#include "input/input_event.h"
#include "layout/panels.h"
#include "nav/browser.h"
#include "nav/gestures.h"
#include "nav/scroller.h"
#include "view/canvas.h"

#include <deque>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

class KioskApp {
  public:
    KioskApp(const Settings& settings, Deck deck, const TextMeasure& measure, Size screen,
             double now, std::ostream* trace = nullptr);

    void handle(const InputEvent& event, double now);
    void update(double now);
    void draw(Canvas& canvas, double now);
    // Idle work between frames: rasterises the next slide's text while the current one stands
    // still, so the first frame of the next transition only copies textures (at 1080p that
    // frame would otherwise take two or three frame times). Does nothing while anything moves.
    void prepare_upcoming(Canvas& canvas, double now);
    void resize(Size screen);
    // The display's DPI as SDL reports it (0 when unknown): sizes touch targets.
    void set_dpi(double dpi);
    // Where the deck came from and what the last import did, for the status overlay.
    void set_origin(std::string origin) { origin_ = std::move(origin); }
    void set_last_import(std::string result) { last_import_ = std::move(result); }
    void set_problem(std::string problem) { problem_ = std::move(problem); }
    // Which renderer draws ("opengles2, vsync on KMSDRM"): a blank screen's first suspect.
    void set_renderer(std::string renderer) { renderer_ = std::move(renderer); }
    // Whether the opening hours say the kiosk is open now; when closed the screen is dark until
    // a touch wakes it for settings.wake_on_touch_s.
    void set_open(bool open, double now);
    bool dark() const { return dark_; }

    // A new deck to show once all its slides are laid out: at the next return to the loop (at
    // once when nobody is browsing), with a fade. Replaces any deck still waiting.
    void offer_deck(Deck deck, std::string origin);
    bool deck_pending() const { return pending_.has_value(); }
    // Lines shown at the top of the screen for a while: import progress, a refusal, the errors of
    // a deck being edited.
    void notify(std::vector<std::string> lines, double now, double seconds = 8);

    // Statistics: from now on what is shown and opened goes to sink as events (see
    // VisitRecorder); wall_of turns the app's clock into Unix time. finish_stats closes the
    // slide, visit or reading still open, at shutdown.
    void record_stats(VisitRecorder::Sink sink, std::function<double(double)> wall_of);
    void finish_stats(double now);
    // Counts something the screen does not show (an import, a start) for the statistics.
    void count(StatKind kind, double now, double seconds = 0);
    // Extra lines for the operator's status overlay (today's statistics).
    void set_status_figures(std::function<std::vector<std::string>(double now)> figures) {
        status_figures_ = std::move(figures);
    }

    bool wants_quit() const { return quit_; }
    bool needs_redraw() const { return dirty_; }
    // Seconds until update() has something to do; the loop sleeps this long unless input comes.
    double seconds_until_wake(double now) const;

    const Deck& deck() const { return deck_; }
    const Browser& browser() const { return browser_; }
    const KineticScroller& scroller() const { return scroller_; }
    bool status_open() const { return status_open_; }
    long frames_drawn() const { return frames_drawn_; }
    // Laid-out slide for the current screen size, cached after the first use.
    const Scene& scene(int slide);
    // The buttons a tap can hit in the current view.
    const std::vector<Button>& buttons();

  private:
    void on_key(Key key, double now);
    void on_reading_key(Key key, double now);
    void on_pointer(const InputEvent& e, double now);
    void on_gesture(const Gesture& g, double now);
    void on_tap(float x, float y, double now);
    void perform(const Button& b, double now);
    void open_reading(int finding, double now);
    bool in_status_corner(float x, float y) const;

    const Layer& chrome(int slide);
    const Layer& overview();
    const TouchHint* touch_hint();
    const ReadingLayout& reading();
    std::vector<std::string> status_lines(double now) const;
    void draw_views(Canvas& canvas, double now);
    bool slides_covered(double now) const;
    void trace_state(double now);
    std::vector<double> durations() const;
    double current_duration() const;
    std::vector<int> finding_slides() const;
    Browser make_browser(double now) const;
    // Whole seconds left in the "still reading?" countdown before the idle return, or -1.
    int countdown(double now) const;
    double countdown_window() const;
    double seconds_until_countdown_tick(double now) const;
    void invalidate_layouts();
    void prepare_pending(double now);
    void switch_to_pending(double now);
    Observed observed(double now) const;
    void observe_stats(double now);

    Settings settings_;
    Deck deck_;
    const TextMeasure& measure_;
    Size screen_;
    int target_px_;
    Browser browser_;
    GestureRecognizer gestures_;
    KineticScroller scroller_;
    std::vector<std::optional<Scene>> scenes_;
    std::vector<std::optional<Layer>> chromes_;
    std::optional<std::optional<TouchHint>>
        hint_; // laid out (perhaps as "does not fit") or not yet
    std::optional<Layer> overview_;
    std::optional<ReadingLayout> reading_;
    int reading_for_ = -1;
    std::ostream* trace_;
    VisitRecorder::Sink stats_sink_;
    std::function<std::vector<std::string>(double)> status_figures_;
    std::optional<VisitRecorder> recorder_;
    std::function<double(double)> wall_of_;
    std::string origin_ = "built-in";
    std::string last_import_ = "none";
    std::string problem_;
    std::string renderer_;
    struct Pending {
        Deck deck;
        std::string origin;
        std::vector<std::optional<Scene>> scenes;
        std::size_t laid_out = 0;
    };
    std::optional<Pending> pending_;
    std::optional<Scene> outgoing_; // the old deck's slide, fading out after a switch
    Theme outgoing_theme_;
    double switched_at_ = -1e9;
    bool open_ = true;
    bool dark_ = false;
    double woken_until_ = -1e9;
    PixelShift drawn_shift_;
    std::vector<std::string> notice_;
    double notice_until_ = 0;
    double started_at_;
    bool quit_ = false;
    bool dirty_ = true;
    bool status_open_ = false;
    bool touch_woke_ = false;
    double status_until_ = 0;
    long frames_drawn_ = 0;
    std::deque<double> frame_times_; // recent frames, for the frame rate in the status overlay
    double last_animation_fps_ = 0;  // the rate of the last run of frames that ended
    // What was last drawn, to tell whether a new frame would look different.
    int drawn_slide_ = -1;
    int drawn_step_ = -1;
    Mode drawn_mode_ = Mode::Attract;
    // The last seconds before a visitor's pause ends are counted down on screen.
    static constexpr double countdown_s = 10;
    // The strip at each side where a tap turns the page, as a fraction of the width.
    static constexpr float edge_tap_fraction = 0.15f;
    View drawn_view_ = View::Slides;
    bool drawn_animating_ = false;
    int drawn_countdown_ = -1;
    int prepared_slide_ = -1; // the slide whose text prepare_upcoming rasterised; -1: none
    std::string traced_;
};

} // namespace kiosk
