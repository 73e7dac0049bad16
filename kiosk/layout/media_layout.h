#pragma once
// Slides with a picture: an image (with title and caption) or a QR code beside its text.
#include "content/deck.h"
#include "layout/blocks.h"
#include "layout/metrics.h"

namespace kiosk {

// The largest rectangle with the picture's proportions inside area, centred.
Rect contain(int picture_w, int picture_h, Rect area);

// QR side in pixels: a whole number of pixels per module (crisp edges), quiet zone included,
// no larger than max_side. 0 when even one pixel a module does not fit.
int qr_side(int modules, int max_side);

Scene layout_image_slide(const Slide& slide, const ScreenMetrics& m, const TextMeasure& measure);
Scene layout_qr_slide(const Slide& slide, const ScreenMetrics& m, const TextMeasure& measure);

} // namespace kiosk
