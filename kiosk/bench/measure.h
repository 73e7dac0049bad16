#pragma once
#include "layout/geometry.h"

#include <string>
#include <vector>

namespace kiosk {

struct BenchOptions {
    Size size{1920, 1080};
    std::string json_file;
    std::string kiosk_binary; // for start-up time: empty skips it
    bool one_frame = false;   // draw one transition frame only (for callgrind)
};

struct Figure {
    std::string name, unit;
    double value = 0;
    double budget = 0; // 0: no budget
    bool over() const { return budget > 0 && value > budget; }
};

struct BenchReport {
    Size size;
    std::vector<Figure> figures;
};

BenchReport run_bench(const BenchOptions& options);
std::string report_table(const BenchReport& r);
std::string report_json(const BenchReport& r);

} // namespace kiosk
