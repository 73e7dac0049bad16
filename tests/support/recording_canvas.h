#pragma once
// A canvas that records what would be drawn, for the app's tests.
#include "view/canvas.h"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::test {

// Records what would be drawn.
struct RecordingCanvas : Canvas {
    Size sz{800, 480};
    int frames = 0;
    std::vector<std::string> texts;
    Size size() const override { return sz; }
    void clear(Color) override {
        ++frames;
        texts.clear();
        fills.clear();
    }
    void fill_rect(Rect r, Color c) override { fills.push_back({r, c}); }
    void draw_text(const SceneText& t, Color, int, int, std::uint8_t) override {
        texts.push_back(t.text);
    }
    void prepare_text(const SceneText& t, Color) override { prepared.push_back(t.text); }
    void draw_image(const SceneImage& i, int, std::uint8_t) override { images.push_back(i.source); }
    void set_clip(std::optional<Rect>) override {}
    void set_offset(int dx, int dy) override { offset = {dx, dy}; }
    std::pair<int, int> offset{0, 0};
    std::vector<std::string> images;
    std::vector<std::pair<Rect, Color>> fills; // this frame's
    std::vector<std::string> prepared;         // prepare_text calls, all frames
    bool shows(const std::string& s) const {
        for (const auto& t : texts)
            if (t.find(s) != std::string::npos) return true;
        return false;
    }
};

} // namespace kiosk::test
