#pragma once
// The layout phase: from the app's state at one moment, the frame to draw (the slides,
// mid-transition if need be, then whatever view is open over them, faded by its change, then the
// panels on top). Only what is already laid out is referenced; what is not yet is laid out here,
// so drawing the frame measures nothing.
#include "app/attract_moment.h"
#include "app/deck_switch.h"
#include "app/frame_key.h"
#include "app/overlays.h"
#include "app/schedule.h"
#include "app/status_overlay.h"
#include "app/visitor_input.h"
#include "content/deck.h"
#include "layout/scene_cache.h"
#include "nav/browser.h"
#include "view/frame.h"

namespace kiosk {

// What a frame is composed from, borrowed from the app for one call.
struct FrameSources {
    const Deck& deck;
    const Browser& browser;
    SceneCache& scenes; // lays out what a frame needs for the first time
    const VisitorInput& input;
    const AttractMoment& moment;
    const DeckSwitch& deck_switch;
    Overlays& overlays;
    StatusOverlay& status;
    const TextMeasure& measure;
};

// `key` is what the frame shows (app/frame_key.h): its darkness and burn-in shift come from it.
Frame compose_frame(const FrameSources& s, const FrameKey& key, double now);

// What a frame composed now would show; `shift` is the burn-in shift of the moment.
FrameKey frame_key(const FrameSources& s, bool dark, PixelShift shift, double now);

// When a frame composed later would differ from `drawn` with nothing touched (the next slide,
// the time-left bar's next step unless dark, a countdown's tick, a notice or overlay ending).
double seconds_until_frame_change(const FrameSources& s, const FrameKey& drawn, double now);

// How long the current slide shows in the loop.
double current_duration(const Deck& deck, const Browser& browser);

} // namespace kiosk
