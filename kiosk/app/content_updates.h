#pragma once
// Live content: when the watcher reports a change, wait a moment for the writes to settle, load
// the deck on a background thread with the same loader as at start-up, and report it as news for
// the loop to hand to the app, which switches only once it is laid out. In a content root it also
// follows the importer's status file to say on screen what an import is doing. A deck that fails
// to load never replaces the one showing; the reason goes on screen.
#include "app/settings.h"
#include "content/loader.h"
#include "stats/stat_event.h"

#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// What one poll found, in the order it happened.
struct ContentNews {
    struct Notice {
        std::vector<std::string> lines;
        double seconds = 8;
    };
    std::vector<Notice> notices;            // for the screen
    std::optional<Deck> deck;               // a new deck to offer the app
    std::string origin;                     // where that deck came from
    std::optional<std::string> last_import; // for the status overlay
    std::optional<std::string> problem;     // likewise
    std::vector<StatKind> counts;           // for the statistics
};

class ContentUpdates {
  public:
    // wake: called from the loading thread when a load finishes, to wake the main loop.
    ContentUpdates(const Settings& settings, std::string shown_origin, std::function<void()> wake);
    ~ContentUpdates();

    void changed(double now);
    // Starts a load once changes settle; returns finished loads and import news. ui: the words
    // of the deck on screen, for the notices.
    ContentNews poll(const UiStrings& ui, double now);
    double seconds_until_due(double now) const;

    static constexpr double settle_s = 0.3;

  private:
    struct Loaded {
        LoadResult result;
        std::string origin;
    };
    void start_load();
    bool current_is_shown() const;
    void follow_import_status(const UiStrings& ui, ContentNews& news);
    void take_loaded(const UiStrings& ui, ContentNews& news, double now);

    ContentSettings settings_; // where the deck comes from
    std::string shown_;        // origin of the deck on screen (a release folder, or a file)
    std::string last_status_;
    std::function<void()> wake_;
    std::future<Loaded> loading_;
    double due_;
    bool reload_after_ = false;
};

} // namespace kiosk
