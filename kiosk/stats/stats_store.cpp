#include "stats/stats_store.h"

#include <sqlite3.h>

#include <array>
#include <cmath>
#include <ctime>

namespace kiosk {
namespace {

constexpr int schema_version = 1;

// WITHOUT ROWID: the key is the row, so a table of totals costs no more than its keys and sums.
constexpr const char* schema = R"(
CREATE TABLE IF NOT EXISTS totals (
    day TEXT NOT NULL, hour INTEGER NOT NULL, kind TEXT NOT NULL, slide INTEGER NOT NULL,
    finding INTEGER NOT NULL, by_visitor INTEGER NOT NULL,
    count INTEGER NOT NULL, seconds REAL NOT NULL,
    PRIMARY KEY (day, hour, kind, slide, finding, by_visitor)) WITHOUT ROWID;
PRAGMA user_version = 1;
)";

struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

Statement prepare(sqlite3* db, const char* sql, std::string& error) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) error = sqlite3_errmsg(db);
    return Statement(s);
}

std::string text_column(sqlite3_stmt* s, int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
}

} // namespace

void StatsStore::Close::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

bool StatsStore::exec(const char* sql, std::string& error) const {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    error = file_.string() + ": " + (message ? message : sqlite3_errmsg(db_.get()));
    sqlite3_free(message);
    return false;
}

std::optional<StatsStore> StatsStore::open(const std::filesystem::path& file, StatsOptions o,
                                           std::string& error) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, Close> db(raw);
    if (rc != SQLITE_OK) {
        error = file.string() + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open");
        return std::nullopt;
    }
    sqlite3_busy_timeout(raw, 2000);
    StatsStore store(std::move(db), file, o);
    // NORMAL in WAL mode: a commit is not synced, a checkpoint is; a power cut loses the last
    // commits at most, and never leaves a corrupt file.
    // The write-ahead log is checkpointed every 64 pages and cut back to 256 KiB, and pages
    // freed by a roll-up are given back: the files' size follows what they hold.
    if (!store.exec("PRAGMA auto_vacuum=INCREMENTAL; PRAGMA journal_mode=WAL; "
                    "PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=262144; "
                    "PRAGMA wal_autocheckpoint=64;",
                    error))
        return std::nullopt;
    int version = 0;
    std::string e;
    if (auto s = prepare(raw, "PRAGMA user_version", e); s && sqlite3_step(s.get()) == SQLITE_ROW)
        version = sqlite3_column_int(s.get(), 0);
    if (version > schema_version) {
        error =
            file.string() + ": written by a newer kiosk (schema " + std::to_string(version) + ")";
        return std::nullopt;
    }
    if (!store.exec(schema, error)) return std::nullopt;
    return store;
}

std::string StatsStore::day_of(double at) const {
    const auto t = static_cast<std::time_t>(std::floor(at)) + options_.utc_offset_minutes * 60;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}

bool StatsStore::add(const std::vector<StatEvent>& events, std::string& error) {
    if (events.empty()) return true;
    auto s = prepare(db_.get(), R"(
        INSERT INTO totals VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
        ON CONFLICT DO UPDATE SET count = count + 1, seconds = seconds + excluded.seconds)",
                     error);
    if (!s || !exec("BEGIN", error)) return false;
    for (const auto& e : events) {
        const auto local =
            static_cast<std::time_t>(std::floor(e.at)) + options_.utc_offset_minutes * 60;
        const int hour = static_cast<int>((local % 86400 + 86400) % 86400 / 3600);
        const std::string day = day_of(e.at);
        const auto kind = to_string(e.kind);
        sqlite3_bind_text(s.get(), 1, day.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(s.get(), 2, hour);
        sqlite3_bind_text(s.get(), 3, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
        sqlite3_bind_int(s.get(), 4, e.slide);
        sqlite3_bind_int(s.get(), 5, e.finding);
        sqlite3_bind_int(s.get(), 6, e.by_visitor ? 1 : 0);
        sqlite3_bind_double(s.get(), 7, e.seconds);
        if (sqlite3_step(s.get()) != SQLITE_DONE) {
            error = file_.string() + ": " + sqlite3_errmsg(db_.get());
            std::string ignored;
            exec("ROLLBACK", ignored);
            return false;
        }
        sqlite3_reset(s.get());
    }
    return exec("COMMIT", error);
}

bool StatsStore::roll_up(double now, std::string& error) {
    const std::string cutoff = day_of(now - options_.hourly_days_kept * 86400.0);
    auto s = prepare(db_.get(), R"(
        INSERT INTO totals
            SELECT day, -1, kind, slide, finding, by_visitor, SUM(count), SUM(seconds)
            FROM totals WHERE hour >= 0 AND day < ?1
            GROUP BY day, kind, slide, finding, by_visitor
        ON CONFLICT DO UPDATE SET count = count + excluded.count,
                                  seconds = seconds + excluded.seconds)",
                     error);
    auto d = prepare(db_.get(), "DELETE FROM totals WHERE hour >= 0 AND day < ?1", error);
    if (!s || !d || !exec("BEGIN", error)) return false;
    sqlite3_bind_text(s.get(), 1, cutoff.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(d.get(), 1, cutoff.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.get()) != SQLITE_DONE || sqlite3_step(d.get()) != SQLITE_DONE) {
        error = file_.string() + ": " + sqlite3_errmsg(db_.get());
        std::string ignored;
        exec("ROLLBACK", ignored);
        return false;
    }
    return exec("COMMIT", error) && exec("PRAGMA incremental_vacuum", error);
}

std::vector<StatsStore::Total> StatsStore::totals() const {
    std::vector<Total> out;
    std::string error;
    auto s = prepare(db_.get(), R"(
        SELECT day, hour, kind, slide, finding, by_visitor, count, seconds FROM totals
        ORDER BY day, hour, kind, slide, finding, by_visitor)",
                     error);
    while (s && sqlite3_step(s.get()) == SQLITE_ROW) {
        const auto kind = stat_kind_from(text_column(s.get(), 2));
        if (!kind) continue; // written by a newer kiosk: not ours to count
        out.push_back({text_column(s.get(), 0), sqlite3_column_int(s.get(), 1), *kind,
                       sqlite3_column_int(s.get(), 3), sqlite3_column_int(s.get(), 4),
                       sqlite3_column_int(s.get(), 5) != 0, sqlite3_column_int64(s.get(), 6),
                       sqlite3_column_double(s.get(), 7)});
    }
    return out;
}

StatsStore::Today StatsStore::day_figures(const std::string& day) const {
    Today t;
    std::array<long, 24> visits_by_hour{};
    std::array<long, 64> reads{};
    std::string error;
    auto s = prepare(db_.get(), R"(
        SELECT hour, kind, finding, by_visitor, count, seconds FROM totals WHERE day = ?1)",
                     error);
    if (!s) return t;
    sqlite3_bind_text(s.get(), 1, day.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        const int hour = sqlite3_column_int(s.get(), 0);
        const auto kind = stat_kind_from(text_column(s.get(), 1));
        const int finding = sqlite3_column_int(s.get(), 2);
        const bool visitor = sqlite3_column_int(s.get(), 3) != 0;
        const long count = static_cast<long>(sqlite3_column_int64(s.get(), 4));
        const double seconds = sqlite3_column_double(s.get(), 5);
        if (!kind) continue;
        switch (*kind) {
        case StatKind::Visit:
            t.visits += count;
            t.visit_seconds += seconds;
            if (hour >= 0 && hour < 24) visits_by_hour[static_cast<std::size_t>(hour)] += count;
            break;
        case StatKind::SlideShown:
            if (visitor) t.slides_by_visitors += count;
            break;
        case StatKind::ReadingOpened:
            t.readings += count;
            if (finding > 0 && finding < 64) reads[static_cast<std::size_t>(finding)] += count;
            break;
        case StatKind::OverviewOpened:
            t.overview_opens += count;
            break;
        case StatKind::ImportAccepted:
            t.imports_accepted += count;
            break;
        case StatKind::ImportRefused:
            t.imports_refused += count;
            break;
        case StatKind::Start:
            t.starts += count;
            break;
        case StatKind::CrashSeen:
            t.crashes += count;
            break;
        case StatKind::Uptime:
            t.uptime_s += seconds;
            break;
        default:
            break;
        }
    }
    for (int h = 0; h < 24; ++h)
        if (visits_by_hour[h] > 0 &&
            (t.busiest_hour < 0 || visits_by_hour[h] > visits_by_hour[t.busiest_hour]))
            t.busiest_hour = h;
    for (int f = 1; f < 64; ++f)
        if (reads[f] > 0 && (t.most_read_finding == 0 || reads[f] > reads[t.most_read_finding]))
            t.most_read_finding = f;
    return t;
}

} // namespace kiosk
