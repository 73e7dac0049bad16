#pragma once
// Everything laid out for one deck at one screen size: each slide's scene, the browsing chrome of
// each slide, the touch invitation, the overview, and the reading view of one finding. Laid out on
// first use and kept until the screen, its DPI or the deck changes: layout measures text, and a
// frame must only copy what is already known.
#include "content/deck.h"
#include "layout/chrome.h"
#include "layout/measure.h"
#include "layout/panels.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace kiosk {

class SceneCache {
  public:
    SceneCache(const TextMeasure& measure, Size screen, int target_px, std::size_t slides);

    // A new screen size or finger size: everything is laid out again on its next use.
    void resize(Size screen, int target_px);
    // A deck with this many slides takes the place of the one laid out.
    void reset(std::size_t slides);

    const Scene& scene(const Deck& deck, int slide);
    // The deck's one text size at this screen (deck_type_scale), found before its first slide is
    // laid out: every slide needs it, so lay_out_some's first step costs a pass over the deck.
    double type_scale(const Deck& deck);
    const Layer& chrome(const Deck& deck, int slide);
    // nullptr when the invitation does not fit the footer at any size allowed.
    const TouchHint* touch_hint(const Deck& deck);
    const Layer& overview(const Deck& deck);
    // The findings as a menu between rounds of the loop (layout/attract_menu.h).
    const Layer& attract_menu(const Deck& deck);
    const ReadingLayout& reading(const Deck& deck, int finding);
    // Lays the reading view out afresh (scrolled to the top) the next time it is asked for.
    void forget_reading() { reading_.reset(); }

    // Lays out up to n more slides of deck, in order; true once every slide is laid out. A deck
    // waiting to be shown is laid out this way, a little per wake-up.
    bool lay_out_some(const Deck& deck, std::size_t n);
    bool all_laid_out() const { return laid_out_ == scenes_.size(); }

    // True the first time a slide is asked for since the layouts were made: its text is then
    // rasterised ahead of its transition, once.
    bool prepare_once(int slide) {
        if (slide == prepared_) return false;
        return prepared_ = slide, true;
    }

    Size screen() const { return screen_; }
    int target_px() const { return target_px_; }

  private:
    const TextMeasure* measure_;
    Size screen_;
    int target_px_;
    std::optional<double> type_scale_;
    std::vector<std::optional<Scene>> scenes_;
    std::vector<std::optional<Layer>> chromes_;
    std::optional<std::optional<TouchHint>> hint_; // laid out (perhaps as "does not fit") or not
    std::optional<Layer> overview_;
    std::optional<Layer> menu_;
    std::optional<ReadingLayout> reading_;
    int reading_for_ = -1;
    std::size_t laid_out_ = 0; // lay_out_some's progress
    int prepared_ = -1;
};

} // namespace kiosk
