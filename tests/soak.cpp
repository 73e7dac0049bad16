// The soak test: days of kiosk use in minutes. The real app, canvas and caches on a hidden
// window (SDL's software renderer), driven by a simulated clock through thousands of slide
// transitions, visitors' gestures (swipes, taps, the overview, the reading view with flings) and
// deck switches. Resident memory, open file descriptors and live textures are sampled at ten
// checkpoints after a warm-up; a leak shows as growth from the first half of the run to the
// second, and the test fails when that growth passes the margins below.
//   kiosk_soak [--transitions N] [--gestures N] [--switches N] [--size WxH]
// Defaults (10,000 / 1,000 / 100) are the full soak; CTest runs a tenth of it.
#include "bench/rig.h"
#include "content/loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// Under AddressSanitizer freed memory waits in a quarantine of up to 256 MB before it is reused,
// so resident memory grows by design there: that build checks descriptors and textures only.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool rss_is_meaningful = false;
#else
constexpr bool rss_is_meaningful = true;
#endif

// The margins: what the second half of the run may add over the first half's highest figure.
constexpr double rss_margin_mb = 1.5;   // allocator noise, not a leak at this scale
constexpr double texture_margin = 1.10; // which slides happen to be cached at a checkpoint

struct Options {
    int transitions = 10000, gestures = 1000, switches = 100;
    Size size{800, 480};
};

struct Sample {
    double rss_mb = 0;
    int fds = 0;
    std::size_t textures = 0, texture_bytes = 0;
};

double rss_mb() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

int open_fds() {
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

Sample sample(Rig& rig) {
    auto& c = *rig.canvas;
    return {rss_mb(), open_fds(), c.text_cache().entries() + c.image_cache().entries(),
            c.text_cache().bytes() + c.image_cache().bytes()};
}

void settle(Rig& rig, double seconds) {
    for (double t = 0; t < seconds; t += 0.1)
        rig.tick(0.1);
}

void tap(Rig& rig, float x, float y) {
    rig.pointer(InputEvent::Type::PointerDown, x, y);
    rig.t += 0.05;
    rig.pointer(InputEvent::Type::PointerUp, x, y);
}

bool tap_button(Rig& rig, Action action) {
    for (const auto& b : rig.app->buttons())
        if (b.action == action) {
            tap(rig, b.rect.x + b.rect.w / 2.f, b.rect.y + b.rect.h / 2.f);
            return true;
        }
    return false;
}

void swipe(Rig& rig, float from_x, float to_x, float y, float dy = 0) {
    rig.pointer(InputEvent::Type::PointerDown, from_x, y);
    for (int s = 1; s <= 6; ++s) {
        rig.t += 1.0 / 60;
        rig.pointer(InputEvent::Type::PointerMove, from_x + (to_x - from_x) * s / 6,
                    y + dy * s / 6);
        rig.tick(0);
    }
    rig.pointer(InputEvent::Type::PointerUp, to_x, y + dy);
}

struct Visits {
    int overviews = 0, readings = 0;
};

// One of five things a visitor does, in turn.
void gesture(Rig& rig, int n, Visits& visits) {
    const float w = rig.canvas->size().w, h = rig.canvas->size().h;
    switch (n % 5) {
    case 0:
        swipe(rig, w * 0.8f, w * 0.2f, h / 2);
        break;
    case 1:
        swipe(rig, w * 0.2f, w * 0.8f, h / 2);
        break;
    case 2:
        tap(rig, w / 2, h / 2);
        break;
    case 3:
        if (tap_button(rig, Action::Overview)) {
            settle(rig, 1);
            visits.overviews += rig.app->browser().view() == View::Overview;
            tap_button(rig, Action::OpenFinding);
        }
        break;
    case 4:
        tap(rig, w / 2, h / 2); // shows the controls if they were hidden
        if (tap_button(rig, Action::ReadMore)) {
            settle(rig, 1);
            visits.readings += rig.app->browser().view() == View::Reading;
            swipe(rig, w / 2, w / 2, h * 0.8f, -h * 0.5f); // a fling up the text
            settle(rig, 2);
            tap_button(rig, Action::Close);
        }
        break;
    }
    settle(rig, 1);
}

// A second deck to switch to and from: the default one under another version, so each switch
// loads, lays out and shows a deck the app has not got.
fs::path second_deck() {
    const fs::path dir = fs::temp_directory_path() / "kiosk-soak-deck";
    fs::remove_all(dir);
    fs::copy(KIOSK_SOURCE_CONTENT_DIR, dir, fs::copy_options::recursive);
    std::ifstream in(dir / "deck.json");
    auto j = nlohmann::json::parse(in);
    j["version"] = "soak";
    std::ofstream(dir / "deck.json") << j.dump(2);
    return dir;
}

// Each switch also numbers every slide's title, so each deck brings text never drawn before:
// a cache that kept old decks' text would show as growth.
void switch_deck(Rig& rig, const fs::path& dir, int n) {
    auto loaded = load_content_dir(dir);
    if (!loaded.deck) return;
    for (auto& slide : loaded.deck->slides)
        if (!slide.title.empty()) slide.title += " " + std::to_string(n);
    rig.app->offer_deck(std::move(*loaded.deck), dir.string());
    for (int i = 0; i < 400 && rig.app->deck_pending(); ++i)
        rig.tick(0.05);
    settle(rig, 1);
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--transitions")
            o.transitions = std::atoi(argv[i + 1]);
        else if (a == "--gestures")
            o.gestures = std::atoi(argv[i + 1]);
        else if (a == "--switches")
            o.switches = std::atoi(argv[i + 1]);
        else if (a == "--size")
            std::sscanf(argv[i + 1], "%dx%d", &o.size.w, &o.size.h);
        else
            return false;
    }
    return argc % 2 == 1 && o.transitions >= 20;
}

void print(const char* label, const Sample& s) {
    std::printf("%-34s RSS %6.2f MB  fds %3d  textures %4zu (%6.2f MB)\n", label, s.rss_mb, s.fds,
                s.textures, s.texture_bytes / 1048576.0);
}

// The highest of each figure over a range of samples.
Sample peak(const std::vector<Sample>& v, std::size_t from, std::size_t to) {
    Sample p;
    for (std::size_t i = from; i < to; ++i) {
        p.rss_mb = std::max(p.rss_mb, v[i].rss_mb);
        p.fds = std::max(p.fds, v[i].fds);
        p.textures = std::max(p.textures, v[i].textures);
        p.texture_bytes = std::max(p.texture_bytes, v[i].texture_bytes);
    }
    return p;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::cerr << "usage: kiosk_soak [--transitions N] [--gestures N] [--switches N] "
                     "[--size WxH]   (at least 20 transitions)\n";
        return 2;
    }
    Rig rig(o.size);
    if (!rig.ok()) return std::cerr << "kiosk_soak: cannot start: " << rig.error << '\n', 1;
    const fs::path decks[] = {second_deck(), KIOSK_SOURCE_CONTENT_DIR};
    const int gesture_every = std::max(1, o.transitions / std::max(1, o.gestures));
    const int switch_every = std::max(1, o.transitions / std::max(1, o.switches));
    const int checkpoint_every = o.transitions / 10;
    int gestures = 0, switches = 0;
    Visits visits;
    std::vector<Sample> samples;
    Sample warm;
    for (int i = 1; i <= o.transitions; ++i) {
        rig.key(i % 7 == 0 ? Key::Previous : Key::Next);
        for (int f = 0; f < 8; ++f)
            rig.tick(0.1);
        if (i % gesture_every == 0 && gestures < o.gestures) gesture(rig, gestures++, visits);
        if (i % switch_every == 0 && switches < o.switches)
            switch_deck(rig, decks[switches % 2], switches), ++switches;
        if (i == checkpoint_every) warm = sample(rig); // warm-up: one tenth of the run
        if (i > checkpoint_every && i % checkpoint_every == 0) samples.push_back(sample(rig));
    }
    const Sample end = sample(rig);
    std::printf("soak at %dx%d: %d transitions, %d gestures, %d deck switches, %ld frames\n",
                o.size.w, o.size.h, o.transitions, gestures, switches, rig.app->frames_drawn());
    std::printf("the overview opened %d times, a finding's text %d times\n", visits.overviews,
                visits.readings);
    print("after warm-up (a tenth of the run)", warm);
    print("at the end", end);
    const std::size_t half = samples.size() / 2;
    const Sample first = peak(samples, 0, half), second = peak(samples, half, samples.size());
    print("highest, first half", first);
    print("highest, second half", second);
    bool ok = true;
    auto fail = [&ok](const char* what) {
        std::printf("FAIL: %s grew from the first half of the run to the second\n", what);
        ok = false;
    };
    if (!rss_is_meaningful)
        std::printf("(AddressSanitizer build: resident memory not judged)\n");
    else if (second.rss_mb > first.rss_mb + rss_margin_mb)
        fail("resident memory");
    if (second.fds > first.fds || end.fds > warm.fds) fail("open file descriptors");
    if (second.textures > first.textures * texture_margin + 2) fail("live textures");
    if (second.texture_bytes > first.texture_bytes * texture_margin + 65536) fail("texture bytes");
    fs::remove_all(decks[0]);
    std::printf(ok ? "ok: flat after warm-up\n" : "");
    return ok ? 0 : 1;
}
