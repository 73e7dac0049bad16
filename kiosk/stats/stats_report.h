#pragma once
// The statistics as the organiser reads them: CSV files for a spreadsheet (daily and hourly
// totals per slide and per finding), the figures behind the chart, and the terminal report of
// `kiosk --stats`. Pure functions over StatsStore::totals().
#include "stats/stats_store.h"

#include <array>
#include <string>
#include <vector>

namespace kiosk {

// How a CSV file is written. Excel opens a .csv file (a double click) with the list separator
// and the decimal sign of the computer's region, and reads it as UTF-8 only when it starts with
// a byte order mark; without one, comma-separated, a Belgian (nl-BE, fr-BE) Excel shows every
// row in one column with its accents broken. No "sep=;" first line: Excel then ignores the BOM,
// and every other program reads that line as data.
struct CsvStyle {
    bool bom = false; // the UTF-8 byte order mark first
    char separator = ',';
    char decimal = '.'; // in the fractional numbers (the seconds)
};
// What Excel in a Belgian region (and a Dutch, French or German one) opens as it should.
inline constexpr CsvStyle excel_csv{true, ';', ','};
// RFC 4180 as scripts, databases and an English-language Excel read it.
inline constexpr CsvStyle rfc4180_csv{false, ',', '.'};

// slide_titles[i] names slide i; finding_titles[n - 1] names finding n (out of range: empty).
// Either style quotes a field as RFC 4180 does (when it holds the separator, a quote or a line
// break) and ends lines with "\n"; slides numbered from 1 as on screen; seconds to 0.1.
// daily: day,kind,slide,slide_title,finding,finding_title,by_visitor,count,seconds (hours
// folded in); hourly: day,hour,kind,... (rolled-up days have no hours left: not in it).
std::string daily_csv(const std::vector<StatsStore::Total>& totals,
                      const std::vector<std::string>& slide_titles,
                      const std::vector<std::string>& finding_titles, const CsvStyle& style);
std::string hourly_csv(const std::vector<StatsStore::Total>& totals,
                       const std::vector<std::string>& slide_titles,
                       const std::vector<std::string>& finding_titles, const CsvStyle& style);

struct FindingReads {
    int finding = 0;
    std::string title;
    long opens = 0;
    double seconds = 0;
};
// Every finding (titled or read) with its reading-view opens and time read, all days; most
// opened first, then most read.
std::vector<FindingReads> most_read_findings(const std::vector<StatsStore::Total>& totals,
                                             const std::vector<std::string>& finding_titles);
std::array<long, 24> visits_by_hour(const std::vector<StatsStore::Total>& totals); // all days

// What `kiosk --stats` prints: per day visits, slides by visitors, readings, imports, starts and
// crashes; the slides visitors went to; the most read findings; visits by hour as a text chart.

std::string terminal_report(const std::vector<StatsStore::Total>& totals,
                            const std::vector<std::string>& slide_titles,
                            const std::vector<std::string>& finding_titles);

} // namespace kiosk
