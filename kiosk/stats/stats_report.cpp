#include "stats/stats_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <tuple>

namespace kiosk {
namespace {

std::string title_at(const std::vector<std::string>& titles, int index) {
    return index >= 0 && index < static_cast<int>(titles.size())
               ? titles[static_cast<std::size_t>(index)]
               : std::string();
}

// RFC 4180: a field with the separator, a quote or a line break is quoted, its quotes doubled.
std::string field(const std::string& s, const CsvStyle& style) {
    if (s.find_first_of(std::string("\"\n\r") + style.separator) == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string line(const std::vector<std::string>& fields, const CsvStyle& style) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += style.separator;
        out += field(fields[i], style);
    }
    return out + "\n";
}

// printf's decimal sign is the C locale's (a point, as long as nobody calls setlocale); either
// way it becomes the style's.
std::string seconds_text(double s, char decimal) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", s);
    std::string out = text;
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '.' || c == ','; }, decimal);
    return out;
}

using Key =
    std::tuple<std::string, int, std::string, int, int, int>; // day hour kind slide finding visitor

std::string csv(const std::map<Key, std::pair<long, double>>& rows, bool with_hour,
                const std::vector<std::string>& slides, const std::vector<std::string>& findings,
                const CsvStyle& style) {
    std::vector<std::string> head{"day",           "kind",       "slide", "slide_title", "finding",
                                  "finding_title", "by_visitor", "count", "seconds"};
    if (with_hour) head.insert(head.begin() + 1, "hour");
    std::string out = style.bom ? "\xEF\xBB\xBF" : "";
    out += line(head, style);
    for (const auto& [k, v] : rows) {
        const auto& [day, hour, kind, slide, finding, visitor] = k;
        std::vector<std::string> fields{day,
                                        kind,
                                        slide >= 0 ? std::to_string(slide + 1) : "",
                                        title_at(slides, slide),
                                        finding > 0 ? std::to_string(finding) : "",
                                        title_at(findings, finding - 1),
                                        std::to_string(visitor),
                                        std::to_string(v.first),
                                        seconds_text(v.second, style.decimal)};
        if (with_hour) fields.insert(fields.begin() + 1, std::to_string(hour));
        out += line(fields, style);
    }
    return out;
}

std::map<Key, std::pair<long, double>> fold(const std::vector<StatsStore::Total>& totals,
                                            bool by_hour) {
    std::map<Key, std::pair<long, double>> rows;
    for (const auto& t : totals) {
        if (by_hour && t.hour < 0) continue; // a rolled-up day has no hours left
        auto& v = rows[{t.day, by_hour ? t.hour : -1, std::string(to_string(t.kind)), t.slide,
                        t.finding, t.by_visitor ? 1 : 0}];
        v.first += t.count;
        v.second += t.seconds;
    }
    return rows;
}

} // namespace

std::string daily_csv(const std::vector<StatsStore::Total>& totals,
                      const std::vector<std::string>& slides,
                      const std::vector<std::string>& findings, const CsvStyle& style) {
    return csv(fold(totals, false), false, slides, findings, style);
}

std::string hourly_csv(const std::vector<StatsStore::Total>& totals,
                       const std::vector<std::string>& slides,
                       const std::vector<std::string>& findings, const CsvStyle& style) {
    return csv(fold(totals, true), true, slides, findings, style);
}

std::vector<FindingReads> most_read_findings(const std::vector<StatsStore::Total>& totals,
                                             const std::vector<std::string>& findings) {
    // A map, not an index: a finding number read back from the file is not trusted to be small.
    std::map<int, FindingReads> by_number;
    for (std::size_t i = 0; i < findings.size(); ++i)
        by_number[static_cast<int>(i) + 1] = {static_cast<int>(i) + 1, findings[i], 0, 0};
    for (const auto& t : totals) {
        if (t.finding <= 0) continue;
        auto& f = by_number[t.finding];
        f.finding = t.finding;
        if (t.kind == StatKind::ReadingOpened) f.opens += t.count;
        if (t.kind == StatKind::ReadingTime) f.seconds += t.seconds;
    }
    std::vector<FindingReads> out;
    for (auto& [number, f] : by_number)
        out.push_back(std::move(f));
    std::stable_sort(out.begin(), out.end(), [](const FindingReads& a, const FindingReads& b) {
        return a.opens != b.opens ? a.opens > b.opens : a.seconds > b.seconds;
    });
    return out;
}

std::array<long, 24> visits_by_hour(const std::vector<StatsStore::Total>& totals) {
    std::array<long, 24> hours{};
    for (const auto& t : totals)
        if (t.kind == StatKind::Visit && t.hour >= 0 && t.hour < 24)
            hours[static_cast<std::size_t>(t.hour)] += t.count;
    return hours;
}

namespace {

void day_table(std::ostream& out, const std::vector<StatsStore::Total>& totals) {
    std::map<std::string, std::vector<StatsStore::Total>> days;
    for (const auto& t : totals)
        days[t.day].push_back(t);
    out << "day         visits  minutes  slides by visitors  overview  texts read  imports "
           "ok/refused  starts  crashes\n";
    for (const auto& [day, rows] : days) {
        const auto d = figures_of_day(rows);
        char line[200];
        std::snprintf(
            line, sizeof line, "%-10s  %6ld  %7.0f  %18ld  %8ld  %10ld  %10ld/%-7ld  %6ld  %7ld\n",
            day.c_str(), d.visits, d.visit_seconds / 60, d.slides_by_visitors, d.overview_opens,
            d.readings, d.imports_accepted, d.imports_refused, d.starts, d.crashes);
        out << line;
    }
}

// The slides visitors went to themselves (the loop's own showing says nothing about interest).
void visitor_slides(std::ostream& out, const std::vector<StatsStore::Total>& totals,
                    const std::vector<std::string>& slides) {
    std::map<int, std::pair<long, double>> by_slide;
    for (const auto& t : totals)
        if (t.kind == StatKind::SlideShown && t.by_visitor && t.slide >= 0) {
            by_slide[t.slide].first += t.count;
            by_slide[t.slide].second += t.seconds;
        }
    std::vector<std::pair<int, std::pair<long, double>>> rows(by_slide.begin(), by_slide.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    out << "\nSlides visitors went to (times, minutes on screen):\n";
    for (const auto& [slide, v] : rows)
        out << "  " << slide + 1 << ". " << title_at(slides, slide) << ": " << v.first << " x, "
            << std::lround(v.second / 60) << " min\n";
}

void hour_chart(std::ostream& out, const std::vector<StatsStore::Total>& totals) {
    out << "\nVisits by hour:\n";
    const auto hours = visits_by_hour(totals);
    const long most = std::max(1L, *std::max_element(hours.begin(), hours.end()));
    for (int h = 0; h < 24; ++h) {
        const auto n = hours[static_cast<std::size_t>(h)];
        if (n == 0) continue;
        char label[16];
        std::snprintf(label, sizeof label, "  %02d:00 %4ld ", h, n);
        out << label << std::string(static_cast<std::size_t>(std::max(1L, n * 40 / most)), '#')
            << '\n';
    }
}

} // namespace

std::string terminal_report(const std::vector<StatsStore::Total>& totals,
                            const std::vector<std::string>& slides,
                            const std::vector<std::string>& findings) {
    std::ostringstream out;
    day_table(out, totals);
    visitor_slides(out, totals, slides);
    out << "\nMost read findings (texts opened, minutes read):\n";
    for (const auto& f : most_read_findings(totals, findings))
        if (f.opens > 0 || f.seconds > 0)
            out << "  " << f.finding << ". " << f.title << ": " << f.opens << " x, "
                << std::lround(f.seconds / 60) << " min\n";
    hour_chart(out, totals);
    return out.str();
}

} // namespace kiosk
