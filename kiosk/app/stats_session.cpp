#include "app/stats_session.h"

#include <cmath>
#include <ctime>
#include <fstream>

namespace kiosk {

int local_utc_offset_minutes() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return static_cast<int>(tm.tm_gmtoff / 60);
}

StatsSession::StatsSession(const Settings& settings, std::ostream& log) {
    const auto file = stats_path(settings);
    if (file.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::string error;
    StatsOptions options;
    options.utc_offset_minutes = local_utc_offset_minutes();
    auto store = StatsStore::open(file, options, error);
    if (!store) {
        log << "kiosk: statistics off: " << error << '\n';
        return;
    }
    marker_ = file.string() + ".running";
    writer_ = std::make_unique<StatsWriter>(std::move(*store));
}

StatsSession::~StatsSession() = default;

void StatsSession::start(double now, std::function<double(double)> wall_of) {
    if (!writer_) return;
    StatsWriter* writer = writer_.get();
    feed_.emplace([writer](const StatEvent& e) { writer->record(e); }, std::move(wall_of));
    feed_->count(StatKind::Start, now);
    std::error_code ec;
    if (std::filesystem::exists(marker_, ec)) feed_->count(StatKind::CrashSeen, now);
    std::ofstream(marker_) << "running\n";
    last_beat_ = now;
}

void StatsSession::observe(const Observed& o, bool dark) {
    if (feed_) feed_->observe(o, dark);
}

void StatsSession::count(StatKind kind, double now) {
    if (feed_) feed_->count(kind, now);
}

void StatsSession::tick(double now) {
    if (!feed_ || now - last_beat_ < beat_s) return;
    feed_->count(StatKind::Uptime, now, now - last_beat_);
    last_beat_ = now;
}

void StatsSession::finish(const Observed& o) {
    if (!feed_) return;
    feed_->close(o);
    feed_->count(StatKind::Uptime, o.now, o.now - last_beat_);
    writer_->flush();
    std::error_code ec;
    std::filesystem::remove(marker_, ec);
}

std::vector<std::string> StatsSession::today_lines(double now) const {
    if (!feed_) return {"Statistics: off"};
    const auto t = writer_->today(feed_->wall(now));
    const long minutes = static_cast<long>(std::lround(t.visit_seconds / 60));
    std::string busiest = t.busiest_hour >= 0 ? std::to_string(t.busiest_hour) + ":00" : "-";
    return {"Today: " + std::to_string(t.visits) + " visits (" + std::to_string(minutes) +
                " min), " + std::to_string(t.readings) + " findings read, busiest " + busiest,
            "Today: " + std::to_string(t.imports_accepted) + " imports accepted, " +
                std::to_string(t.imports_refused) + " refused, " + std::to_string(t.starts) +
                " starts, " + std::to_string(t.crashes) + " crashes seen"};
}

} // namespace kiosk
