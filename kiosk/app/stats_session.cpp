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

void StatsSession::attach(KioskApp& app, double now, std::function<double(double)> wall_of) {
    if (!writer_) return;
    StatsWriter* writer = writer_.get();
    app.record_stats([writer](const StatEvent& e) { writer->record(e); }, std::move(wall_of));
    app.count(StatKind::Start, now);
    std::error_code ec;
    if (std::filesystem::exists(marker_, ec)) app.count(StatKind::CrashSeen, now);
    std::ofstream(marker_) << "running\n";
    last_beat_ = now;
}

void StatsSession::tick(KioskApp& app, double now) {
    if (!writer_ || now - last_beat_ < beat_s) return;
    app.count(StatKind::Uptime, now, now - last_beat_);
    last_beat_ = now;
}

void StatsSession::finish(KioskApp& app, double now) {
    if (!writer_) return;
    app.finish_stats(now);
    app.count(StatKind::Uptime, now, now - last_beat_);
    writer_->flush();
    std::error_code ec;
    std::filesystem::remove(marker_, ec);
}

std::vector<std::string> StatsSession::today_lines(double wall_now) const {
    if (!writer_) return {"Statistics: off"};
    const auto t = writer_->today(wall_now);
    const long minutes = static_cast<long>(std::lround(t.visit_seconds / 60));
    std::string busiest = t.busiest_hour >= 0 ? std::to_string(t.busiest_hour) + ":00" : "-";
    return {"Today: " + std::to_string(t.visits) + " visits (" + std::to_string(minutes) +
                " min), " + std::to_string(t.readings) + " findings read, busiest " + busiest,
            "Today: " + std::to_string(t.imports_accepted) + " imports accepted, " +
                std::to_string(t.imports_refused) + " refused, " + std::to_string(t.starts) +
                " starts, " + std::to_string(t.crashes) + " crashes seen"};
}

} // namespace kiosk
