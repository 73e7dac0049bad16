#pragma once
// The statistics as the organiser reads them: CSV files for a spreadsheet (daily and hourly
// totals per slide and per finding), the figures behind the chart, and the terminal report of
// `kiosk --stats`. Pure functions over StatsStore::totals().
#include "stats/stats_store.h"

#include <array>
#include <string>
#include <vector>

namespace kiosk {

// slide_titles[i] names slide i; finding_titles[n - 1] names finding n (out of range: empty).
std::string daily_csv(const std::vector<StatsStore::Total>& totals,
                      const std::vector<std::string>& slide_titles,
                      const std::vector<std::string>& finding_titles);
std::string hourly_csv(const std::vector<StatsStore::Total>& totals,
                       const std::vector<std::string>& slide_titles,
                       const std::vector<std::string>& finding_titles);

struct FindingReads {
    int finding = 0;
    std::string title;
    long opens = 0;
    double seconds = 0;
};
// Every finding with its reading-view opens and time read, most opened first.
std::vector<FindingReads> most_read_findings(const std::vector<StatsStore::Total>& totals,
                                             const std::vector<std::string>& finding_titles);
std::array<long, 24> visits_by_hour(const std::vector<StatsStore::Total>& totals);

std::string terminal_report(const std::vector<StatsStore::Total>& totals,
                            const std::vector<std::string>& slide_titles,
                            const std::vector<std::string>& finding_titles);

} // namespace kiosk
