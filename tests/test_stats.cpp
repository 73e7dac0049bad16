// The statistics database: totals by local hour and day, crash safety, the size bound, CSV.
#include "stats/stats_report.h"
#include "stats/stats_store.h"
#include "stats/stats_writer.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <csignal>
#include <fstream>
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
    REQUIRE(store.add({event(june_28 + 7 * 3600, StatKind::Visit, 0, 60),       // 09:00 local
                       event(june_28 + 7 * 3600 + 600, StatKind::Visit, 0, 30), // 09:10
                       event(june_28 + 22 * 3600 + 1, StatKind::Visit, 0, 10),  // 00:00 next day
                       event(june_28 + 8 * 3600, StatKind::ReadingOpened, 3),
                       event(june_28 + 8 * 3600, StatKind::ReadingTime, 3, 90),
                       event(june_28 + 8 * 3600, StatKind::SlideShown, 0, 8, 4, false)},
                      error));
    const auto t = store.totals();
    REQUIRE(t.size() == 5);
    CHECK(t[0].day == "2017-06-28");
    const auto today = store.day_figures("2017-06-28");
    CHECK(today.visits == 2);
    CHECK(today.visit_seconds == Approx(90));
    CHECK(today.busiest_hour == 9);
    CHECK(today.readings == 1);
    CHECK(today.most_read_finding == 3);
    CHECK(today.slides_by_visitors == 0);
    CHECK(store.day_figures("2017-06-29").visits == 1);
    CHECK(store.day_of(june_28 + 22 * 3600 + 1) == "2017-06-29");
}

TEST_CASE("CSV files from a known store", "[stats]") {
    TempDb db;
    auto store = open(db.file);
    std::string error;
    REQUIRE(store.add({event(june_28 + 10 * 3600, StatKind::ReadingOpened, 1),
                       event(june_28 + 10 * 3600 + 5, StatKind::ReadingTime, 1, 42.5),
                       event(june_28 + 11 * 3600, StatKind::SlideShown, 0, 8, 0, false),
                       event(june_28 + 12 * 3600, StatKind::SlideShown, 0, 7, 0, false)},
                      error));
    const std::vector<std::string> slides{"Titel, met komma"};
    const std::vector<std::string> findings{"Zeg \"ja\""};
    CHECK(daily_csv(store.totals(), slides, findings) ==
          "day,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds\n"
          "2017-06-28,reading_opened,,,1,\"Zeg \"\"ja\"\"\",1,1,0.0\n"
          "2017-06-28,reading_time,,,1,\"Zeg \"\"ja\"\"\",1,1,42.5\n"
          "2017-06-28,slide_shown,1,\"Titel, met komma\",,,0,2,15.0\n");
    CHECK(hourly_csv(store.totals(), slides, findings) ==
          "day,hour,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds\n"
          "2017-06-28,10,reading_opened,,,1,\"Zeg \"\"ja\"\"\",1,1,0.0\n"
          "2017-06-28,10,reading_time,,,1,\"Zeg \"\"ja\"\"\",1,1,42.5\n"
          "2017-06-28,11,slide_shown,1,\"Titel, met komma\",,,0,1,8.0\n"
          "2017-06-28,12,slide_shown,1,\"Titel, met komma\",,,0,1,7.0\n");
    const auto reads = most_read_findings(store.totals(), findings);
    REQUIRE(reads.size() == 1);
    CHECK(reads[0].opens == 1);
    CHECK(reads[0].seconds == Approx(42.5));
}

TEST_CASE("a month of busy days stays small, old hours rolled into days", "[stats]") {
    TempDb db;
    StatsOptions o;
    o.hourly_days_kept = 7;
    auto store = open(db.file, o);
    std::string error;
    for (int day = 0; day < 31; ++day) {
        std::vector<StatEvent> events;
        for (int visit = 0; visit < 300; ++visit) {
            const double at = june_28 + day * 86400.0 + 8 * 3600 + visit * 100;
            events.push_back(event(at, StatKind::Visit, 0, 120));
            events.push_back(event(at, StatKind::ReadingOpened, visit % 7 + 1));
            for (int slide = 0; slide < 30; ++slide)
                events.push_back(event(at + slide, StatKind::SlideShown, 0, 8, slide, slide % 2));
        }
        REQUIRE(store.add(events, error));
        REQUIRE(store.roll_up(june_28 + (day + 1) * 86400.0, error));
    }
    long visits = 0;
    for (const auto& t : store.totals()) {
        if (t.kind == StatKind::Visit) visits += t.count;
        if (t.day < store.day_of(june_28 + 24 * 86400.0)) CHECK(t.hour == -1); // rolled up
    }
    CHECK(visits == 31 * 300);     // nothing lost in the roll-up
    CHECK(db.bytes() < 1'000'000); // about 180 KB of data and at most 256 KB of log
}

TEST_CASE("killed while writing, the database stays readable", "[stats]") {
    TempDb db;
    for (int round = 0; round < 3; ++round) {
        const pid_t child = fork();
        if (child == 0) {
            std::string error;
            auto store = StatsStore::open(db.file, {}, error);
            for (int i = 0;; ++i) {
                std::vector<StatEvent> batch(
                    200, event(june_28 + i, StatKind::SlideShown, 0, 8, i % 30));
                store->add(batch, error);
            }
        }
        usleep(150000 + 50000 * round);
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.file.c_str(), &raw) == SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "ok");
        sqlite3_finalize(s);
        sqlite3_close(raw);
        CHECK_FALSE(open(db.file).totals().empty());
    }
}

TEST_CASE("the writer records off the caller's thread and flushes on demand", "[stats]") {
    TempDb db;
    {
        StatsWriter writer(open(db.file), 60); // no timed flush within the test
        writer.record(event(june_28 + 3600, StatKind::Visit, 0, 30));
        writer.flush();
        CHECK(writer.today(june_28 + 3600).visits == 1);
        writer.record(event(june_28 + 3700, StatKind::Visit, 0, 30));
    } // the destructor writes what is left
    CHECK(open(db.file).day_figures("2017-06-28").visits == 2);
}

TEST_CASE("a file that is not a statistics database is refused with its name", "[stats]") {
    TempDb db;
    std::ofstream(db.file) << std::string(4096, 'x');
    std::string error;
    CHECK_FALSE(StatsStore::open(db.file, {}, error));
    CHECK_THAT(error, Catch::Contains(db.file.string()));
}
