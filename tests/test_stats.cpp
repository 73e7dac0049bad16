// The statistics database: totals by local hour and day, crash safety, the size bound, CSV.
#include "stats/stats_report.h"
#include "stats/stats_store.h"
#include "stats/stats_writer.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr double june_28 = 1498608000; // 2017-06-28 00:00:00 UTC

struct TempDb {
    fs::path dir = fs::temp_directory_path() / ("kiosk-stats-test-" + std::to_string(getpid()));
    fs::path file = dir / "stats.sqlite";
    TempDb() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempDb() { fs::remove_all(dir); }
    std::uintmax_t bytes() const {
        std::uintmax_t n = 0;
        for (const auto& e : fs::directory_iterator(dir))
            n += fs::file_size(e.path());
        return n;
    }
};

StatsStore open(const fs::path& file, StatsOptions o = {}) {
    std::string error;
    auto s = StatsStore::open(file, o, error);
    INFO(error);
    REQUIRE(s);
    return std::move(*s);
}

StatEvent event(double at, StatKind kind, int finding = 0, double seconds = 0, int slide = -1,
                bool visitor = true) {
    return {at, kind, slide, finding, visitor, seconds};
}

} // namespace

TEST_CASE("events become totals by local day and hour", "[stats]") {
    TempDb db;
    StatsOptions o;
    o.utc_offset_minutes = 120; // summer time in Brussels
    auto store = open(db.file, o);
    std::string error;
    // A visit at 09:58 local: overview, a slide chosen, finding 3 read twice; the loop goes on
    // before and after; the day ends with a visit across local midnight (21:59:59 UTC).
    const double visit = june_28 + 7 * 3600 + 58 * 60;
    REQUIRE(store.add({event(june_28 + 7 * 3600, StatKind::Start),
                       event(visit - 8, StatKind::SlideShown, 0, 8, 4, false),
                       event(visit + 5, StatKind::OverviewOpened),
                       event(visit + 20, StatKind::SlideShown, 0, 15, 12, true),
                       event(visit + 30, StatKind::ReadingOpened, 3),
                       event(visit + 120, StatKind::ReadingTime, 3, 90), // 10:00 local
                       event(visit + 130, StatKind::ReadingOpened, 3),
                       event(visit + 160, StatKind::ReadingTime, 3, 30),
                       event(visit + 165, StatKind::ReadingOpened, 5),
                       event(visit + 170, StatKind::ReadingTime, 5, 5),
                       event(visit + 190, StatKind::Visit, 0, 190),
                       event(visit + 200, StatKind::SlideShown, 0, 8, 5, false),
                       event(visit + 300, StatKind::Uptime, 0, 3600),
                       event(june_28 + 21 * 3600 + 59 * 60 + 59, StatKind::Visit, 0, 40),
                       event(june_28 + 22 * 3600, StatKind::Visit, 0, 10)},
                      error));
    CHECK(store.day_of(june_28 + 22 * 3600 - 1) == "2017-06-28");
    CHECK(store.day_of(june_28 + 22 * 3600) == "2017-06-29");

    const auto t = store.totals();
    REQUIRE(t.size() == 14); // 5 rows at 09:00, 7 at 10:00, 1 at 23:00, 1 the next day
    const auto start = std::find_if(t.begin(), t.end(),
                                    [](const auto& row) { return row.kind == StatKind::Start; });
    REQUIRE(start != t.end());
    CHECK(start->day == "2017-06-28");
    CHECK(start->hour == 9); // 07:00 UTC is 09:00 local
    long loop_slides = 0, reading_rows_at_10 = 0;
    for (const auto& row : t) {
        if (row.kind == StatKind::SlideShown && !row.by_visitor) loop_slides += row.count;
        if (row.kind == StatKind::ReadingOpened && row.finding == 3 && row.hour == 10)
            ++reading_rows_at_10;
    }
    CHECK(loop_slides == 2);
    CHECK(reading_rows_at_10 == 1); // the second opening of finding 3, after 10:00
    const auto& midnight = t.back();
    CHECK(midnight.day == "2017-06-29");
    CHECK(midnight.hour == 0);
    CHECK(midnight.kind == StatKind::Visit);
    CHECK(midnight.count == 1);
    CHECK(midnight.seconds == Approx(10));

    const auto day = store.day_figures("2017-06-28");
    CHECK(day.visits == 2);
    CHECK(day.visit_seconds == Approx(230));
    CHECK(day.busiest_hour == 10); // one visit at 10:01, one at 23:59: the earlier hour wins
    CHECK(day.slides_by_visitors == 1);
    CHECK(day.overview_opens == 1);
    CHECK(day.readings == 3);
    CHECK(day.most_read_finding == 3);
    CHECK(day.starts == 1);
    CHECK(day.uptime_s == Approx(3600));
    CHECK(store.day_figures("2017-06-29").visits == 1);

    const auto reads = most_read_findings(t, {"one", "two", "three"});
    REQUIRE(reads.size() == 4); // three titled, and finding 5 without a title
    CHECK(reads[0].finding == 3);
    CHECK(reads[0].title == "three");
    CHECK(reads[0].opens == 2);
    CHECK(reads[0].seconds == Approx(120));
    CHECK(reads[1].finding == 5);
    CHECK(reads[1].title.empty());
    CHECK(visits_by_hour(t)[10] == 1);
    CHECK(visits_by_hour(t)[23] == 1);
    CHECK(visits_by_hour(t)[0] == 1);
}

TEST_CASE("a timezone west of UTC counts the early UTC hours on the day before", "[stats]") {
    TempDb db;
    StatsOptions o;
    o.utc_offset_minutes = -270; // UTC-4:30
    auto store = open(db.file, o);
    std::string error;
    REQUIRE(store.add({event(june_28 + 3 * 3600, StatKind::Visit, 0, 60)}, error));
    const auto t = store.totals();
    REQUIRE(t.size() == 1);
    CHECK(t[0].day == "2017-06-27");
    CHECK(t[0].hour == 22); // 03:00 UTC is 22:30 local
}

TEST_CASE("a bad time or duration does not fail the batch", "[stats]") {
    TempDb db;
    auto store = open(db.file);
    std::string error;
    REQUIRE(store.add({event(std::nan(""), StatKind::Visit, 0, 60),
                       event(june_28, StatKind::Visit, 0, std::nan("")),
                       event(june_28, StatKind::Visit, 0, 30)},
                      error));
    const auto day = store.day_figures("2017-06-28");
    CHECK(day.visits == 2);
    CHECK(day.visit_seconds == Approx(30));
}

namespace {

// Slide and finding events on one day, with titles that need quoting in one style or the other.
struct KnownStore {
    TempDb db;
    StatsStore store = open(db.file);
    const std::vector<std::string> slides{"Titel, met komma", "Twee\nregels", "Een; twee"};
    const std::vector<std::string> findings{"Zeg \"ja\""}; // finding 9 has no title
    KnownStore() {
        std::string error;
        REQUIRE(store.add({event(june_28 + 10 * 3600, StatKind::ReadingOpened, 1),
                           event(june_28 + 10 * 3600 + 5, StatKind::ReadingTime, 1, 42.5),
                           event(june_28 + 11 * 3600, StatKind::SlideShown, 0, 8, 0, false),
                           event(june_28 + 12 * 3600, StatKind::SlideShown, 0, 7, 0, false),
                           event(june_28 + 12 * 3600, StatKind::SlideShown, 0, 20.25, 1, true),
                           event(june_28 + 13 * 3600, StatKind::ReadingOpened, 9),
                           event(june_28 + 14 * 3600, StatKind::SlideShown, 0, 5, 2, true)},
                          error));
    }
};

} // namespace

TEST_CASE("CSV files from a known store, as RFC 4180", "[stats]") {
    KnownStore k;
    CHECK(daily_csv(k.store.totals(), k.slides, k.findings, rfc4180_csv) ==
          "day,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds\n"
          "2017-06-28,reading_opened,,,1,\"Zeg \"\"ja\"\"\",1,1,0.0\n"
          "2017-06-28,reading_opened,,,9,,1,1,0.0\n"
          "2017-06-28,reading_time,,,1,\"Zeg \"\"ja\"\"\",1,1,42.5\n"
          "2017-06-28,slide_shown,1,\"Titel, met komma\",,,0,2,15.0\n"
          "2017-06-28,slide_shown,2,\"Twee\nregels\",,,1,1,20.2\n"
          "2017-06-28,slide_shown,3,Een; twee,,,1,1,5.0\n");
    CHECK(hourly_csv(k.store.totals(), k.slides, k.findings, rfc4180_csv) ==
          "day,hour,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds\n"
          "2017-06-28,10,reading_opened,,,1,\"Zeg \"\"ja\"\"\",1,1,0.0\n"
          "2017-06-28,10,reading_time,,,1,\"Zeg \"\"ja\"\"\",1,1,42.5\n"
          "2017-06-28,11,slide_shown,1,\"Titel, met komma\",,,0,1,8.0\n"
          "2017-06-28,12,slide_shown,1,\"Titel, met komma\",,,0,1,7.0\n"
          "2017-06-28,12,slide_shown,2,\"Twee\nregels\",,,1,1,20.2\n"
          "2017-06-28,13,reading_opened,,,9,,1,1,0.0\n"
          "2017-06-28,14,slide_shown,3,Een; twee,,,1,1,5.0\n");
}

// The default: what a Belgian Excel opens by a double click. The byte order mark, ";" between
// fields, decimal commas; a field is quoted when it holds ";", a quote or a line break, and a
// comma alone needs no quotes.
TEST_CASE("CSV files from a known store, for Excel", "[stats]") {
    KnownStore k;
    const std::string bom = "\xEF\xBB\xBF";
    CHECK(daily_csv(k.store.totals(), k.slides, k.findings, excel_csv) ==
          bom + "day;kind;slide;slide_title;finding;finding_title;by_visitor;count;seconds\n"
                "2017-06-28;reading_opened;;;1;\"Zeg \"\"ja\"\"\";1;1;0,0\n"
                "2017-06-28;reading_opened;;;9;;1;1;0,0\n"
                "2017-06-28;reading_time;;;1;\"Zeg \"\"ja\"\"\";1;1;42,5\n"
                "2017-06-28;slide_shown;1;Titel, met komma;;;0;2;15,0\n"
                "2017-06-28;slide_shown;2;\"Twee\nregels\";;;1;1;20,2\n"
                "2017-06-28;slide_shown;3;\"Een; twee\";;;1;1;5,0\n");
    CHECK(hourly_csv(k.store.totals(), k.slides, k.findings, excel_csv) ==
          bom + "day;hour;kind;slide;slide_title;finding;finding_title;by_visitor;count;seconds\n"
                "2017-06-28;10;reading_opened;;;1;\"Zeg \"\"ja\"\"\";1;1;0,0\n"
                "2017-06-28;10;reading_time;;;1;\"Zeg \"\"ja\"\"\";1;1;42,5\n"
                "2017-06-28;11;slide_shown;1;Titel, met komma;;;0;1;8,0\n"
                "2017-06-28;12;slide_shown;1;Titel, met komma;;;0;1;7,0\n"
                "2017-06-28;12;slide_shown;2;\"Twee\nregels\";;;1;1;20,2\n"
                "2017-06-28;13;reading_opened;;;9;;1;1;0,0\n"
                "2017-06-28;14;slide_shown;3;\"Een; twee\";;;1;1;5,0\n");
}

TEST_CASE("a rolled-up day is in the daily CSV only, and in the terminal report", "[stats]") {
    TempDb db;
    StatsOptions o;
    o.hourly_days_kept = 1;
    auto store = open(db.file, o);
    std::string error;
    REQUIRE(store.add({event(june_28 + 9 * 3600, StatKind::Visit, 0, 60),
                       event(june_28 + 15 * 3600, StatKind::Visit, 0, 120),
                       event(june_28 + 15 * 3600, StatKind::SlideShown, 0, 30, 1, true),
                       event(june_28 + 15 * 3600, StatKind::ReadingOpened, 2),
                       event(june_28 + 15 * 3600, StatKind::CrashSeen)},
                      error));
    REQUIRE(store.roll_up(june_28 + 3 * 86400, error));
    const auto t = store.totals();
    CHECK(hourly_csv(t, {}, {}, rfc4180_csv) ==
          "day,hour,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds\n");
    CHECK(daily_csv(t, {}, {}, rfc4180_csv) ==
          "day,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds\n"
          "2017-06-28,crash_seen,,,,,1,1,0.0\n"
          "2017-06-28,reading_opened,,,2,,1,1,0.0\n"
          "2017-06-28,slide_shown,2,,,,1,1,30.0\n"
          "2017-06-28,visit,,,,,1,2,180.0\n");
    CHECK(visits_by_hour(t)[9] == 0); // a rolled-up day has no hours left
    const auto report = terminal_report(t, {"Welkom", "De robots"}, {"Een", "Twee"});
    CAPTURE(report);
    CHECK_THAT(report, Catch::Contains("2017-06-28       2        3"));
    CHECK_THAT(report, Catch::Contains("2. De robots: 1 x"));
    CHECK_THAT(report, Catch::Contains("2. Twee: 1 x"));
}

namespace {

// A busy day: 300 visits from 09:00 to 19:00, each with the overview, a finding read, a QR slide,
// a heartbeat and 30 slides, half of them chosen by the visitor. In batches, as the writer sends
// them.
void add_busy_day(StatsStore& store, int day) {
    std::string error;
    std::vector<StatEvent> events;
    const double nine = june_28 + day * 86400.0 + 9 * 3600;
    for (int visit = 0; visit < 300; ++visit) {
        const double at = nine + visit * 120;
        events.push_back(event(at, StatKind::Visit, 0, 110));
        events.push_back(event(at + 1, StatKind::OverviewOpened));
        events.push_back(event(at + 2, StatKind::ReadingOpened, visit % 12 + 1));
        events.push_back(event(at + 60, StatKind::ReadingTime, visit % 12 + 1, 58));
        events.push_back(event(at + 61, StatKind::QrShown, 0, 0, 29, false));
        events.push_back(event(at + 62, StatKind::Uptime, 0, 60));
        for (int slide = 0; slide < 30; ++slide)
            events.push_back(
                event(at + 62 + slide, StatKind::SlideShown, 0, 8, slide, (visit + slide) % 2));
        if (visit % 30 == 29) {
            REQUIRE(store.add(events, error));
            events.clear();
        }
    }
}

} // namespace

// The bound, counting the file, its log and its shared-memory index: a month of the traffic above
// all in hourly rows stays under 2 MB (measured: 1.18 MB file, 270 KB log, 32 KB index); rolled
// up to a week of hours, under 600 KB (measured: 400 KB file, the log emptied, 32 KB index).
TEST_CASE("a month of busy days stays small, old hours rolled into days", "[stats]") {
    TempDb db;
    StatsOptions o;
    o.hourly_days_kept = 7;
    auto store = open(db.file, o);
    for (int day = 0; day < 31; ++day)
        add_busy_day(store, day);
    const auto before = db.bytes();
    std::string error;
    REQUIRE(store.roll_up(june_28 + 31 * 86400.0, error)); // 29 July 2017
    const auto after = db.bytes();
    CAPTURE(before, after);
    CHECK(before < 2'000'000);
    CHECK(after < 600'000);

    const std::string first_hourly_day = store.day_of(june_28 + 24 * 86400.0); // 22 July
    long visits = 0, reads = 0;
    std::set<std::string> hourly_days;
    for (const auto& t : store.totals()) {
        if (t.kind == StatKind::Visit) visits += t.count;
        if (t.kind == StatKind::ReadingTime) reads += static_cast<long>(std::lround(t.seconds));
        if (t.day < first_hourly_day) CHECK(t.hour == -1);
        if (t.hour >= 0) hourly_days.insert(t.day);
    }
    CHECK(visits == 31 * 300); // nothing lost in the roll-up
    CHECK(reads == 31 * 300 * 58);
    CHECK(hourly_days.size() == 7); // 22 to 28 July keep their hours
    CHECK(*hourly_days.begin() == first_hourly_day);
}

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

// Straight through SQLite, not through the store: what any reader of the file would find.
std::string integrity_check(const fs::path& file) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, CloseDb> db(raw);
    if (rc != SQLITE_OK) return "cannot open";
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &s, nullptr);
    std::unique_ptr<sqlite3_stmt, Finalize> statement(s);
    if (!s || sqlite3_step(s) != SQLITE_ROW) return sqlite3_errmsg(db.get());
    return reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
}

long counted(const std::vector<StatsStore::Total>& totals) {
    long n = 0;
    for (const auto& t : totals)
        n += t.count;
    return n;
}

} // namespace

TEST_CASE("killed while writing, the database stays readable", "[stats]") {
    TempDb db;
    long before = 0;
    for (int round = 0; round < 3; ++round) {
        // The child reports each committed batch through a pipe, so the kill lands mid-write on a
        // fast machine and on a slow one alike (under qemu-user a fixed sleep could end before
        // the first commit).
        int pipe_fds[2];
        REQUIRE(pipe(pipe_fds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) { // adds batches until killed
            close(pipe_fds[0]);
            std::string error;
            auto store = StatsStore::open(db.file, {}, error);
            if (!store) _exit(1);
            for (int i = 0;; ++i) {
                std::vector<StatEvent> batch(
                    200, event(june_28 + i * 10, StatKind::SlideShown, 0, 8, i % 30));
                if (store->add(batch, error) && write(pipe_fds[1], "b", 1) != 1) _exit(1);
            }
        }
        close(pipe_fds[1]);
        char seen[8];
        std::size_t batches = 0; // wait for a few commits, then kill during a later one
        while (batches < sizeof seen) {
            const ssize_t n = read(pipe_fds[0], seen, sizeof seen - batches);
            if (n <= 0) break;
            batches += static_cast<std::size_t>(n);
        }
        usleep(1000 * (round + 1)); // land the kill at a different point of a batch each round
        kill(child, SIGKILL);
        close(pipe_fds[0]);
        int status = 0;
        waitpid(child, &status, 0);
        REQUIRE(batches == sizeof seen);
        REQUIRE(WIFSIGNALED(status)); // killed mid-loop, not given up
        CHECK(integrity_check(db.file) == "ok");
        const long now = counted(open(db.file).totals());
        CHECK(now > before);   // this round wrote, and kept, something
        CHECK(now % 200 == 0); // whole batches only: a transaction is all or nothing
        before = now;
    }
}

TEST_CASE("the writer records off the caller's thread and flushes on demand", "[stats]") {
    TempDb db;
    {
        StatsWriter writer(open(db.file), 60); // no timed flush within the test
        CHECK(writer.today(june_28 + 3600).visits == 0);
        writer.record(event(june_28 + 3600, StatKind::Visit, 0, 30));
        writer.flush();
        CHECK(writer.today(june_28 + 3600).visits == 1);
        writer.record(event(june_28 + 3700, StatKind::Visit, 0, 30));
        writer.flush();
        const auto today = writer.today(june_28 + 3800);
        CHECK(today.visits == 2);
        CHECK(today.visit_seconds == Approx(60));
        CHECK(writer.today(june_28 + 86400).visits == 0); // the next day
        writer.record(event(june_28 + 3900, StatKind::Visit, 0, 30));
    } // the destructor writes what is left
    CHECK(open(db.file).day_figures("2017-06-28").visits == 3);
}

TEST_CASE("a file that is not a statistics database is refused with its name", "[stats]") {
    TempDb db;
    std::ofstream(db.file) << std::string(4096, 'x');
    std::string error;
    CHECK_FALSE(StatsStore::open(db.file, {}, error));
    CHECK_THAT(error, Catch::Contains(db.file.string()));
    CHECK_THAT(error, Catch::Contains("not a database"));
}

TEST_CASE("a file in a folder that does not exist is refused with its name", "[stats]") {
    TempDb db;
    const auto file = db.dir / "missing" / "stats.sqlite";
    std::string error;
    CHECK_FALSE(StatsStore::open(file, {}, error));
    CHECK_THAT(error, Catch::Contains(file.string()));
    CHECK_FALSE(fs::exists(file.parent_path())); // making folders is the caller's job
}
