#pragma once
// Touch controls as data: buttons are rectangles with an action, laid out by pure functions and
// hit-tested in plain C++. Drawing them is the view's job.
#include "content/deck.h"
#include "layout/geometry.h"
#include "layout/measure.h"
#include "layout/scene.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kiosk {

enum class Action { None, Previous, Next, Overview, ReadMore, Close, OpenFinding, ReadFinding };

struct Button {
    Rect rect;
    Action action = Action::None;
    int index = -1; // the finding, for OpenFinding and ReadFinding
};

// Shapes and text to draw, and the buttons among them.
struct Layer {
    Scene scene;
    std::vector<Button> buttons;
};

// The smallest comfortable finger target: 9 mm at the display's DPI (96 when unknown), and never
// less than a tenth of the shorter side, so controls stay visible on a large screen too.
int touch_target_px(Size screen, double dpi);

// The button under a point; a near miss within slop pixels still counts (fingers are blunt), the
// nearest button wins.
const Button* hit_test(std::span<const Button> buttons, float x, float y, int slop_px);

// A frame of thickness t just inside r.
void add_outline(Layer& layer, Rect r, int t, Ink ink);

// The touch invitation at the bottom left of every loop slide: a pill with a tap mark and the
// deck's words, large enough to read from a step away (at least 1/24 of the shorter side). The
// mark's ring is a layer of its own, so the frame can draw it at a breathing strength.
struct TouchHint {
    Layer pill; // the pill, the mark's dot and the words
    Layer ring; // the mark's ring
};
// Between the left margin and `right`, centred on the line `cy`; nullopt when the words do not
// fit at any size allowed (left out, never clipped).
std::optional<TouchHint> touch_hint_layout(const std::string& text, Size screen, int right, int cy,
                                           const TextMeasure& measure);

// Controls shown while a visitor browses the slides: previous/next, overview, "Lees meer" on a
// slide that belongs to a finding, and "n / total" between them (plain text: nothing that looks
// tappable and is not).
Layer browsing_chrome(const Deck& deck, int slide, Size screen, int target_px,
                      const TextMeasure& measure);

// A text button: a filled rectangle with a centred label. x is the left edge, or the right edge
// when align_right.
struct ButtonSpec {
    std::string label;
    Action action = Action::None;
    bool primary = false;
    int index = -1; // see Button::index
};
Rect add_button(Layer& layer, const ButtonSpec& spec, int x, int y, int h, bool align_right,
                const TextMeasure& measure);

// Where the bottom bar's buttons sit: vertical position and height.
struct BarGeometry {
    int y = 0, h = 0;
};
BarGeometry bottom_bar(Size screen, int target_px);

} // namespace kiosk
