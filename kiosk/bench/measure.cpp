// How each figure of the benchmark is measured. Frames are timed around draw + present on SDL's
// software renderer (the Pi-class worst case) on the dummy video driver, with the kiosk's own app
// state driven by a simulated 60 Hz clock, so the work per frame is real and the waiting is not.
#include "bench/measure.h"

#include "bench/rig.h"
#include "content/loader.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace kiosk {
namespace {

double wall_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double cpu_s() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double status_mb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::stod(line.substr(std::strlen(field) + 1)) / 1024.0;
    return 0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * (v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// The frame deploy/bench.sh counts instructions in (callgrind collects inside this function
// only): mid-transition, with both slides' text already rasterised, as the kiosk's idle
// preparation leaves it.
[[gnu::noinline]] void bench_transition_frame(Rig& rig) {
    rig.tick(0.35);
}

std::vector<double> transition_frames(Rig& rig, int transitions) {
    std::vector<double> ms;
    for (int i = 0; i < transitions; ++i) {
        rig.key(Key::Next);
        for (int f = 0; f < 60; ++f)
            if (const double m = rig.tick(); m >= 0) ms.push_back(m);
    }
    return ms;
}

std::vector<double> scroll_frames(Rig& rig) {
    std::vector<double> ms;
    for (int attempt = 0; attempt < 40 && rig.app->browser().view() != View::Reading; ++attempt) {
        rig.key(Key::Next);
        for (const auto& b : rig.app->buttons())
            if (b.action == Action::ReadMore) {
                rig.pointer(InputEvent::Type::PointerDown, b.rect.x + 5.f, b.rect.y + 5.f);
                rig.t += 0.05;
                rig.pointer(InputEvent::Type::PointerUp, b.rect.x + 5.f, b.rect.y + 5.f);
            }
        for (int f = 0; f < 60; ++f)
            rig.tick();
    }
    const float x = rig.canvas->size().w / 2.f, y0 = rig.canvas->size().h * 0.7f;
    for (int fling = 0; fling < 5; ++fling) {
        rig.pointer(InputEvent::Type::PointerDown, x, y0);
        for (int s = 1; s <= 6; ++s) {
            rig.t += 1.0 / 60;
            rig.pointer(InputEvent::Type::PointerMove, x, y0 - 40.f * s);
            if (const double m = rig.tick(0); m >= 0) ms.push_back(m);
        }
        rig.pointer(InputEvent::Type::PointerUp, x, y0 - 240);
        for (int f = 0; f < 120; ++f)
            if (const double m = rig.tick(); m >= 0) ms.push_back(m);
    }
    return ms;
}

// CPU for a minute of the unattended loop, sleeping as the real loop does between wake-ups.
std::pair<double, double> attract_minute(Size size) {
    Rig rig(size);
    const double cpu0 = cpu_s();
    int wakeups = 0;
    while (rig.t < 60) {
        const double wait = rig.app->seconds_until_wake(rig.t);
        rig.tick(std::max(wait, 1.0 / 60));
        ++wakeups;
    }
    return {cpu_s() - cpu0, wakeups / 60.0};
}

// Wake-ups a second while a visitor's slide just sits there (nothing moves, nothing to draw).
std::pair<double, double> idle_wakeups(Size size) {
    Rig rig(size);
    rig.key(Key::Next);
    for (int f = 0; f < 60; ++f)
        rig.tick();
    int wakeups = 0, frames = 0;
    const double start = rig.t;
    while (rig.t - start < 30) {
        const double wait = rig.app->seconds_until_wake(rig.t);
        frames += rig.tick(std::max(wait, 1.0 / 60)) >= 0;
        ++wakeups;
    }
    return {wakeups / 30.0, frames / 30.0};
}

double deck_switch_ms(Rig& rig) {
    const double start = wall_s();
    auto loaded = load_content_dir(KIOSK_SOURCE_CONTENT_DIR);
    rig.app->offer_deck(std::move(*loaded.deck), "bench");
    while (rig.app->deck_pending())
        rig.tick(0.001);
    rig.tick(0.001);
    return (wall_s() - start) * 1000;
}

// Process start to first frame: the kiosk binary, timed from fork to its exit after one frame.
double startup_ms(const std::string& kiosk, Size size) {
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        const double start = wall_s();
        const pid_t pid = fork();
        if (pid == 0) {
            setenv("SDL_VIDEODRIVER", "dummy", 0);
            setenv("SDL_RENDER_DRIVER", "software", 0);
            const std::string geometry = std::to_string(size.w) + "x" + std::to_string(size.h);
            execl(kiosk.c_str(), kiosk.c_str(), "--windowed", geometry.c_str(),
                  "--exit-after-frames", "1", static_cast<char*>(nullptr));
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            runs.push_back((wall_s() - start) * 1000);
    }
    return percentile(runs, 0.5);
}

// The kiosk binary's own peak resident size over one whole attract loop on a fast clock: the
// process that runs on the Pi, with its threads, watcher and service code, rather than the
// bench's rig. 0 when it could not be run.
double kiosk_loop_peak_mb(const std::string& kiosk, Size size) {
    const pid_t pid = fork();
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        setenv("SDL_RENDER_DRIVER", "software", 0);
        const std::string geometry = std::to_string(size.w) + "x" + std::to_string(size.h);
        execl(kiosk.c_str(), kiosk.c_str(), "--windowed", geometry.c_str(), "--time-scale", "40",
              "--exit-after-loops", "1", static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 0;
    return usage.ru_maxrss / 1024.0;
}

void add(BenchReport& r, std::string name, double value, std::string unit, double budget) {
    r.figures.push_back({std::move(name), std::move(unit), value, budget});
}

// The frame times' spread; only the p99 has a budget (half a 60 Hz frame).
void add_frame_times(BenchReport& r, const std::string& what, const std::vector<double>& ms) {
    add(r, what + " frame p50", percentile(ms, 0.5), "ms", 0);
    add(r, what + " frame p95", percentile(ms, 0.95), "ms", 0);
    add(r, what + " frame p99", percentile(ms, 0.99), "ms", 8);
    add(r, what + " frame max", percentile(ms, 1), "ms", 0);
}

} // namespace

BenchReport run_bench(const BenchOptions& o) {
    BenchReport r{o.size, {}};
    Rig rig(o.size);
    if (!rig.ok()) {
        std::fprintf(stderr, "kiosk-bench: cannot start: %s %s\n", SDL_GetError(),
                     rig.error.c_str());
        return r;
    }
    if (o.one_frame) { // one transition frame, for an instruction count under callgrind
        rig.tick();    // the first slide, and the next one's text prepared, as in the kiosk
        rig.key(Key::Next);
        bench_transition_frame(rig);
        return r;
    }
    if (!o.kiosk_binary.empty())
        add(r, "start to first frame", startup_ms(o.kiosk_binary, o.size), "ms", 100);
    add_frame_times(r, "transition", transition_frames(rig, 60));
    add_frame_times(r, "scroll", scroll_frames(rig));
    add(r, "deck switch (load, lay out, first frame)", deck_switch_ms(rig), "ms", 0);
    add(r, "peak RSS", status_mb("VmHWM:"), "MB", 30);
    // The rest of the 1000 transitions with two frames each: memory, not frame times, is the
    // point here, and drawing every frame would take minutes.
    for (int i = 60; i < 1000; ++i) {
        rig.key(Key::Next);
        rig.tick(0.3);
        rig.tick(0.5);
    }
    add(r, "RSS after 1000 transitions", status_mb("VmRSS:"), "MB", 30);
    if (!o.kiosk_binary.empty())
        add(r, "kiosk process peak RSS, one attract loop",
            kiosk_loop_peak_mb(o.kiosk_binary, o.size), "MB", 30);
    const auto [cpu, wakeups] = attract_minute(o.size);
    add(r, "CPU per minute of attract loop", cpu, "s", 1.2);
    add(r, "attract loop wake-ups", wakeups, "/s", 0);
    const auto [idle, redraws] = idle_wakeups(o.size);
    add(r, "wake-ups while nothing changes", idle, "/s", 0.2);
    add(r, "redraws while nothing changes", redraws, "/s", 0.2);
    return r;
}

std::string report_table(const BenchReport& r) {
    std::ostringstream out;
    out << "kiosk-bench at " << r.size.w << "x" << r.size.h << " (software renderer, no GPU)\n";
    char line[160];
    for (const auto& f : r.figures) {
        const std::string budget =
            f.budget > 0 ? "<= " + std::to_string(f.budget).substr(0, 5) : "";
        std::snprintf(line, sizeof line, "  %-42s %9.2f %-3s %-10s %s\n", f.name.c_str(), f.value,
                      f.unit.c_str(), budget.c_str(), f.over() ? "OVER BUDGET" : "");
        out << line;
    }
    return out.str();
}

std::string report_json(const BenchReport& r) {
    nlohmann::ordered_json j;
    j["size"] = std::to_string(r.size.w) + "x" + std::to_string(r.size.h);
    for (const auto& f : r.figures)
        j["figures"].push_back({{"name", f.name},
                                {"value", f.value},
                                {"unit", f.unit},
                                {"budget", f.budget},
                                {"over", f.over()}});
    return j.dump(2) + "\n";
}

} // namespace kiosk
