#pragma once
// The kiosk's state and its phases, handle → update → frame → draw, with no SDL in sight: the main
// loop feeds it events and time (in logical, upright coordinates), asks it when it next needs to
// wake up and whether to redraw, and reads what it shows for the statistics.
#include "app/attract_moment.h"
#include "app/deck_switch.h"
#include "app/frame_composer.h"
#include "app/frame_key.h"
#include "app/lights.h"
#include "app/overlays.h"
#include "app/settings.h"
#include "app/state_trace.h"
#include "app/status_overlay.h"
#include "app/visitor_input.h"
#include "content/deck.h"
#include "input/input_event.h"
#include "layout/scene_cache.h"
#include "nav/browser.h"
#include "stats/visit_recorder.h"
#include "view/canvas.h"
#include "view/frame.h"

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
    // Hall sync: the hall's clock (the wall clock), given before each update when it is on.
    void follow_hall(double wall_s);
    void update(double now);
    // The layout phase's result: what the screen shows now, ready to draw.
    Frame frame(double now);
    void draw(Canvas& canvas, double now);
    // Idle work between frames: rasterises the next slide's text while the current one stands
    // still, so the first frame of the next transition only copies textures (at 1080p that
    // frame would otherwise take two or three frame times). Does nothing while anything moves.
    void prepare_upcoming(Canvas& canvas, double now);
    void resize(Size screen);
    // The screen lost what it showed (a window uncovered): the next update draws a frame.
    void screen_lost() { dirty_ = true; }
    // The display's DPI as SDL reports it (0 when unknown): sizes touch targets.
    void set_dpi(double dpi);
    // Where the deck came from, the last import, the renderer: the operator's status overlay.
    StatusOverlay& status() { return status_; }
    bool status_open() const { return status_.is_open(); }
    // Whether the opening hours say the kiosk is open now; when closed the screen is dark until
    // a touch wakes it for settings.visitor.wake_on_touch_s.
    void set_open(bool open, double now);
    bool dark() const { return lights_.dark(); }

    // A new deck to show once all its slides are laid out: at the next return to the loop (at
    // once when nobody is browsing), with a fade. Replaces any deck still waiting.
    void offer_deck(Deck deck, std::string origin);
    bool deck_pending() const { return switch_.pending(); }
    // Lines shown at the top of the screen for a while: import progress, a refusal, the errors of
    // a deck being edited.
    void notify(std::vector<std::string> lines, double now, double seconds = 8);

    // What the screen shows now, for the statistics.
    Observed observed(double now) const;

    bool wants_quit() const { return quit_; }
    bool needs_redraw() const { return dirty_; }
    // Seconds until update() has something to do; the loop sleeps this long unless input comes.
    double seconds_until_wake(double now);

    const Deck& deck() const { return deck_; }
    const Browser& browser() const { return browser_; }
    const KineticScroller& scroller() const { return input_.scroller(); }
    long frames_drawn() const { return frames_drawn_; }
    // Laid-out slide for the current screen size, cached after the first use.
    const Scene& scene(int slide) { return cache_.scene(deck_, slide); }
    // The buttons a tap can hit in the current view.
    const std::vector<Button>& buttons();

  private:
    void on_key(Key key, double now);
    void on_pointer(const InputEvent& e, double now);
    void on_woken(const InputEvent& e, double now);
    void on_gesture(const Gesture& g, double now);
    void carry_out(const Intent& intent, double now);
    void open_reading(int finding, double now);
    void expire(double now);

    const ReadingLayout& reading();
    FrameSources sources();
    FrameKey key(double now);
    Frame compose(const FrameKey& key, double now);
    void trace_state(double now);
    void prepare_pending(double now);
    void switch_to_pending(double now);
    void start_preview(int slide, bool hall_sync, double now);

    VisitorSettings settings_;
    // What else of the Settings the app needs to know.
    struct Running {
        bool author = false;       // a content folder being edited, not imports (content_root)
        bool escape_quits = false; // a development window
        int exit_after_loops = 0;  // a test's
    } running_;
    Deck deck_;
    const TextMeasure& measure_;
    Browser browser_;
    VisitorInput input_;
    SceneCache cache_;
    Overlays overlays_;
    StatusOverlay status_;
    StateTrace trace_;
    DeckSwitch switch_;
    Lights lights_;
    double started_at_;
    FrameKey drawn_;            // what the last frame showed
    bool drawn_moving_ = false; // it was mid-animation: one more frame shows the end position
    long frames_drawn_ = 0;
    bool dirty_ = true;
    bool quit_ = false;
    AttractMoment moment_;
};

} // namespace kiosk
