#pragma once
// The statistics for one run of the kiosk: opens the database (a kiosk without one still runs,
// and says why once), records starts and crashes seen at start-up, a heartbeat of uptime, and
// what the app shows, observed by the loop after each update. Writes happen on the writer's
// thread, never in a frame.
#include "app/settings.h"
#include "stats/visit_recorder.h"
#include "stats/stats_writer.h"

#include <memory>
#include <optional>
#include <ostream>

namespace kiosk {

// The local time zone's offset from UTC now, in minutes: the statistics count days and hours in
// local time, as the organiser reads them.
int local_utc_offset_minutes();

class StatsSession {
  public:
    StatsSession(const Settings& settings, std::ostream& log);
    ~StatsSession();
    bool enabled() const { return writer_ != nullptr; }

    // From now on what the app shows is recorded; wall_of maps the app clock to Unix time.
    void start(double now, std::function<double(double)> wall_of);
    void observe(const Observed& o, bool dark);
    // Counts something the screen does not show (an import).
    void count(StatKind kind, double now);
    // Every ten minutes, the uptime since the last beat (so uptime survives a crash).
    void tick(double now);
    // A clean stop: what is open is closed and written, and the crash marker goes.
    void finish(const Observed& o);
    // Today's figures as lines for the status overlay.
    std::vector<std::string> today_lines(double now) const;

    static constexpr double beat_s = 600;

  private:
    std::filesystem::path marker_; // exists while a run is going: left behind by a crash
    std::unique_ptr<StatsWriter> writer_;
    std::optional<StatsFeed> feed_;
    double last_beat_ = 0;
};

} // namespace kiosk
