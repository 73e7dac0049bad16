#pragma once
// The statistics chart the organiser takes home on the stick: the most read findings as
// horizontal bars and the visits by hour of the day as columns, laid out as a Scene so the
// kiosk's own renderer draws it (and a test can check it without pixels).
#include "layout/scene.h"

#include <array>
#include <string>
#include <vector>

namespace kiosk {

struct ChartBar {
    std::string label; // "3 · Overheid en onderwijs mee"
    long value = 0;    // the bar's length: times opened
    std::string note;  // beside the bar: "12× geopend · 6 min gelezen"
};

struct ChartData {
    std::string title;              // what the chart is about
    std::string subtitle;           // the period and the totals
    std::vector<ChartBar> findings; // most read first; at most 10 are drawn
    std::array<long, 24> visits_by_hour{};
    std::string findings_heading = "Meest gelezen vaststellingen";
    std::string hours_heading = "Bezoeken per uur";
    std::string empty_text = "Nog geen bezoeken geteld.";
};

Scene layout_stats_chart(const ChartData& data, Size size, const TextMeasure& measure);

} // namespace kiosk
