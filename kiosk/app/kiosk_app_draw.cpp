// KioskApp, frame and draw: the layout phase composes the frame (app/frame_composer.h), and
// drawing only draws it.
#include "app/kiosk_app.h"

#include "app/frame_composer.h"

namespace kiosk {

FrameSources KioskApp::sources() {
    return {deck_, browser_, cache_, input_, moment_, switch_, overlays_, status_, measure_};
}

Frame KioskApp::frame(double now) {
    return compose(key(now), now);
}

Frame KioskApp::compose(const FrameKey& key, double now) {
    if (browser_.view() == View::Reading) reading(); // the scroller learns the text's extent
    return compose_frame(sources(), key, now);
}

void KioskApp::draw(Canvas& canvas, double now) {
    const FrameKey k = key(now); // what this frame shows: the next update compares against it
    draw_frame(canvas, compose(k, now), deck_.theme);
    drawn_ = k;
    drawn_moving_ = browser_.slides().transition(now) || browser_.view_change(now) ||
                    input_.scroller().moving() || moment_.fading(now);
    dirty_ = false;
    ++frames_drawn_;
    if (!lights_.dark()) status_.frame_drawn(now);
}

void KioskApp::prepare_upcoming(Canvas& canvas, double now) {
    const auto& nav = browser_.slides();
    if (lights_.dark() || switch_.pending() || nav.count() < 2 || browser_.view() != View::Slides)
        return;
    if (nav.transition(now) || browser_.view_change(now) || input_.gestures().drag_dx() != 0)
        return;
    const int next = (nav.current() + 1) % nav.count();
    if (!cache_.prepare_once(next)) return;
    for (const auto& t : scene(next).texts)
        canvas.prepare_text(t, ink_color(deck_.theme, t.ink));
}

} // namespace kiosk
