#pragma once
// Statistics written off the render path: record() only appends to a queue under a mutex; a
// thread of its own adds the queue to the database every couple of seconds (so a power cut loses
// those seconds at most) and rolls old hours up once a day. A failing disk is logged once and
// never reaches the kiosk: a batch that could not be written waits for the next try, and past a
// cap new events are dropped rather than piling up in memory.
#include "stats/stats_store.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

class StatsWriter {
  public:
    explicit StatsWriter(StatsStore store, double flush_every_s = 2.0);
    ~StatsWriter(); // writes what is queued, then stops the thread
    StatsWriter(const StatsWriter&) = delete;
    StatsWriter& operator=(const StatsWriter&) = delete;

    void record(StatEvent event);
    void flush(); // returns once everything recorded so far has been tried on the database
    // Figures for the day of wall_now. From a copy the writer thread refreshes after each batch;
    // on a new day, one query on a connection of its own (in WAL mode a read does not wait for
    // the writer). Never waits for a write.
    StatsStore::Today today(double wall_now) const;

    static constexpr std::size_t max_queued = 10000;

  private:
    void run();
    bool write(std::vector<StatEvent>& batch);
    void keep_for_retry(std::vector<StatEvent>& batch);
    void report(bool ok, const std::string& error);
    void refresh_today();

    StatsStore store_;
    double flush_every_s_;
    mutable std::mutex mutex_; // the queue and the flush handshake
    std::condition_variable wake_, written_;
    std::vector<StatEvent> queue_;
    std::size_t dropped_ = 0;
    long requested_ = 0, done_ = 0; // flush() generations
    bool stop_ = false;
    // The writer thread's own.
    bool failing_ = false;
    double last_roll_up_ = 0;
    // today()'s copy: the day and its figures.
    mutable std::mutex today_mutex_;
    mutable std::optional<StatsStore> reader_;
    mutable std::string today_day_;
    mutable StatsStore::Today today_;
    std::thread thread_; // last: starts once everything above exists
};

} // namespace kiosk
