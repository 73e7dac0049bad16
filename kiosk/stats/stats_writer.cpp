#include "stats/stats_writer.h"

#include <chrono>
#include <cmath>
#include <iostream>
#include <utility>

namespace kiosk {
namespace {

std::optional<StatsStore> open_reader(const StatsStore& store) {
    std::string error;
    auto reader = StatsStore::open(store.file(), store.options(), error);
    if (!reader) std::cerr << "kiosk: statistics of today not shown: " << error << '\n';
    return reader;
}

} // namespace

StatsWriter::StatsWriter(StatsStore store, double flush_every_s)
    : store_(std::move(store)), flush_every_s_(flush_every_s), reader_(open_reader(store_)),
      thread_([this] { run(); }) {}

StatsWriter::~StatsWriter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void StatsWriter::record(StatEvent event) {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_queued) {
        ++dropped_;
        return;
    }
    queue_.push_back(std::move(event));
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
        const bool ok = write(batch);
        lock.lock();
        if (!ok && !stopping) keep_for_retry(batch);
        done_ = generation;
        written_.notify_all();
        // At the end, a failing disk gets no second try: the kiosk is stopping.
        if (stopping && (queue_.empty() || !ok)) return;
    }
}

// Under mutex_. The failed batch goes before what came in meanwhile; past the cap the newest
// events are dropped, as record() does.
void StatsWriter::keep_for_retry(std::vector<StatEvent>& batch) {
    batch.insert(batch.end(), queue_.begin(), queue_.end());
    if (batch.size() > max_queued) {
        dropped_ += batch.size() - max_queued;
        batch.resize(max_queued);
    }
    queue_.swap(batch);
}

bool StatsWriter::write(std::vector<StatEvent>& batch) {
    std::string error;
    const bool ok = store_.add(batch, error);
    report(ok, error);
    if (!ok) return false;
    // Once a day the old hours become days, keyed to the events' own clock (either way: a clock
    // set back must not stop it). Its failure loses nothing: the hours stay until the next try.
    if (!batch.empty() && std::abs(batch.back().at - last_roll_up_) > 86400) {
        if (!store_.roll_up(batch.back().at, error))
            std::cerr << "kiosk: statistics not rolled up: " << error << '\n';
        last_roll_up_ = batch.back().at;
    }
    if (!batch.empty()) refresh_today();
    return true;
}

// Once when the disk starts failing, once when it works again: never per batch.
void StatsWriter::report(bool ok, const std::string& error) {
    if (!ok && !failing_)
        std::cerr << "kiosk: statistics not written (kept for a retry, up to " << max_queued
                  << " events): " << error << '\n';
    if (ok && failing_) {
        std::size_t dropped = 0;
        {
            std::lock_guard lock(mutex_);
            dropped = std::exchange(dropped_, 0);
        }
        std::cerr << "kiosk: statistics written again; " << dropped << " events were dropped\n";
    }
    failing_ = !ok;
}

// On the writer thread, after a batch: the render thread then reads today's figures from memory.
void StatsWriter::refresh_today() {
    std::string day;
    {
        std::lock_guard lock(today_mutex_);
        day = today_day_;
    }
    if (day.empty()) return; // nobody has asked yet
    const auto figures = store_.day_figures(day);
    std::lock_guard lock(today_mutex_);
    if (today_day_ == day) today_ = figures;
}

StatsStore::Today StatsWriter::today(double wall_now) const {
    const std::string day = store_.day_of(wall_now); // arithmetic only: no disk, no connection
    std::lock_guard lock(today_mutex_);
    if (day != today_day_ && reader_) {
        today_ = reader_->day_figures(day);
        today_day_ = day;
    }
    return day == today_day_ ? today_ : StatsStore::Today{};
}

} // namespace kiosk
