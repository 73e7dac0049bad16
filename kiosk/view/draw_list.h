#pragma once
// A frame's drawing as a list of calls, kept to find what changed since the last frame. Most
// frames of the attract loop differ from the one before in a few places only (the time-left bar's
// step and the invitation's ring; a fading slide's lines); where the screen keeps its pixels
// between frames (SDL's software renderer on X11), only those places are drawn and sent to the
// screen. Damage is found by comparing calls, not pixels: a call present in one frame and not in
// the other (same kind, place, colour, opacity, text, clip and offset) marks the pixels it may
// touch. Plain C++, tested without a window.
#include "view/canvas.h"

#include <string>
#include <vector>

namespace kiosk {

struct DrawCall {
    enum class Kind { Clear, Fill, Text, Image, Offset, Clip } kind = Kind::Clear;
    Rect place;  // where it draws on screen (offset applied, not clipped)
    Rect bounds; // screen pixels it may touch: place clipped; empty for state calls
    Color color; // Clear, Fill, Text
    std::uint8_t alpha = 255;
    int dx = 0, dy = 0;       // Text and Image: the draw offset; Offset: the offset set
    std::optional<Rect> clip; // Clip: the clip set (in the canvas's own coordinates)
    SceneText text;           // Text
    SceneImage image;         // Image
};

// The same call: it would draw the same pixels in the same place.
bool same_call(const DrawCall& a, const DrawCall& b);

// A canvas that draws nothing and remembers every call with the screen pixels it may touch.
class DrawList : public Canvas {
  public:
    explicit DrawList(Size size) : size_(size) {}

    Size size() const override { return size_; }
    void clear(Color color) override;
    void fill_rect(Rect rect, Color color) override;
    void draw_text(const SceneText& text, Color color, int dx, int dy, std::uint8_t alpha) override;
    void draw_image(const SceneImage& image, int dx, std::uint8_t alpha) override;
    void set_offset(int dx, int dy) override;
    void set_clip(std::optional<Rect> clip) override;

    const std::vector<DrawCall>& calls() const { return calls_; }
    void reset(Size size);

  private:
    Rect on_screen(Rect r) const; // offset, then clipped to the clip and the screen
    void add(DrawCall call);

    Size size_;
    int dx_ = 0, dy_ = 0;
    std::optional<Rect> clip_; // in the canvas's own coordinates, as set
    std::vector<DrawCall> calls_;
};

Rect intersection(Rect a, Rect b); // w or h 0 when they do not meet
Rect bounding(Rect a, Rect b);     // an empty rect adds nothing
bool is_empty(Rect r);

// The screen areas to draw again so that a screen showing `before` shows `after`: disjoint
// rectangles, few of them (near ones merged); the whole screen when the change is most of it;
// none when nothing changed.
std::vector<Rect> damage(const DrawList& before, const DrawList& after);

// Rectangles merged until none overlap or nearly touch (within `gap` pixels); the whole of
// `screen` once they are more than `max_count` or cover more than three quarters of it.
std::vector<Rect> merge_damage(std::vector<Rect> rects, Size screen, int gap = 16,
                               std::size_t max_count = 16);

} // namespace kiosk
