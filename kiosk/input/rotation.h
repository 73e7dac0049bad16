#pragma once
// Screens mounted in portrait: the Pi's KMSDRM console cannot rotate for us, so the kiosk draws
// its upright (logical) picture into a texture and copies it onto the panel rotated clockwise by
// r; touches reported by the panel are turned back into logical coordinates here.
//
// Convention. The installer turns the panel counter-clockwise by r, and the picture is rotated
// clockwise by r to compensate: with R90 the logical top edge lies along the physical right edge.
// Coordinates are continuous, not pixel centres: a physical panel W×H spans [0,W]×[0,H], the
// logical picture w×h spans [0,w]×[0,h], and corners map exactly onto corners. For a logical
// point (x, y), the physical point is
//   R0:   (x,     y)        logical (0,0) -> physical (0,0)
//   R90:  (W - y, x)        logical (0,0) -> physical (W,0)  top-right   (w = H, h = W)
//   R180: (W - x, H - y)    logical (0,0) -> physical (W,H)  bottom-right
//   R270: (y,     H - x)    logical (0,0) -> physical (0,H)  bottom-left (w = H, h = W)
// A pixel's centre (i + 0.5, j + 0.5) maps to a pixel's centre, so in pixel indices R90 takes
// logical pixel (0,0) to physical pixel (W-1, 0).
#include "layout/geometry.h"

#include <optional>

namespace kiosk {

enum class Rotation { R0 = 0, R90 = 90, R180 = 180, R270 = 270 };

// Only 0, 90, 180 and 270 (no negatives, no 360): nullopt for anything else.
std::optional<Rotation> rotation_from_degrees(int degrees);

struct PointF {
    float x = 0, y = 0;
};

// The logical picture's size on a physical panel: width and height swap for 90 and 270.
Size logical_size(Size physical, Rotation r);

// A point on the physical panel (pixels, origin top-left) in the logical picture's coordinates.
PointF physical_to_logical(PointF p, Size physical, Rotation r);
// The inverse, for drawing and tests.
PointF logical_to_physical(PointF p, Size logical, Rotation r);

// For SDL_RenderCopyEx (which rotates clockwise about the destination's centre): the angle in
// degrees, and the destination rectangle for the logical texture. The rectangle has the logical
// size and the panel's centre, so the rotated picture covers the panel exactly; when W - H is odd
// it sits half a pixel off, which SDL_RenderCopyExF with a float rectangle avoids.
double render_angle(Rotation r);
Rect render_destination(Size physical, Rotation r);

} // namespace kiosk
