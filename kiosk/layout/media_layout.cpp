#include "layout/media_layout.h"

#include "content/qr.h"

#include <algorithm>

namespace kiosk {
namespace {

Block block(const std::string& text, int px, FontStyle font, Ink ink, double gap) {
    Block b;
    b.runs = parse_markup(text);
    b.style.px = px;
    b.style.regular = font;
    b.style.ink = ink;
    b.style.emphasis_ink = font == FontStyle::Bold ? ink : Ink::Emphasis;
    b.gap_before = gap;
    return b;
}

// Stacks blocks at the largest scale in [floor, 1] that fits, in a few steps: media slides carry
// little text.
Stacked fit_blocks(const std::vector<Block>& blocks, Rect box, double floor, const TextMeasure& m) {
    Stacked s;
    for (double scale = 1.0; scale >= floor - 1e-9; scale -= 0.05) {
        s = stack_blocks(blocks, box, scale, m, false);
        if (s.fits) return s;
    }
    return stack_blocks(blocks, box, floor, m, true);
}

} // namespace

Rect contain(int picture_w, int picture_h, Rect area) {
    if (picture_w <= 0 || picture_h <= 0 || area.w <= 0 || area.h <= 0)
        return {area.x, area.y, 0, 0};
    const double scale =
        std::min(static_cast<double>(area.w) / picture_w, static_cast<double>(area.h) / picture_h);
    const int w = std::max(1, static_cast<int>(picture_w * scale));
    const int h = std::max(1, static_cast<int>(picture_h * scale));
    return {area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
}

int qr_side(int modules, int max_side) {
    const int total = modules + 2 * qr_quiet_zone;
    if (total <= 0) return 0;
    return max_side / total * total;
}

Scene layout_image_slide(const Slide& slide, const ScreenMetrics& m, const TextMeasure& measure) {
    const Rect box = m.content_box();
    std::vector<Block> top;
    if (!slide.title.empty())
        top.push_back(block(slide.title, m.heading_px(), FontStyle::Bold, Ink::Text, 0));
    std::vector<Block> bottom;
    if (!slide.caption.empty())
        bottom.push_back(
            block(slide.caption, m.body_px() * 4 / 5, FontStyle::Regular, Ink::Muted, 0));
    // Text gets at most a third of the box; the picture takes the rest.
    Stacked head = fit_blocks(top, {box.x, box.y, box.w, box.h / 3}, 0.3, measure);
    Stacked foot = fit_blocks(bottom, {box.x, box.y, box.w, box.h / 4}, 0.3, measure);
    const int gap = m.unit / 40;
    const int top_y = box.y + head.height + (head.height ? gap : 0);
    const int bottom_y = box.bottom() - foot.height - (foot.height ? gap : 0);
    const Rect area{box.x, top_y, box.w, std::max(0, bottom_y - top_y)};
    Scene scene;
    append(scene, std::move(head.scene));
    if (slide.image) {
        const auto& img = *slide.image;
        const bool cover = img.fit == ImageFit::Cover;
        const Rect r = cover ? area : contain(img.width, img.height, area);
        scene.images.push_back({r, img.path, cover});
    }
    for (auto& t : foot.scene.texts)
        t.y += bottom_y + gap - box.y;
    append(scene, std::move(foot.scene));
    return scene;
}

// The address as a visitor types it: no scheme, no "www.", no trailing slash ("serv.be").
std::string short_address(std::string url) {
    for (const std::string prefix : {"https://", "http://", "www."})
        if (url.rfind(prefix, 0) == 0) url.erase(0, prefix.size());
    if (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// The short address under the code, for a visitor without a camera; as large as fits the
// code's width (at most label size), left out when it does not fit at the footer's size.
void add_address(Scene& scene, const std::string& url, Rect code, const ScreenMetrics& m,
                 const TextMeasure& measure) {
    const std::string text = short_address(url);
    for (int px = m.label_px(); px >= m.footer_px(); --px) {
        const int w = measure.text_width(text, FontStyle::Bold, px);
        if (w > code.w + m.unit / 10) continue;
        const int lh = measure.line_height(px);
        scene.texts.push_back({text, FontStyle::Bold, px, code.x + (code.w - w) / 2,
                               code.bottom() + m.unit / 80, w, lh, Ink::Text});
        return;
    }
}

Scene layout_qr_slide(const Slide& slide, const ScreenMetrics& m, const TextMeasure& measure) {
    const Rect box = m.content_box();
    const auto qr = make_qr(slide.url);
    const bool landscape = box.w >= box.h;
    // Beside the text in landscape, below it in portrait; large enough to scan from a metre, with
    // a line under it for the address.
    const int address_h = measure.line_height(m.label_px()) + m.unit / 80;
    const int max_side = landscape ? std::min(box.h - address_h, box.w * 2 / 5)
                                   : std::min(box.w, box.h / 2 - address_h);
    const int side = qr ? qr_side(qr->size, max_side) : 0;
    const int gap = m.unit / 20;
    const Rect text_box = landscape ? Rect{box.x, box.y, box.w - side - gap, box.h}
                                    : Rect{box.x, box.y, box.w, box.h - side - gap - address_h};
    std::vector<Block> blocks;
    if (!slide.title.empty())
        blocks.push_back(block(slide.title, m.heading_px(), FontStyle::Bold, Ink::Text, 0));
    if (!slide.text.empty()) {
        blocks.push_back(block(slide.text, m.body_px(), FontStyle::Regular, Ink::Text, 0.8));
        blocks.back().style.hyphenate = true;
    }
    Stacked text = fit_blocks(blocks, text_box, m.min_scale() * 0.8, measure);
    Scene scene = std::move(text.scene);
    if (side > 0) {
        const Rect r =
            landscape ? Rect{box.right() - side, box.y + (box.h - side - address_h) / 2, side, side}
                      : Rect{box.x + (box.w - side) / 2, box.y + text.height + gap, side, side};
        scene.images.push_back({r, "qr:" + slide.url, false});
        add_address(scene, slide.url, r, m, measure);
    }
    return scene;
}

} // namespace kiosk
