#include "app/content_updates.h"

#include "app/deck_source.h"
#include "import/importer.h"
#include "import/release_store.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace kiosk {
namespace {

constexpr double never = std::numeric_limits<double>::infinity();

// Up to five errors, then a line that says the old slides stay: what an author needs on screen.
std::vector<std::string> error_lines(const LoadResult& r, const std::string& keeps) {
    std::vector<std::string> lines = first_lines(r.diagnostics, Severity::Error, 5);
    if (lines.empty()) lines.push_back("the deck cannot be loaded");
    lines.push_back(keeps);
    return lines;
}

} // namespace

ContentUpdates::ContentUpdates(const Settings& settings, std::string shown_origin,
                               std::function<void()> wake)
    : settings_(settings.content), shown_(std::move(shown_origin)), wake_(std::move(wake)),
      due_(never) {
    if (!settings_.content_root.empty())
        last_status_ = read_file(ReleaseStore(settings_.content_root).status_file());
}

ContentUpdates::~ContentUpdates() {
    if (loading_.valid()) loading_.wait();
}

void ContentUpdates::changed(double now) {
    due_ = std::min(due_, now + settle_s);
}

double ContentUpdates::seconds_until_due(double now) const {
    return due_ == never ? never : std::max(0.0, due_ - now);
}

void ContentUpdates::start_load() {
    const ContentSettings s = settings_;
    auto wake = wake_;
    loading_ = std::async(std::launch::async, [s, wake] {
        Loaded out;
        if (s.content_root.empty()) {
            out.result = load_content_dir(s.content_dir);
            out.origin = (s.content_dir / deck_file_name).string();
        } else if (const auto current = ReleaseStore(s.content_root).current()) {
            out.result = load_content_dir(*current);
            out.origin = release_origin(*current);
        }
        if (wake) wake();
        return out;
    });
}

ContentNews ContentUpdates::poll(const UiStrings& ui, double now) {
    ContentNews news;
    if (loading_.valid() && loading_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        take_loaded(ui, news, now);
    if (now < due_) return news;
    due_ = never;
    if (!settings_.content_root.empty()) follow_import_status(ui, news);
    if (loading_.valid()) {
        reload_after_ = true; // changed again while loading: load once more afterwards
        return news;
    }
    if (!current_is_shown()) start_load();
    return news;
}

// In a content root most changes are the importer's status file and staging folders; the deck is
// read again only once `current` points at a release other than the one on screen.
bool ContentUpdates::current_is_shown() const {
    if (settings_.content_root.empty()) return false;
    const auto current = ReleaseStore(settings_.content_root).current();
    return current && release_origin(*current) == shown_;
}

void ContentUpdates::follow_import_status(const UiStrings& ui, ContentNews& news) {
    const std::string text = read_file(ReleaseStore(settings_.content_root).status_file());
    if (text == last_status_) return;
    last_status_ = text;
    const auto status = nlohmann::json::parse(text, nullptr, false);
    if (!status.is_object()) return;
    const std::string state = status.value("state", "");
    if (state == "importing") news.notices.push_back({{ui.import_busy}, 60});
    if (state == "refused") {
        const std::string reason = refusal_text(status.value("code", ""));
        std::vector<std::string> lines{fill_template(ui.import_refused, {{"reason", reason}})};
        // The first detail says where (a file, a folder to rename): what the organiser acts on.
        if (const auto d = status.find("details");
            d != status.end() && d->is_array() && !d->empty() && d->front().is_string())
            lines.push_back(d->front().get<std::string>());
        news.notices.push_back({lines, 15});
        news.last_import = "refused: " + status.value("message", "");
        news.counts.push_back(StatKind::ImportRefused);
    }
    if (state == "accepted") {
        news.last_import = "accepted: " + status.value("message", "");
        news.counts.push_back(StatKind::ImportAccepted);
    }
}

void ContentUpdates::take_loaded(const UiStrings& ui, ContentNews& news, double now) {
    Loaded loaded = loading_.get();
    if (reload_after_) {
        reload_after_ = false;
        due_ = now; // the files changed during this load: it may be stale
    }
    const bool root_mode = !settings_.content_root.empty();
    if (loaded.origin.empty() || (root_mode && loaded.origin == shown_)) return;
    if (!loaded.result.deck || (root_mode && loaded.result.diagnostics.has_errors())) {
        news.notices.push_back({error_lines(loaded.result, ui.load_failed), 30});
        news.problem = loaded.origin + " could not be shown";
        return;
    }
    shown_ = loaded.origin;
    const auto n = std::to_string(loaded.result.deck->slides.size());
    news.notices.push_back({{fill_template(loaded.result.deck->ui.import_done, {{"n", n}})}, 8});
    news.deck = std::move(*loaded.result.deck);
    news.origin = loaded.origin;
}

} // namespace kiosk
