#include "commands/run.h"

#include "app/clock.h"
#include "app/content_updates.h"
#include "app/deck_source.h"
#include "app/kiosk_app.h"
#include "app/stats_session.h"
#include "commands/typesetting.h"
#include "platform/allocator.h"
#include "platform/clock_status.h"
#include "platform/content_watcher.h"
#include "platform/display.h"
#include "platform/drm_screen.h"
#include "platform/screen_output.h"
#include "platform/sdl_input.h"
#include "platform/service_notifier.h"
#include "platform/signal_watcher.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>

namespace kiosk {
namespace {

// Without vsync (software renderer, offscreen) an animation would spin as fast as it can; this
// keeps it near the display rate.
constexpr double animation_frame_s = 1.0 / 60;

LocalTime local_time() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return {(tm.tm_wday + 6) % 7, tm.tm_hour * 60 + tm.tm_min};
}

// Time zones differ from UTC by whole minutes, so the seconds need no local time.
double seconds_into_minute() {
    return static_cast<double>(std::time(nullptr) % 60);
}

struct Loop {
    const Settings& settings;
    Display& display;
    ScreenOutput& output;
    KioskApp& app;
    SdlCanvas& canvas;
    ScaledClock& clock;
    OwnEvents own_events;
    StatsSession& stats;
    ContentUpdates& updates;
    ServiceNotifier& service;
    int poll_ms; // input_poll_interval_ms (renderer_choice.h) for this video driver

    void dispatch(const SDL_Event& e) {
        const auto event = map_sdl_event(e, display.size(), clock.now(), own_events);
        if (!event) return;
        switch (event->kind) {
        case LoopEvent::Kind::ContentChanged:
            return updates.changed(clock.now());
        case LoopEvent::Kind::ContentLoaded:
            return; // it only wakes the loop: poll() takes the result
        case LoopEvent::Kind::Resized:
            return resize();
        case LoopEvent::Kind::Exposed:
            canvas.invalidate();
            return app.screen_lost();
        case LoopEvent::Kind::Input:
            return handle(event->input);
        }
    }

    void resize() {
        std::string error;
        if (!output.resize(display.size(), error)) std::cerr << "kiosk: " << error << '\n';
        canvas.resize(output.logical());
        app.resize(output.logical());
    }

    // Input arrives in window pixels; the app works in the rotated screen's logical pixels.
    void handle(InputEvent input) {
        const PointF p = output.to_logical(input.x, input.y);
        input.x = p.x;
        input.y = p.y;
        app.handle(input, clock.now());
    }

    // Sleeps until input arrives or the app has something to do. While animating, frames are
    // paced to the display rate here rather than trusting vsync, which the software renderer
    // reports but does not honour.
    void wait_for_events() {
        const double now = clock.now();
        const double wake_s = std::min({app.seconds_until_wake(now) / clock.scale(),
                                        updates.seconds_until_due(now) / clock.scale(),
                                        service.max_sleep_s(), seconds_until_schedule_change()});
        // Animation frames are a frame time apart from start to start. Counted from the end of
        // the last one, its drawing and sending came on top: 19-20 ms a frame on X11 (50 fps),
        // and a present that blocks for vsync would have been waited for twice.
        const double since_frame = seconds_since(last_frame);
        const double wait_s = wake_s > 0 ? wake_s : animation_frame_s - since_frame;
        const double wait_ms_exact = wait_s * 1000;
        const int wait_ms = static_cast<int>(std::clamp(
            wake_s > 0 ? std::ceil(wait_ms_exact) : std::floor(wait_ms_exact), 0.0, 60000.0));
        SDL_Event e;
        if (wait_event(e, wait_ms)) {
            dispatch(e);
            while (SDL_PollEvent(&e))
                dispatch(e);
        }
    }

    // SDL_WaitEventTimeout, but where SDL cannot sleep until input comes, input is looked for
    // every poll_ms rather than every millisecond (renderer_choice.h).
    bool wait_event(SDL_Event& e, int wait_ms) {
        if (poll_ms <= 0) return SDL_WaitEventTimeout(&e, wait_ms) != 0;
        const Uint64 until = SDL_GetTicks64() + static_cast<Uint64>(wait_ms);
        for (;;) {
            SDL_PumpEvents();
            if (SDL_PeepEvents(&e, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0) return true;
            const Uint64 now = SDL_GetTicks64();
            if (now >= until) return false;
            SDL_Delay(static_cast<Uint32>(std::min<Uint64>(until - now, poll_ms)));
        }
    }

    void run() {
        while (!app.wants_quit()) {
            wait_for_events();
            service.alive();
            apply(updates.poll(app.deck().ui, clock.now()));
            stats.tick(clock.now());
            app.set_open(is_open(settings.visitor.schedule, local_time()), clock.now());
            follow_hall();
            app.update(clock.now());
            stats.observe(app.observed(clock.now()), app.dark());
            if (!app.needs_redraw()) continue;
            const auto started = std::chrono::steady_clock::now();
            output.begin_frame();
            app.draw(canvas, clock.now());
            output.end_frame(canvas.finish());
            if (settings.hooks.frame_times) log_frame_time(started);
            service.ready(); // the first frame is on screen
            if (settings.hooks.exit_after_frames > 0 &&
                app.frames_drawn() >= settings.hooks.exit_after_frames)
                break;
            last_frame = started;
            app.prepare_upcoming(canvas, clock.now());
        }
    }

    // "frame-time T D": the frame began T ms after the first one and took D ms to draw and
    // send (with the X server's acknowledgement on X11); deploy/bench-display.sh reads it.
    void log_frame_time(std::chrono::steady_clock::time_point started) {
        using ms = std::chrono::duration<double, std::milli>;
        if (first_frame == std::chrono::steady_clock::time_point{}) first_frame = started;
        std::fprintf(stderr, "frame-time %.2f %.3f\n", ms(started - first_frame).count(),
                     ms(std::chrono::steady_clock::now() - started).count());
    }

    // News from the content folder: notices and a new deck for the app, the last import and
    // problems for the status overlay, imports for the statistics.
    void apply(ContentNews news) {
        const double now = clock.now();
        for (auto& n : news.notices)
            app.notify(std::move(n.lines), now, n.seconds);
        if (news.problem) app.status().set_problem(std::move(*news.problem));
        if (news.last_import) app.status().set_last_import(std::move(*news.last_import));
        for (const StatKind kind : news.counts)
            stats.count(kind, now);
        if (news.deck) app.offer_deck(std::move(*news.deck), std::move(news.origin));
    }

    // Hall sync: the hall's clock is the wall clock (kept by chrony).
    void follow_hall() {
        if (!settings.visitor.hall_sync) return;
        const auto wall = std::chrono::system_clock::now().time_since_epoch();
        app.follow_hall(std::chrono::duration<double>(wall).count() + settings.hooks.hall_offset_s);
    }

    // The opening hours change on the minute; wake then (plus a second, to be past it).
    double seconds_until_schedule_change() const {
        if (settings.visitor.schedule.always_open) return std::numeric_limits<double>::infinity();
        const LocalTime t = local_time();
        return minutes_until_change(settings.visitor.schedule, t) * 60.0 - seconds_into_minute() +
               1;
    }

    static double seconds_since(std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    }

    std::chrono::steady_clock::time_point last_frame{};
    std::chrono::steady_clock::time_point first_frame{};
};
// The content root (imports rename into it), or the content folder and its subfolders (an
// author saving deck.json or an image).
std::vector<std::filesystem::path> watched_folders(const Settings& s) {
    if (!s.content.content_root.empty()) return {s.content.content_root};
    std::vector<std::filesystem::path> folders{s.content.content_dir};
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(s.content.content_dir, ec))
        if (entry.is_directory(ec)) folders.push_back(entry.path());
    return folders;
}

// The app on an open display: the deck, live content, statistics, and the loop until it is asked
// to stop.
int show(const Settings& settings, Display& display, const FontSet& fonts, ScreenOutput& output,
         const SignalWatcher& signals) {
    auto startup =
        load_startup_deck(settings.content.content_dir, settings.content.content_root, std::cerr);
    std::cerr << "kiosk: showing " << startup.origin << " (" << startup.deck.slides.size()
              << " slides)\n";
    ScaledClock clock(settings.hooks.time_scale);
    // Hyphenation follows the deck shown at start; a new deck in another language keeps it.
    const auto measure = typesetting(fonts, settings.display, startup.deck.language, std::cerr);
    KioskApp app(settings, std::move(startup.deck), measure, output.logical(), clock.now(),
                 settings.hooks.trace ? &std::cout : nullptr);
    app.status().set_origin(startup.origin);
    app.status().set_problem(startup.problem);
    app.status().set_renderer(display.renderer_name());
    app.set_dpi(display.dpi());
    release_free_memory(); // what parsing the deck left behind
    // Two event types: a change on disk, and a finished background load. A load that woke the
    // loop as a change would schedule the next load, for ever (each load starts another).
    const Uint32 content_event = SDL_RegisterEvents(2);
    const Uint32 loaded_event = content_event + 1;
    ContentUpdates updates(settings, startup.origin, [loaded_event] {
        SDL_Event e{};
        e.type = loaded_event; // only wakes the loop: poll() takes the result
        SDL_PushEvent(&e);
    });
    ContentWatcher watcher(watched_folders(settings), content_event);
    SdlCanvas canvas(display.renderer(), fonts, output.logical());
    if (display.keeps_pixels()) { // only what changed is drawn and sent (view/draw_list.h)
        canvas.keep_pixels(true);
        output.present_changes_only(display.frame_sink());
    }
    ServiceNotifier service;
    StatsSession stats(settings, std::cerr);
    const double wall0 = static_cast<double>(std::time(nullptr)), now0 = clock.now();
    stats.start(now0, [wall0, now0](double now) { return wall0 + (now - now0); });
    // Asked only while the status overlay shows: today's figures, and how well the kernel says
    // the clock is kept (what hall sync relies on).
    app.status().set_figures([&stats](double now) {
        auto lines = stats.today_lines(now);
        lines.push_back("Clock: " + describe(read_clock_status()));
        return lines;
    });
    const OwnEvents own{signals.event_type(), content_event, loaded_event,
                        settings.display.windowed};
    const char* video = SDL_GetCurrentVideoDriver();
    const int poll_ms = input_poll_interval_ms(video ? video : "");
    Loop{settings, display, output, app, canvas, clock, own, stats, updates, service, poll_ms}
        .run();
    service.stopping();
    stats.finish(app.observed(clock.now()));
    std::cerr << "kiosk: stopped after " << app.frames_drawn() << " frames\n";
    return 0;
}

void say_fallback(const std::string& why) {
    std::cerr << "kiosk: display: cannot drive the screen itself (" << why
              << "); SDL's KMSDRM output instead\n";
}

// The console's screen when the kiosk drives it itself (platform/drm_screen.h), with SDL then
// on its "evdev" driver for the touch screen and keys; null when it does not, or cannot (then
// SDL's KMSDRM output is the way, and the log says why).
std::unique_ptr<DrmScreen> console_screen(const Settings& settings) {
    const char* video = std::getenv("SDL_VIDEODRIVER");
    const bool desktop = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (!drives_screen_itself(settings.display.windowed, video ? video : "", desktop))
        return nullptr;
    std::string why;
    auto screen = DrmScreen::open(why);
    if (!screen) return say_fallback(why), nullptr;
    // Overriding: a normal hint would lose to the environment. SDL_Quit clears it.
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "evdev", SDL_HINT_OVERRIDE);
    return screen;
}

// The display, and SDL under it: the kiosk's own screen on SDL's evdev driver where it can
// drive the console's screen itself, else SDL's own output. What failed on the way is logged.
std::optional<Display> open_display(const Settings& settings, std::optional<SdlSession>& sdl,
                                    std::string& error) {
    const DisplayOptions options{settings.display.windowed, settings.display.window};
    if (auto screen = console_screen(settings)) {
        sdl.emplace(SDL_INIT_VIDEO);
        if (sdl->ok()) {
            if (auto display = Display::open(options, std::move(screen), error)) return display;
        } else {
            error = sdl->error();
        }
        say_fallback(error);
        sdl.reset(); // SDL_Quit: the evdev hint goes with it
        // Leaving this block gives the screen back (it was moved into Display::open, or is
        // `screen` here): SDL's KMSDRM needs it.
    }
    sdl.emplace(SDL_INIT_VIDEO);
    if (!sdl->ok()) return error = std::string("cannot start SDL: ") + sdl->error(), std::nullopt;
    return Display::open(options, nullptr, error);
}

} // namespace

// The edges first (SDL, the display, the fonts, the rotated output): a kiosk that cannot open
// them says why and exits, and its service restarts it.
int run_kiosk(const Settings& settings) {
    tune_allocator_for_long_runs();
    BlockedSignals blocked;
    std::optional<SdlSession> sdl;
    std::string error;
    auto display = open_display(settings, sdl, error);
    if (!display) return std::cerr << "kiosk: " << error << '\n', 1;
    SignalWatcher signals(blocked);
    auto fonts = FontSet::open(settings.display.font_dir, error);
    if (!fonts) return std::cerr << "kiosk: " << error << '\n', 1;
    ScreenOutput output(display->renderer(), display->size(),
                        rotation_from_degrees(settings.display.rotation).value_or(Rotation::R0));
    if (!output.resize(display->size(), error)) return std::cerr << "kiosk: " << error << '\n', 1;
    return show(settings, *display, *fonts, output, signals);
}

} // namespace kiosk
