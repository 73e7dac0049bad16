#pragma once
// Word wrap with emphasis runs: text in, positioned line pieces out. A pure function of the text,
// the width and a TextMeasure, so it is tested with plain asserts.
#include "content/markup.h"
#include "layout/measure.h"
#include "layout/scene.h"

#include <vector>

namespace kiosk {

struct TextStyle {
    FontStyle regular = FontStyle::Regular;
    FontStyle emphasis = FontStyle::Bold;
    Ink ink = Ink::Text;
    Ink emphasis_ink = Ink::Emphasis;
    int px = 0;
    // Running text may take a hyphen (layout/hyphenation.h) where a long word would otherwise
    // leave its line well short; titles and labels wrap at spaces only.
    bool hyphenate = false;
};

struct WrappedText {
    std::vector<SceneText> pieces; // positioned relative to (0,0) of the block
    int width = 0;                 // widest line
    int height = 0;
    int lines = 0;
    bool broke_words = false; // a word was wider than the line and was split
};

// Greedy wrap at spaces, after hyphens between long enough parts (break_points.h) and at explicit
// line breaks; a paragraph whose last line would hold one word is narrowed a little where that
// keeps its line count. A word wider than the line is broken between characters so that no input
// can overflow the box sideways.
WrappedText wrap_text(const std::vector<TextRun>& runs, const TextStyle& style, int max_width,
                      const TextMeasure& measure);

} // namespace kiosk
