#pragma once
// One frame as a value: everything the layout phase decided (which scenes, where, how opaque, the
// footer, the views and panels over the slides), pointing into layouts that stay put until the
// next update. Drawing it measures nothing and asks nothing back: it only draws.
#include "content/deck.h"
#include "layout/chrome.h"
#include "layout/footer.h"
#include "layout/panels.h"
#include "view/canvas.h"
#include "view/views.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk {

struct PlacedScene {
    const Scene* scene = nullptr;
    int dx = 0;
    std::uint8_t alpha = 255;
};

struct Frame {
    bool dark = false;                 // outside opening hours: black, nothing else
    int shift_x = 0, shift_y = 0;      // the burn-in shift of everything drawn
    std::vector<PlacedScene> slides;   // the slide, or both mid-transition; none when covered
    std::optional<Footer> footer;      // the attract loop's counter and time-left bar
    const TouchHint* hint = nullptr;   // the touch invitation, in the attract loop
    std::uint8_t ring_alpha = 255;     // the invitation's ring, breathing
    struct Outgoing {                  // the old deck's slide, fading out after a switch
        const Scene* scene = nullptr;
        const Theme* theme = nullptr;
        std::uint8_t alpha = 0;
    };
    std::optional<Outgoing> outgoing;
    struct View {                      // the browsing chrome or the overview
        const Layer* layer = nullptr;
        LayerAlpha alpha;              // backdrop 0: drawn over the slide
    };
    std::vector<View> views;
    struct Reading {
        const ReadingLayout* layout = nullptr;
        ScrollState scroll;
        LayerAlpha alpha;
    };
    std::optional<Reading> reading;
    std::vector<const Layer*> panels; // the notice, the countdown, the status overlay: on top
};

Color ink_color(const Theme& theme, Ink ink);

void draw_scene(Canvas& canvas, const Scene& scene, const Theme& theme, int dx, std::uint8_t alpha);

void draw_frame(Canvas& canvas, const Frame& frame, const Theme& theme);

// Smooth start and stop for transitions.
double ease_in_out(double t);

} // namespace kiosk
