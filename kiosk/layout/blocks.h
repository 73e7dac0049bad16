#pragma once
// A slide as a vertical stack of text blocks before sizes are chosen. slide_layout turns a kind of
// slide into blocks; stack_blocks places them at a given scale.
#include "content/markup.h"
#include "layout/geometry.h"
#include "layout/scene.h"
#include "layout/text_layout.h"

#include <string>
#include <vector>

namespace kiosk {

enum class Marker { None, Bullet, Number, Rule };

struct Block {
    std::vector<TextRun> runs;
    TextStyle style; // px is the nominal size, before scaling
    Marker marker = Marker::None;
    std::string label;     // the number for Marker::Number
    double gap_before = 0; // in lines of this block's nominal size
    int min_px = 0;        // never scaled below: a label stays readable on a crowded slide
};

struct Stacked {
    Scene scene;
    int height = 0;
    bool fits = false;
};

// Places the blocks at scale. Unless allow_word_breaks, a word split across lines counts as not
// fitting: a smaller size that keeps words whole reads better.
Stacked stack_blocks(const std::vector<Block>& blocks, Rect box, double scale,
                     const TextMeasure& measure, bool allow_word_breaks);

} // namespace kiosk
