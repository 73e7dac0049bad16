#pragma once
// What a laid-out screen is: coloured rectangles and positioned text runs, by value. Drawing is a
// separate, dumb step; everything here can be compared in a test.
#include "layout/geometry.h"
#include "layout/measure.h"

#include <string>
#include <utility>
#include <vector>

namespace kiosk {

// Colours by role, resolved against the deck's theme when drawn.
enum class Ink { Text, Muted, Accent, Emphasis, Surface, Background };

struct SceneText {
    std::string text;
    FontStyle style = FontStyle::Regular;
    int px = 0;
    int x = 0, y = 0; // top-left of the line box
    int w = 0, h = 0; // measured size, for hit tests and overflow checks
    Ink ink = Ink::Text;
};

struct SceneRect {
    Rect rect;
    Ink ink = Ink::Accent;
};

// A picture: an image file, or a QR code ("qr:" + the text it encodes), drawn into rect. For
// Cover the picture fills rect and is cropped; for Contain rect already has its proportions.
struct SceneImage {
    Rect rect;
    std::string source;
    bool cover = false;
};

struct Scene {
    std::vector<SceneRect> rects;
    std::vector<SceneText> texts;
    std::vector<SceneImage> images;
    // Layout found no size at or above the readable minimum that fits; text was shrunk further so
    // nothing is clipped, and --check reports it.
    bool below_minimum = false;
    bool overflows = false; // does not fit even at the smallest size: parts are off screen
    double scale = 1.0;     // the common shrink factor applied to the slide's text
};

// Moves what `from` draws (rectangles and texts) onto the end of `into`.
inline void append(Scene& into, Scene&& from) {
    into.rects.insert(into.rects.end(), from.rects.begin(), from.rects.end());
    for (auto& t : from.texts)
        into.texts.push_back(std::move(t));
}

} // namespace kiosk
