#include "layout/scene_cache.h"

#include "layout/attract_menu.h"
#include "layout/footer.h"
#include "layout/metrics.h"
#include "layout/slide_layout.h"

namespace kiosk {

SceneCache::SceneCache(const TextMeasure& measure, Size screen, int target_px, std::size_t slides)
    : measure_(&measure), screen_(screen), target_px_(target_px), scenes_(slides),
      chromes_(slides) {}

void SceneCache::resize(Size screen, int target_px) {
    screen_ = screen;
    target_px_ = target_px;
    reset(scenes_.size());
}

void SceneCache::reset(std::size_t slides) {
    type_scale_.reset();
    scenes_.assign(slides, std::nullopt);
    chromes_.assign(slides, std::nullopt);
    hint_.reset();
    overview_.reset();
    menu_.reset();
    reading_.reset();
    reading_for_ = -1;
    laid_out_ = 0;
    prepared_ = -1;
}

const Scene& SceneCache::scene(const Deck& deck, int slide) {
    auto& cached = scenes_.at(static_cast<std::size_t>(slide));
    if (!cached)
        cached = layout_slide(deck, deck.slides[slide], screen_, *measure_, type_scale(deck));
    return *cached;
}

double SceneCache::type_scale(const Deck& deck) {
    if (!type_scale_) type_scale_ = deck_type_scale(deck, screen_, *measure_);
    return *type_scale_;
}

const Layer& SceneCache::chrome(const Deck& deck, int slide) {
    auto& cached = chromes_.at(static_cast<std::size_t>(slide));
    if (!cached) cached = browsing_chrome(deck, slide, screen_, target_px_, *measure_);
    return *cached;
}

// To the left of the widest slide counter ("30 / 30"), so it stands still from slide to slide.
const TouchHint* SceneCache::touch_hint(const Deck& deck) {
    if (!hint_) {
        const Rect track = progress_track(screen_);
        const int px = ScreenMetrics(screen_).footer_px();
        const std::string total = std::to_string(deck.slides.size());
        const std::string widest =
            fill_template(deck.ui.slide_counter, {{"n", total}, {"total", total}});
        const int right = track.x - 2 * px - measure_->text_width(widest, FontStyle::Regular, px);
        hint_ = touch_hint_layout(deck.ui.touch_hint, screen_, right, track.y + track.h / 2,
                                  *measure_);
    }
    return *hint_ ? &**hint_ : nullptr;
}

const Layer& SceneCache::attract_menu(const Deck& deck) {
    if (!menu_) menu_ = kiosk::attract_menu(deck, screen_, target_px_, *measure_);
    return *menu_;
}

const Layer& SceneCache::overview(const Deck& deck) {
    if (!overview_) overview_ = overview_layer(deck, screen_, target_px_, *measure_);
    return *overview_;
}

const ReadingLayout& SceneCache::reading(const Deck& deck, int finding) {
    if (!reading_ || reading_for_ != finding) {
        reading_ = reading_layout(deck, finding, screen_, target_px_, *measure_);
        reading_for_ = finding;
    }
    return *reading_;
}

bool SceneCache::lay_out_some(const Deck& deck, std::size_t n) {
    for (; n > 0 && laid_out_ < scenes_.size(); --n, ++laid_out_)
        scene(deck, static_cast<int>(laid_out_));
    return laid_out_ == scenes_.size();
}

} // namespace kiosk
