#pragma once
// A new deck on its way in: laid out a little per wake-up while the old one keeps showing, then
// swapped in, and the old deck's slide fades out over the new one. The app decides when a
// switch may happen (never under a visitor's finger); this holds what the switch carries.
#include "content/deck.h"
#include "layout/scene_cache.h"
#include "nav/browser.h"
#include "view/frame.h"

#include <optional>
#include <string>

namespace kiosk {

class DeckSwitch {
  public:
    struct Incoming {
        Deck deck;
        std::string origin;
        SceneCache scenes;
    };

    // Replaces any deck still waiting.
    void offer(Incoming incoming) { pending_.emplace(std::move(incoming)); }
    bool pending() const { return pending_.has_value(); }
    // Lays out a couple more of the waiting deck's slides for this screen; true once all are.
    bool prepare(Size screen, int target_px);
    bool prepared() const { return pending_ && pending_->scenes.all_laid_out(); }

    // The waiting deck, taken to be shown now; `leaving` and its theme fade out from `now`.
    Incoming take(const Scene& leaving, const Theme& theme, double now);
    // The old deck's slide as it shows now, or nothing once its fade of fade_s has run.
    std::optional<Frame::Outgoing> outgoing(double now, double fade_s) const;
    bool fading() const { return outgoing_.has_value(); }
    void expire(double now, double fade_s);
    // How many switches so far: the statistics close the old deck's slide on a change.
    unsigned serial() const { return serial_; }

  private:
    std::optional<Incoming> pending_;
    std::optional<Scene> outgoing_;
    Theme outgoing_theme_;
    double switched_at_ = -1e9;
    unsigned serial_ = 0;
};

// When a laid-out deck may take over: an author editing a folder wants to see the change now; a
// visitor is never interrupted; a hall in step switches as its loop begins again, so its screens
// change decks together. `slide_s`: how long the current slide shows.
bool may_switch(const Browser& browser, bool author, bool hall_sync, double slide_s, double now);

} // namespace kiosk
