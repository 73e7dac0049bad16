// --stats and --stats-export: the statistics database read back, as text for the terminal, as
// CSV files for a spreadsheet, and as a chart drawn by the kiosk's own renderer.
#include "commands/stats_command.h"

#include "app/deck_source.h"
#include "app/stats_session.h"
#include "content/markup.h"
#include "layout/stats_chart.h"
#include "render/font_set.h"
#include "render/sdl_canvas.h"
#include "render/sdl_session.h"
#include "stats/stats_report.h"
#include "stats/stats_store.h"
#include "view/frame.h"

#include <SDL_image.h>

#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>

namespace kiosk {
namespace {

// The deck on screen names the slides and findings in the report; the built-in one if need be.
struct Titles {
    std::string deck;
    std::vector<std::string> slides, findings;
    std::vector<std::string> short_findings; // the chart's labels
    Theme theme;
};

// A slide's name in the report: its title, else the start of its text (a finding's headline).
std::string slide_label(const Slide& s) {
    for (const std::string* text : {&s.title, &s.text, &s.subtitle, &s.note})
        if (!text->empty()) {
            const std::string plain = strip_markup(*text);
            if (plain.size() <= 80) return plain;
            std::string cut = plain.substr(0, 80);
            while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
                cut.pop_back();
            return cut + "…";
        }
    return {};
}

Titles titles_of(const Settings& settings) {
    auto startup =
        load_startup_deck(settings.content.content_dir, settings.content.content_root, std::cerr);
    Titles t{startup.deck.title, {}, {}, {}, startup.deck.theme};
    for (const auto& s : startup.deck.slides)
        t.slides.push_back(slide_label(s));
    for (const auto& f : startup.deck.findings) {
        t.findings.push_back(f.title);
        t.short_findings.push_back(f.short_title.empty() ? f.title : f.short_title);
    }
    return t;
}

std::optional<StatsStore> open_store(const Settings& settings) {
    const auto file = stats_path(settings);
    if (file.empty()) {
        std::cerr << "kiosk: no statistics file: give --stats-file, or a content_root\n";
        return std::nullopt;
    }
    std::string error;
    StatsOptions options;
    options.utc_offset_minutes = local_utc_offset_minutes();
    auto store = StatsStore::open(file, options, error);
    if (!store) std::cerr << "kiosk: " << error << '\n';
    return store;
}

std::string minutes(double seconds) {
    return std::to_string(static_cast<long>(std::lround(seconds / 60))) + " min";
}

ChartData chart_data(const std::vector<StatsStore::Total>& totals, const Titles& t) {
    ChartData d;
    d.title = "Bezoek aan de kiosk";
    std::string first, last;
    long visits = 0;
    for (const auto& row : totals) {
        if (first.empty() || row.day < first) first = row.day;
        if (row.day > last) last = row.day;
        if (row.kind == StatKind::Visit) visits += row.count;
    }
    d.subtitle = t.deck;
    if (!first.empty())
        d.subtitle += " · " + (first == last ? first : first + " tot " + last) + " · " +
                      std::to_string(visits) + (visits == 1 ? " bezoek" : " bezoeken");
    for (const auto& f : most_read_findings(totals, t.short_findings)) {
        if (f.opens == 0 && f.seconds == 0) continue;
        d.findings.push_back(
            {std::to_string(f.finding) + " · " + f.title, f.opens,
             std::to_string(f.opens) + "× geopend · " + minutes(f.seconds) + " gelezen"});
    }
    d.visits_by_hour = visits_by_hour(totals);
    return d;
}

bool write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out) std::cerr << "kiosk: cannot write " << file << '\n';
    return static_cast<bool>(out);
}

bool write_chart(const ChartData& data, const Theme& theme, const Settings& settings,
                 const std::filesystem::path& file) {
    SdlSession sdl(0);
    std::string error;
    auto fonts = sdl.ok() ? FontSet::open(settings.display.font_dir, error) : std::nullopt;
    if (!fonts)
        return std::cerr << "kiosk: chart: " << (sdl.ok() ? error : sdl.error()) << '\n', false;
    const Size size{1600, 1000};
    SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888));
    RendererPtr renderer(surface ? SDL_CreateSoftwareRenderer(surface.get()) : nullptr);
    if (!renderer) return std::cerr << "kiosk: chart: " << SDL_GetError() << '\n', false;
    SdlCanvas canvas(renderer.get(), *fonts, size);
    canvas.clear(theme.background);
    draw_scene(canvas, layout_stats_chart(data, size, *fonts), theme, 0, 255);
    SDL_RenderPresent(renderer.get());
    if (IMG_SavePNG(surface.get(), file.string().c_str()) != 0)
        return std::cerr << "kiosk: cannot write " << file << ": " << IMG_GetError() << '\n', false;
    return true;
}

} // namespace

int run_stats(const Settings& settings) {
    auto store = open_store(settings);
    if (!store) return 1;
    const Titles t = titles_of(settings);
    std::cout << terminal_report(store->totals(), t.slides, t.findings);
    return 0;
}

int run_stats_export(const Settings& settings) {
    auto store = open_store(settings);
    if (!store) return 1;
    const auto& dir = settings.args.stats_export_dir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return std::cerr << "kiosk: cannot create " << dir << ": " << ec.message() << '\n', 1;
    const Titles t = titles_of(settings);
    const auto totals = store->totals();
    const CsvStyle& csv = settings.args.csv_format == CsvFormat::Excel ? excel_csv : rfc4180_csv;
    const bool ok = write_text(dir / "daily.csv", daily_csv(totals, t.slides, t.findings, csv)) &&
                    write_text(dir / "hourly.csv", hourly_csv(totals, t.slides, t.findings, csv)) &&
                    write_chart(chart_data(totals, t), t.theme, settings, dir / "chart.png");
    if (ok) std::cout << "kiosk: statistics written to " << dir.string() << '\n';
    return ok ? 0 : 1;
}

} // namespace kiosk
