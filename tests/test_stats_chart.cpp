// The statistics chart's layout: bars in proportion, everything inside the picture, labels cut
// rather than run into the bars, and a plain sentence when nothing was counted yet.
#include "layout/stats_chart.h"
#include "support/fake_measure.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

ChartData sample() {
    ChartData d;
    d.title = "Bezoek aan de kiosk";
    d.subtitle = "2017-06-28 · 12 bezoeken";
    d.findings = {{"3 · Overheid en onderwijs mee", 8, "8× geopend · 6 min gelezen"},
                  {"1 · Overwegend positief", 4, "4× geopend · 2 min gelezen"},
                  {"5 · " + std::string(300, 'x'), 2, "2× geopend · 1 min gelezen"}};
    d.visits_by_hour[10] = 5;
    d.visits_by_hour[14] = 7;
    return d;
}

} // namespace

TEST_CASE("the chart keeps everything inside the picture, at any size") {
    test::FakeMeasure measure;
    for (const Size size : {Size{1600, 1000}, Size{800, 480}, Size{1000, 1600}}) {
        INFO(size.w << "x" << size.h);
        const Scene s = layout_stats_chart(sample(), size, measure);
        const Rect picture{0, 0, size.w, size.h};
        for (const auto& t : s.texts) {
            INFO(t.text);
            CHECK(picture.contains({t.x, t.y, t.w, t.h}));
        }
        for (const auto& r : s.rects)
            CHECK(picture.contains(r.rect));
    }
}

TEST_CASE("bars are in proportion to the figures") {
    test::FakeMeasure measure;
    const Scene s = layout_stats_chart(sample(), {1600, 1000}, measure);
    std::vector<int> finding_bars;
    for (const auto& r : s.rects)
        if (r.ink == Ink::Accent && r.rect.w > r.rect.h) finding_bars.push_back(r.rect.w);
    REQUIRE(finding_bars.size() == 3);
    CHECK(finding_bars[1] * 2 == Approx(finding_bars[0]).margin(2)); // 4 against 8
    CHECK(finding_bars[2] * 4 == Approx(finding_bars[0]).margin(4)); // 2 against 8
    std::vector<int> hour_bars;
    for (const auto& r : s.rects)
        if (r.ink == Ink::Accent && r.rect.h > r.rect.w) hour_bars.push_back(r.rect.h);
    REQUIRE(hour_bars.size() == 2);
    CHECK(hour_bars[0] * 7 == Approx(hour_bars[1] * 5).margin(14)); // 5 against 7 visits
}

TEST_CASE("a long finding title is cut with an ellipsis") {
    test::FakeMeasure measure;
    const Scene s = layout_stats_chart(sample(), {1600, 1000}, measure);
    bool cut = false;
    for (const auto& t : s.texts)
        if (t.text.rfind("5 · xxx", 0) == 0)
            cut = t.text.size() < 300 && t.text.find("…") != std::string::npos;
    CHECK(cut);
}

TEST_CASE("with nothing counted the chart says so") {
    test::FakeMeasure measure;
    ChartData d;
    d.title = "Bezoek aan de kiosk";
    const Scene s = layout_stats_chart(d, {1600, 1000}, measure);
    bool says = false;
    for (const auto& t : s.texts)
        says |= t.text == d.empty_text;
    CHECK(says);
    CHECK(s.rects.empty());
}
