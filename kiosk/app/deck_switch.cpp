#include "app/deck_switch.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

bool DeckSwitch::prepare(Size screen, int target_px) {
    if (!pending_) return false;
    auto& scenes = pending_->scenes;
    if (scenes.screen() != screen || scenes.target_px() != target_px)
        scenes.resize(screen, target_px);
    return scenes.lay_out_some(pending_->deck, 2); // never enough to stall an animation
}

DeckSwitch::Incoming DeckSwitch::take(const Scene& leaving, const Theme& theme, double now) {
    outgoing_ = leaving;
    outgoing_theme_ = theme;
    switched_at_ = now;
    ++serial_;
    Incoming incoming = std::move(*pending_);
    pending_.reset();
    return incoming;
}

std::optional<Frame::Outgoing> DeckSwitch::outgoing(double now, double fade_s) const {
    if (!outgoing_) return std::nullopt;
    const double t = (now - switched_at_) / std::max(0.001, fade_s);
    const double opacity = std::clamp(1 - ease_in_out(t), 0.0, 1.0);
    return Frame::Outgoing{&*outgoing_, &outgoing_theme_,
                           static_cast<std::uint8_t>(std::lround(255 * opacity))};
}

void DeckSwitch::expire(double now, double fade_s) {
    if (outgoing_ && now - switched_at_ >= fade_s) outgoing_.reset();
}

bool may_switch(const Browser& browser, bool author, bool hall_sync, double slide_s, double now) {
    const auto& nav = browser.slides();
    if (nav.transition(now)) return false;
    if (author) return true;
    if (browser.mode() != Mode::Attract) return false;
    constexpr double window_s = 1.5; // after the fade to the first slide, one wake at least
    return !hall_sync || (nav.current() == 0 && nav.elapsed_fraction(now) * slide_s < window_s);
}

} // namespace kiosk
