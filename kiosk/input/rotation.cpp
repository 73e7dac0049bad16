#include "input/rotation.h"

namespace kiosk {

std::optional<Rotation> rotation_from_degrees(int degrees) {
    switch (degrees) {
    case 0:
        return Rotation::R0;
    case 90:
        return Rotation::R90;
    case 180:
        return Rotation::R180;
    case 270:
        return Rotation::R270;
    default:
        return std::nullopt;
    }
}

namespace {

bool quarter_turn(Rotation r) {
    return r == Rotation::R90 || r == Rotation::R270;
}

} // namespace

Size logical_size(Size physical, Rotation r) {
    return quarter_turn(r) ? Size{physical.h, physical.w} : physical;
}

PointF physical_to_logical(PointF p, Size physical, Rotation r) {
    const auto w = float(physical.w), h = float(physical.h);
    switch (r) {
    case Rotation::R90:
        return {p.y, w - p.x};
    case Rotation::R180:
        return {w - p.x, h - p.y};
    case Rotation::R270:
        return {h - p.y, p.x};
    default:
        return p; // R0, and a value cast from an unchecked int
    }
}

PointF logical_to_physical(PointF p, Size logical, Rotation r) {
    const auto w = float(logical.w), h = float(logical.h);
    switch (r) {
    case Rotation::R90:
        return {h - p.y, p.x};
    case Rotation::R180:
        return {w - p.x, h - p.y};
    case Rotation::R270:
        return {p.y, w - p.x};
    default:
        return p;
    }
}

double render_angle(Rotation r) {
    switch (r) {
    case Rotation::R90:
        return 90;
    case Rotation::R180:
        return 180;
    case Rotation::R270:
        return 270;
    default:
        return 0;
    }
}

Rect render_destination(Size physical, Rotation r) {
    const Size logical = logical_size(physical, r);
    return {(physical.w - logical.w) / 2, (physical.h - logical.h) / 2, logical.w, logical.h};
}

} // namespace kiosk
