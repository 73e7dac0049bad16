#pragma once
// The visit statistics on the kiosk's own disk: one SQLite file in WAL mode, so a power cut
// loses at most the last batch and never corrupts it. Nothing per event is kept: each event is
// added into hourly totals on the way in (anonymous and bounded by design), and hourly rows
// older than hourly_days_kept are rolled up into daily rows.
//
// Schema (PRAGMA user_version = 1), one table, keyed by what is counted:
//   totals(day TEXT 'YYYY-MM-DD' local, hour INTEGER 0..23 or -1 for a rolled-up day,
//          kind TEXT (to_string(StatKind)), slide INTEGER, finding INTEGER, by_visitor INTEGER,
//          count INTEGER, seconds REAL)  PRIMARY KEY (day, hour, kind, slide, finding, by_visitor)
#include "stats/stat_event.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace kiosk {

struct StatsOptions {
    int utc_offset_minutes = 0; // days and hours are counted in local time: at + offset
    int hourly_days_kept = 31;  // older hourly rows become daily rows (hour = -1)
};

class StatsStore {
  public:
    // Opens or creates the file (its folder must exist). nullopt with error (naming the file
    // and SQLite's reason) when it cannot, or when the file is not a statistics database.
    static std::optional<StatsStore> open(const std::filesystem::path& file, StatsOptions options,
                                          std::string& error);

    // Adds the events in one transaction. An event with a time no calendar can hold is skipped,
    // and a duration that is not a number counts as 0: one bad value must not fail every batch.
    bool add(const std::vector<StatEvent>& events, std::string& error);
    // Rolls hourly rows of days more than hourly_days_kept before now into daily rows.
    bool roll_up(double now, std::string& error);

    struct Total {
        std::string day; // YYYY-MM-DD, local
        int hour = -1;   // 0..23; -1 for a rolled-up day
        StatKind kind = StatKind::Start;
        int slide = -1;
        int finding = 0;
        bool by_visitor = false;
        long count = 0;
        double seconds = 0;
    };
    std::vector<Total> totals() const; // by day, hour, kind, slide, finding, by_visitor

    struct Today {
        long visits = 0;
        double visit_seconds = 0;
        long slides_by_visitors = 0;
        long readings = 0;
        long overview_opens = 0;
        long imports_accepted = 0, imports_refused = 0;
        long starts = 0, crashes = 0;
        double uptime_s = 0;
        int busiest_hour = -1;
        int most_read_finding = 0;
    };
    Today day_figures(const std::string& day) const; // figures_of_day() of the day's rows
    std::string day_of(double at) const;
    std::filesystem::path file() const { return file_; }
    const StatsOptions& options() const { return options_; }

    StatsStore(StatsStore&&) noexcept = default;
    StatsStore& operator=(StatsStore&&) noexcept = default;
    ~StatsStore() = default;

  private:
    struct Close {
        void operator()(sqlite3* db) const;
    };
    StatsStore(std::unique_ptr<sqlite3, Close> db, std::filesystem::path file, StatsOptions o)
        : db_(std::move(db)), file_(std::move(file)), options_(o) {}
    bool exec(const char* sql, std::string& error) const;
    bool fail(std::string& error) const; // error = the file and SQLite's last message; false
    int user_version() const;

    std::unique_ptr<sqlite3, Close> db_;
    std::filesystem::path file_;
    StatsOptions options_;
};

// One day's figures from that day's rows (of any hours, rolled up or not); ties for the busiest
// hour go to the earlier hour, for the most read finding to the lower number.
StatsStore::Today figures_of_day(const std::vector<StatsStore::Total>& rows);

} // namespace kiosk
