#include "stats/stats_writer.h"

#include <chrono>
#include <iostream>

namespace kiosk {

StatsWriter::StatsWriter(StatsStore store, double flush_every_s)
    : store_(std::move(store)), flush_every_s_(flush_every_s), thread_([this] { run(); }) {
    std::string error;
    reader_ = StatsStore::open(store_.file(), store_.options(), error);
}

StatsWriter::~StatsWriter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void StatsWriter::record(const StatEvent& event) {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_queued) {
        ++dropped_;
        return;
    }
    queue_.push_back(event);
}

void StatsWriter::flush() {
    std::unique_lock lock(mutex_);
    const long wanted = ++requested_;
    wake_.notify_all();
    written_.wait(lock, [&] { return done_ >= wanted || stop_; });
}

void StatsWriter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait_for(lock, std::chrono::duration<double>(flush_every_s_),
                       [this] { return stop_ || requested_ > done_; });
        std::vector<StatEvent> batch;
        batch.swap(queue_);
        const long generation = requested_;
        const bool stopping = stop_;
        lock.unlock();
        write(batch);
        lock.lock();
        done_ = generation;
        written_.notify_all();
        if (stopping && queue_.empty()) return;
    }
}

void StatsWriter::write(std::vector<StatEvent>& batch) {
    std::string error;
    bool ok = store_.add(batch, error);
    // Once a day the old hours become days, keyed to the events' own clock.
    if (ok && !batch.empty() && batch.back().at - last_roll_up_ > 86400) {
        ok = store_.roll_up(batch.back().at, error);
        last_roll_up_ = batch.back().at;
    }
    if (!ok && !failing_) std::cerr << "kiosk: statistics not written: " << error << '\n';
    if (ok && failing_) std::cerr << "kiosk: statistics written again\n";
    failing_ = !ok;
}

StatsStore::Today StatsWriter::today(double wall_now) const {
    std::lock_guard lock(reader_mutex_);
    if (!reader_) return {};
    return reader_->day_figures(reader_->day_of(wall_now));
}

} // namespace kiosk
