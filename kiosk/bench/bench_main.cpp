// kiosk-bench: the kiosk's speed and weight, measured on the real renderer (SDL's software
// renderer, offscreen) with the default deck, and compared with the budget. Not a test: timings
// vary with the machine; the budget is printed next to each figure so a regression is visible.
//   kiosk-bench [--size WxH] [--json FILE] [--kiosk PATH] [--one-frame]
#include "bench/measure.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

using namespace kiosk;

int main(int argc, char** argv) {
    // SDL's dummy driver gives a window surface and the software renderer without loading a GL
    // stack (the offscreen driver loads Mesa's llvmpipe, 60 MB of RSS that is not the kiosk's).
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_RENDER_DRIVER", "software", 0);
    BenchOptions o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--size" && i + 1 < argc) {
            if (std::sscanf(argv[++i], "%dx%d", &o.size.w, &o.size.h) != 2)
                return std::cerr << "bad --size\n", 2;
        } else if (a == "--json" && i + 1 < argc) {
            o.json_file = argv[++i];
        } else if (a == "--kiosk" && i + 1 < argc) {
            o.kiosk_binary = argv[++i];
        } else if (a == "--one-frame") {
            o.one_frame = true;
        } else {
            std::cerr
                << "usage: kiosk-bench [--size WxH] [--json FILE] [--kiosk PATH] [--one-frame]\n";
            return 2;
        }
    }
    const BenchReport report = run_bench(o);
    if (o.one_frame) return 0;
    std::cout << report_table(report);
    if (!o.json_file.empty()) std::ofstream(o.json_file) << report_json(report);
    return 0;
}
