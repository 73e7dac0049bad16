#pragma once
// Live content: when the watcher reports a change, wait a moment for the writes to settle, load
// the deck on a background thread with the same loader as at start-up, and hand it to the app,
// which switches only once it is laid out. In a content root it also follows the importer's
// status file to say on screen what an import is doing. A deck that fails to load never replaces
// the one showing; the reason goes on screen.
#include "app/kiosk_app.h"
#include "app/settings.h"
#include "content/loader.h"

#include <functional>
#include <future>
#include <string>

namespace kiosk {

class ContentUpdates {
  public:
    // wake: called from the loading thread when a load finishes, to wake the main loop.
    ContentUpdates(const Settings& settings, std::string shown_origin, std::function<void()> wake);
    ~ContentUpdates();

    void changed(double now);
    // Starts a load once changes settle; hands finished loads and import news to the app.
    void poll(KioskApp& app, double now);
    double seconds_until_due(double now) const;

    static constexpr double settle_s = 0.3;

  private:
    struct Loaded {
        LoadResult result;
        std::string origin;
    };
    void start_load();
    bool current_is_shown() const;
    void follow_import_status(KioskApp& app, double now);
    void take_loaded(KioskApp& app, double now);

    Settings settings_;
    std::string shown_; // origin of the deck on screen (a release folder, or a file)
    std::string last_status_;
    std::function<void()> wake_;
    std::future<Loaded> loading_;
    double due_;
    bool reload_after_ = false;
};

} // namespace kiosk
