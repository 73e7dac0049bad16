#include "layout/attract_menu.h"

#include <algorithm>

namespace kiosk {
namespace {

bool inside(Rect outer, Rect r) {
    return r.x >= outer.x && r.y >= outer.y && r.right() <= outer.right() &&
           r.bottom() <= outer.bottom();
}

// Takes a button out of a layer: its target, and the rectangles and words drawn inside it.
void remove_button(Layer& layer, Rect button) {
    auto& rects = layer.scene.rects;
    rects.erase(std::remove_if(rects.begin(), rects.end(),
                               [&](const SceneRect& r) { return inside(button, r.rect); }),
                rects.end());
    auto& texts = layer.scene.texts;
    texts.erase(std::remove_if(texts.begin(), texts.end(),
                               [&](const SceneText& t) {
                                   return inside(button, {t.x, t.y, t.w, t.h});
                               }),
                texts.end());
}

} // namespace

Layer attract_menu(const Deck& deck, Size screen, int target_px, const TextMeasure& measure) {
    Layer menu = overview_layer(deck, screen, target_px, measure);
    for (const auto& b : menu.buttons)
        if (b.action == Action::Close) remove_button(menu, b.rect);
    std::erase_if(menu.buttons, [](const Button& b) { return b.action == Action::Close; });
    return menu;
}

} // namespace kiosk
