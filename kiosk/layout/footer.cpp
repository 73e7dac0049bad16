#include "layout/footer.h"

#include "layout/metrics.h"

#include <algorithm>

namespace kiosk {

Rect progress_track(Size screen) {
    const ScreenMetrics m(screen);
    const int w = std::max(40, m.unit / 6);
    const int h = std::max(3, m.unit / 160);
    const int y = screen.h - m.footer_h() / 2 - h / 2;
    return {screen.w - m.margin_x() - w, y, w, h};
}

int progress_steps(Size screen, double slide_s) {
    const int per_half_second = static_cast<int>(slide_s * 2);
    return std::clamp(per_half_second, 1, std::max(1, progress_track(screen).w / 2));
}

int progress_step(double elapsed_fraction, Size screen, double slide_s) {
    const int steps = progress_steps(screen, slide_s);
    return std::clamp(static_cast<int>(elapsed_fraction * steps), 0, steps);
}

Footer footer_layout(const std::string& counter, Size screen, double elapsed_fraction,
                     double slide_s, const TextMeasure& measure) {
    Footer f;
    f.track = progress_track(screen);
    const int px = ScreenMetrics(screen).footer_px();
    SceneText text;
    text.text = counter;
    text.px = px;
    text.w = measure.text_width(counter, FontStyle::Regular, px);
    text.h = measure.line_height(px);
    text.x = f.track.x - px - text.w;
    text.y = f.track.y + f.track.h / 2 - text.h / 2;
    text.ink = Ink::Muted;
    if (text.x >= screen.w / 2) f.counter = text; // never drawn off screen or over the hint
    // The bar empties as the slide's time runs out.
    const int steps = progress_steps(screen, slide_s);
    const int left = steps - progress_step(elapsed_fraction, screen, slide_s);
    f.time_left = {f.track.x, f.track.y, f.track.w * left / steps, f.track.h};
    return f;
}

} // namespace kiosk
