#include "stats/stats_store.h"

#include "util/lookup.h"

#include <sqlite3.h>

#include <array>
#include <cmath>
#include <ctime>
#include <map>

namespace kiosk {
namespace {

// WITHOUT ROWID: the key is the row, so a table of totals costs no more than its keys and sums.
// Created in one transaction with its version, so a kill midway leaves either both or neither.
constexpr int schema_version = 1;
std::string schema_sql() {
    return R"(
BEGIN IMMEDIATE;
CREATE TABLE IF NOT EXISTS totals (
    day TEXT NOT NULL, hour INTEGER NOT NULL, kind TEXT NOT NULL, slide INTEGER NOT NULL,
    finding INTEGER NOT NULL, by_visitor INTEGER NOT NULL,
    count INTEGER NOT NULL, seconds REAL NOT NULL,
    PRIMARY KEY (day, hour, kind, slide, finding, by_visitor)) WITHOUT ROWID;
PRAGMA user_version = )" +
           std::to_string(schema_version) + ";\nCOMMIT;\n";
}

// 9999-12-31 23:59:59 UTC: past it a day no longer has four digits for its year.
constexpr double last_second = 253402300799.0;

struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

Statement prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    return Statement(s);
}

std::string text_column(sqlite3_stmt* s, int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
}

// Rolls back unless committed, so no early return leaves a transaction open on the connection
// (the next BEGIN would fail, and with it every later batch).
class Transaction {
  public:
    explicit Transaction(sqlite3* db)
        : db_(db),
          open_(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (open_ && !sqlite3_get_autocommit(db_))
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    bool begun() const { return open_; }
    bool commit() {
        open_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK;
        return !open_;
    }

  private:
    sqlite3* db_;
    bool open_;
};

// Local seconds since the epoch; nullopt for a time no calendar day can hold (NaN included).
std::optional<std::time_t> local_time(double at, int offset_minutes) {
    if (!(at >= 0 && at <= last_second)) return std::nullopt;
    return static_cast<std::time_t>(std::floor(at)) + std::time_t{offset_minutes} * 60;
}

// "YYYY-MM-DD" of local seconds since the epoch.
std::string day_text(std::time_t local) {
    std::tm tm{};
    if (!gmtime_r(&local, &tm)) return "";
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    return day;
}

// The current row of a SELECT of all eight columns in table order.
std::optional<StatsStore::Total> total_at(sqlite3_stmt* s) {
    const auto kind = stat_kind_from(text_column(s, 2));
    if (!kind) return std::nullopt; // written by a newer kiosk: not ours to count
    return StatsStore::Total{text_column(s, 0),
                             sqlite3_column_int(s, 1),
                             *kind,
                             sqlite3_column_int(s, 3),
                             sqlite3_column_int(s, 4),
                             sqlite3_column_int(s, 5) != 0,
                             static_cast<long>(sqlite3_column_int64(s, 6)),
                             sqlite3_column_double(s, 7)};
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

bool StatsStore::fail(std::string& error) const {
    error = file_.string() + ": " + sqlite3_errmsg(db_.get());
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
    const int version = store.user_version();
    if (version > schema_version) {
        error =
            file.string() + ": written by a newer kiosk (schema " + std::to_string(version) + ")";
        return std::nullopt;
    }
    // Only a new file is written to here: a second connection (the writer's reader) opens
    // without waiting for the write lock.
    if (version < schema_version && !store.exec(schema_sql().c_str(), error)) return std::nullopt;
    return store;
}

int StatsStore::user_version() const {
    auto s = prepare(db_.get(), "PRAGMA user_version");
    return s && sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int(s.get(), 0) : 0;
}

std::string StatsStore::day_of(double at) const {
    const auto local = local_time(at, options_.utc_offset_minutes);
    return local ? day_text(*local) : "";
}

bool StatsStore::add(const std::vector<StatEvent>& events, std::string& error) {
    if (events.empty()) return true;
    auto s = prepare(db_.get(), R"(
        INSERT INTO totals VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
        ON CONFLICT DO UPDATE SET count = count + 1, seconds = seconds + excluded.seconds)");
    if (!s) return fail(error);
    Transaction transaction(db_.get());
    if (!transaction.begun()) return fail(error);
    for (const auto& e : events) {
        const auto local = local_time(e.at, options_.utc_offset_minutes);
        if (!local) continue;
        const int hour = static_cast<int>((*local % 86400 + 86400) % 86400 / 3600);
        const std::string day = day_text(*local);
        const auto kind = to_string(e.kind);
        sqlite3_bind_text(s.get(), 1, day.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(s.get(), 2, hour);
        sqlite3_bind_text(s.get(), 3, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
        sqlite3_bind_int(s.get(), 4, e.slide);
        sqlite3_bind_int(s.get(), 5, e.finding);
        sqlite3_bind_int(s.get(), 6, e.by_visitor ? 1 : 0);
        // SQLite stores NaN as NULL, which NOT NULL refuses: the whole batch would fail.
        sqlite3_bind_double(s.get(), 7, std::isfinite(e.seconds) ? e.seconds : 0.0);
        if (sqlite3_step(s.get()) != SQLITE_DONE) return fail(error);
        sqlite3_reset(s.get());
    }
    return transaction.commit() || fail(error);
}

bool StatsStore::roll_up(double now, std::string& error) {
    const std::string cutoff = day_of(now - options_.hourly_days_kept * 86400.0);
    if (cutoff.empty()) return true; // a clock before 1970: nothing is that old
    auto s = prepare(db_.get(), R"(
        INSERT INTO totals
            SELECT day, -1, kind, slide, finding, by_visitor, SUM(count), SUM(seconds)
            FROM totals WHERE hour >= 0 AND day < ?1
            GROUP BY day, kind, slide, finding, by_visitor
        ON CONFLICT DO UPDATE SET count = count + excluded.count,
                                  seconds = seconds + excluded.seconds)");
    auto d = prepare(db_.get(), "DELETE FROM totals WHERE hour >= 0 AND day < ?1");
    if (!s || !d) return fail(error);
    Transaction transaction(db_.get());
    if (!transaction.begun()) return fail(error);
    sqlite3_bind_text(s.get(), 1, cutoff.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(d.get(), 1, cutoff.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.get()) != SQLITE_DONE || sqlite3_step(d.get()) != SQLITE_DONE)
        return fail(error);
    if (!transaction.commit()) return fail(error);
    // The roll-up is the day's one big write: its freed pages go back to the disk, and its log
    // is emptied rather than left at that size until the next checkpoint.
    return exec("PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE);", error);
}

std::vector<StatsStore::Total> StatsStore::totals() const {
    std::vector<Total> out;
    auto s = prepare(db_.get(), R"(
        SELECT day, hour, kind, slide, finding, by_visitor, count, seconds FROM totals
        ORDER BY day, hour, kind, slide, finding, by_visitor)");
    while (s && sqlite3_step(s.get()) == SQLITE_ROW)
        if (auto row = total_at(s.get())) out.push_back(std::move(*row));
    return out;
}

namespace {

using Today = StatsStore::Today;

// The figures of the day a row of each kind adds its count and its seconds to (nullptr: none).
struct Adds {
    long Today::*count = nullptr;
    double Today::*seconds = nullptr;
};

constexpr Table<StatKind, Adds, 9> adds_to{{
    {StatKind::Visit, {&Today::visits, &Today::visit_seconds}},
    {StatKind::SlideShown, {&Today::slides_by_visitors, nullptr}},
    {StatKind::ReadingOpened, {&Today::readings, nullptr}},
    {StatKind::OverviewOpened, {&Today::overview_opens, nullptr}},
    {StatKind::ImportAccepted, {&Today::imports_accepted, nullptr}},
    {StatKind::ImportRefused, {&Today::imports_refused, nullptr}},
    {StatKind::Start, {&Today::starts, nullptr}},
    {StatKind::CrashSeen, {&Today::crashes, nullptr}},
    {StatKind::Uptime, {nullptr, &Today::uptime_s}},
}};

// One row into a day's figures; busiest hour and most read finding are counted aside.
void tally(Today& t, const StatsStore::Total& row, std::array<long, 24>& visits,
           std::map<int, long>& reads) {
    // slides_by_visitors: a slide the attract loop turned to by itself does not count.
    if (row.kind == StatKind::SlideShown && !row.by_visitor) return;
    const Adds adds = lookup(adds_to, row.kind, Adds{});
    if (adds.count) t.*adds.count += row.count;
    if (adds.seconds) t.*adds.seconds += row.seconds;
    if (row.kind == StatKind::Visit && row.hour >= 0 && row.hour < 24)
        visits[static_cast<std::size_t>(row.hour)] += row.count;
    if (row.kind == StatKind::ReadingOpened && row.finding > 0) reads[row.finding] += row.count;
}

} // namespace

StatsStore::Today figures_of_day(const std::vector<StatsStore::Total>& rows) {
    StatsStore::Today t;
    std::array<long, 24> visits{};
    std::map<int, long> reads;
    for (const auto& row : rows)
        tally(t, row, visits, reads);
    for (int h = 0; h < 24; ++h)
        if (visits[h] > 0 && (t.busiest_hour < 0 || visits[h] > visits[t.busiest_hour]))
            t.busiest_hour = h;
    long most = 0;
    for (const auto& [finding, opens] : reads)
        if (opens > most) most = opens, t.most_read_finding = finding;
    return t;
}

StatsStore::Today StatsStore::day_figures(const std::string& day) const {
    std::vector<Total> rows;
    auto s = prepare(db_.get(), R"(
        SELECT day, hour, kind, slide, finding, by_visitor, count, seconds FROM totals
        WHERE day = ?1)");
    if (!s) return {};
    sqlite3_bind_text(s.get(), 1, day.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        if (auto row = total_at(s.get())) rows.push_back(std::move(*row));
    return figures_of_day(rows);
}

} // namespace kiosk
