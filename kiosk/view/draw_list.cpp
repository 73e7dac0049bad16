#include "view/draw_list.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace kiosk {

Rect intersection(Rect a, Rect b) {
    const int x = std::max(a.x, b.x), y = std::max(a.y, b.y);
    const int r = std::min(a.right(), b.right()), btm = std::min(a.bottom(), b.bottom());
    if (r <= x || btm <= y) return {x, y, 0, 0};
    return {x, y, r - x, btm - y};
}

bool is_empty(Rect r) {
    return r.w <= 0 || r.h <= 0;
}

Rect bounding(Rect a, Rect b) {
    if (is_empty(a)) return b;
    if (is_empty(b)) return a;
    const int x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

void DrawList::reset(Size size) {
    size_ = size;
    dx_ = dy_ = 0;
    clip_.reset();
    calls_.clear();
}

Rect DrawList::on_screen(Rect r) const {
    Rect s = intersection({r.x + dx_, r.y + dy_, r.w, r.h}, {0, 0, size_.w, size_.h});
    if (clip_) s = intersection(s, {clip_->x + dx_, clip_->y + dy_, clip_->w, clip_->h});
    return s;
}

void DrawList::add(DrawCall call) {
    calls_.push_back(std::move(call));
}

// A clear fills the whole target, whatever the offset and clip (as SDL_RenderClear does).
void DrawList::clear(Color color) {
    DrawCall c;
    c.kind = DrawCall::Kind::Clear;
    c.place = c.bounds = {0, 0, size_.w, size_.h};
    c.color = color;
    add(std::move(c));
}

void DrawList::fill_rect(Rect rect, Color color) {
    DrawCall c;
    c.kind = DrawCall::Kind::Fill;
    c.place = {rect.x + dx_, rect.y + dy_, rect.w, rect.h};
    c.bounds = on_screen(rect);
    c.color = color;
    add(std::move(c));
}

// The glyphs' ink may reach past the measured line box (italics, accents, descenders): half the
// type size around it is counted as touched.
void DrawList::draw_text(const SceneText& text, Color color, int dx, int dy, std::uint8_t alpha) {
    if (text.text.empty() || alpha == 0) return;
    DrawCall c;
    c.kind = DrawCall::Kind::Text;
    const int m = std::max(2, text.px / 2);
    const Rect box{text.x + dx - m, text.y + dy - m, text.w + 2 * m, text.h + 2 * m};
    c.place = {box.x + dx_, box.y + dy_, box.w, box.h};
    c.bounds = on_screen(box);
    c.color = color;
    c.alpha = alpha;
    c.dx = dx;
    c.dy = dy;
    c.text = text;
    add(std::move(c));
}

void DrawList::draw_image(const SceneImage& image, int dx, std::uint8_t alpha) {
    DrawCall c;
    c.kind = DrawCall::Kind::Image;
    const Rect r{image.rect.x + dx, image.rect.y, image.rect.w, image.rect.h};
    c.place = {r.x + dx_, r.y + dy_, r.w, r.h};
    c.bounds = on_screen(r);
    c.alpha = alpha;
    c.dx = dx;
    c.image = image;
    add(std::move(c));
}

void DrawList::set_offset(int dx, int dy) {
    dx_ = dx;
    dy_ = dy;
    DrawCall c;
    c.kind = DrawCall::Kind::Offset;
    c.dx = dx;
    c.dy = dy;
    add(std::move(c));
}

void DrawList::set_clip(std::optional<Rect> clip) {
    clip_ = clip;
    DrawCall c;
    c.kind = DrawCall::Kind::Clip;
    c.clip = clip;
    add(std::move(c));
}

bool same_call(const DrawCall& a, const DrawCall& b) {
    const SceneText &s = a.text, &t = b.text;
    return a.kind == b.kind && a.place == b.place && a.bounds == b.bounds && a.color == b.color &&
           a.alpha == b.alpha && a.dx == b.dx && a.dy == b.dy && a.clip == b.clip &&
           s.text == t.text && s.style == t.style && s.px == t.px && s.x == t.x && s.y == t.y &&
           s.w == t.w && s.h == t.h && a.image.rect == b.image.rect &&
           a.image.source == b.image.source && a.image.cover == b.image.cover;
}

namespace {

std::size_t mix(std::size_t h, std::size_t v) {
    return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2));
}

std::size_t hash_of(const DrawCall& c) {
    std::size_t h = static_cast<std::size_t>(c.kind);
    for (const int v : {c.place.x, c.place.y, c.place.w, c.place.h, c.bounds.x, c.bounds.y,
                        c.bounds.w, c.bounds.h, c.dx, c.dy})
        h = mix(h, static_cast<std::size_t>(v));
    h = mix(h, (c.color.r << 24) | (c.color.g << 16) | (c.color.b << 8) | c.color.a);
    h = mix(h, c.alpha);
    h = mix(h, std::hash<std::string>{}(c.text.text));
    return mix(h, std::hash<std::string>{}(c.image.source));
}

bool draws(const DrawCall& c) {
    return c.kind != DrawCall::Kind::Offset && c.kind != DrawCall::Kind::Clip;
}

// The calls of `a` with no equal call left in `b` (each call of `b` answers for one of `a`).
void unmatched(const std::vector<DrawCall>& a, const std::vector<DrawCall>& b,
               std::vector<Rect>& out) {
    std::unordered_multimap<std::size_t, const DrawCall*> left;
    for (const auto& c : b)
        if (draws(c)) left.emplace(hash_of(c), &c);
    for (const auto& c : a) {
        if (!draws(c) || is_empty(c.bounds)) continue;
        auto [from, to] = left.equal_range(hash_of(c));
        auto same = std::find_if(from, to, [&](const auto& e) { return same_call(*e.second, c); });
        if (same != to)
            left.erase(same);
        else
            out.push_back(c.bounds);
    }
}

bool near(Rect a, Rect b, int gap) {
    return !is_empty(intersection({a.x - gap, a.y - gap, a.w + 2 * gap, a.h + 2 * gap}, b));
}

long long area(Rect r) {
    return static_cast<long long>(r.w) * r.h;
}

} // namespace

std::vector<Rect> merge_damage(std::vector<Rect> rects, Size screen, int gap,
                               std::size_t max_count) {
    const Rect whole{0, 0, screen.w, screen.h};
    std::erase_if(rects, [&](Rect& r) { return is_empty(r = intersection(r, whole)); });
    for (bool merged = true; merged;) { // a grown rectangle may reach one already passed
        merged = false;
        for (std::size_t i = 0; i < rects.size(); ++i)
            for (std::size_t j = i + 1; j < rects.size();) {
                if (!near(rects[i], rects[j], gap)) {
                    ++j;
                    continue;
                }
                rects[i] = bounding(rects[i], rects[j]);
                rects.erase(rects.begin() + static_cast<std::ptrdiff_t>(j));
                merged = true;
                j = i + 1;
            }
    }
    long long covered = 0;
    for (const Rect& r : rects)
        covered += area(r);
    if (rects.size() > max_count || 4 * covered > 3 * area(whole)) return {whole};
    return rects;
}

std::vector<Rect> damage(const DrawList& before, const DrawList& after) {
    if (before.size() != after.size()) return {{0, 0, after.size().w, after.size().h}};
    std::vector<Rect> changed;
    unmatched(before.calls(), after.calls(), changed);
    unmatched(after.calls(), before.calls(), changed);
    // A scaled picture (a QR code) cut by the damaged area could be sampled a pixel apart from
    // the whole picture drawn before: one it reaches is drawn whole.
    const std::size_t n = changed.size();
    for (const auto& c : after.calls())
        if (c.kind == DrawCall::Kind::Image &&
            std::any_of(changed.begin(), changed.begin() + static_cast<std::ptrdiff_t>(n),
                        [&](Rect r) { return !is_empty(intersection(r, c.bounds)); }))
            changed.push_back(c.bounds);
    return merge_damage(std::move(changed), after.size());
}

} // namespace kiosk
