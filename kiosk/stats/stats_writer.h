#pragma once
// Statistics written off the render path: record() only appends to a queue under a mutex; a
// thread of its own adds the queue to the database every couple of seconds (so a power cut loses
// those seconds at most) and rolls old hours up once a day. A failing disk is logged once and
// never reaches the kiosk; events are dropped past a cap rather than piling up in memory.
#include "stats/stats_store.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk {

class StatsWriter {
  public:
    explicit StatsWriter(StatsStore store, double flush_every_s = 2.0);
    ~StatsWriter(); // writes what is queued, then stops the thread

    void record(const StatEvent& event);
    void flush(); // waits until everything recorded so far is in the database
    // Figures for the day of wall_now, from a connection of their own (a read does not wait
    // for the writer in WAL mode).
    StatsStore::Today today(double wall_now) const;

    static constexpr std::size_t max_queued = 10000;

  private:
    void run();
    void write(std::vector<StatEvent>& batch);

    StatsStore store_;
    std::optional<StatsStore> reader_;
    double flush_every_s_;
    mutable std::mutex mutex_;
    mutable std::mutex reader_mutex_;
    std::condition_variable wake_, written_;
    std::vector<StatEvent> queue_;
    std::size_t dropped_ = 0;
    long requested_ = 0, done_ = 0; // flush() generations
    bool stop_ = false, failing_ = false;
    double last_roll_up_ = 0;
    std::thread thread_; // last: starts once everything above exists
};

} // namespace kiosk
