#include "content/deck_reader.h"
#include "content/slide_reader.h"

#include "content/json_fields.h"
#include "content/limits.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace kiosk {
namespace {

using nlohmann::json;

constexpr int supported_schema = 1;

void read_theme(const json& object, const std::string& where, Theme& theme, Diagnostics& d) {
    JsonFields f(object, where, d);
    const std::pair<const char*, Color*> colors[] = {{"background", &theme.background},
                                                     {"surface", &theme.surface},
                                                     {"text", &theme.text},
                                                     {"muted", &theme.muted},
                                                     {"accent", &theme.accent},
                                                     {"emphasis", &theme.emphasis}};
    for (auto [key, color] : colors) {
        const auto text = f.present_text(key); // "" is no colour either
        if (!text) continue;
        if (auto c = parse_hex_color(*text))
            *color = *c;
        else
            d.error(pointer_join(where, key),
                    "must be a colour like \"#1A2B3C\", not \"" + *text + "\"");
    }
    f.warn_unknown();
    // Readable from a few metres means high contrast; the author may still choose otherwise.
    for (auto [name, color] :
         {std::pair{"text", theme.text}, std::pair{"muted", theme.muted},
          std::pair{"emphasis", theme.emphasis}, std::pair{"accent", theme.accent}}) {
        const double ratio = contrast_ratio(color, theme.background);
        if (ratio < 7.0)
            d.warning(pointer_join(where, name), "contrast against background is " +
                                                     std::to_string(ratio).substr(0, 4) +
                                                     ":1; at least 7:1 reads well from a distance");
    }
}

void read_timing(const json& object, const std::string& where, Timing& t, Diagnostics& d) {
    JsonFields f(object, where, d);
    t.words_per_minute = f.number("words_per_minute", 30, 600).value_or(t.words_per_minute);
    t.min_slide_s = f.number("min_slide_s", 1, limits::max_duration_s).value_or(t.min_slide_s);
    t.max_slide_s = f.number("max_slide_s", 1, limits::max_duration_s).value_or(t.max_slide_s);
    t.transition_ms = f.number("transition_ms", 0, 5000).value_or(t.transition_ms);
    t.idle_return_s = f.number("idle_return_s", 5, 3600).value_or(t.idle_return_s);
    if (t.min_slide_s > t.max_slide_s)
        d.error(pointer_join(where, "min_slide_s"), "must not be larger than max_slide_s");
    f.warn_unknown();
}

void read_ui(const json& object, const std::string& where, UiStrings& ui, Diagnostics& d) {
    JsonFields f(object, where, d);
    // In UiStrings' order, which the diagnostics follow; laid out by hand, a line per few
    // strings that go together.
    // clang-format off
    const std::pair<const char*, std::string*> strings[] = {
        {"slide_counter", &ui.slide_counter}, {"touch_hint", &ui.touch_hint},
        {"read_more", &ui.read_more},
        {"overview", &ui.overview}, {"overview_title", &ui.overview_title},
        {"back", &ui.back}, {"next", &ui.next}, {"previous", &ui.previous},
        {"finding_label", &ui.finding_label}, {"close", &ui.close},
        {"import_busy", &ui.import_busy}, {"import_done", &ui.import_done},
        {"import_refused", &ui.import_refused},
        {"load_failed", &ui.load_failed}, {"still_reading", &ui.still_reading}};
    // clang-format on
    for (auto [key, target] : strings)
        *target = f.text(key, false, *target);
    f.warn_unknown();
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

bool ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A BCP 47 tag in the shape the JSON Schema checks ("nl", "nl-BE", "zh-Hant-TW"): a language of
// two or three letters, then subtags of one to eight letters or digits. Not looked up in the
// registry: the shape alone catches a language written out ("Nederlands") or "nl_BE".
bool language_tag(const std::string& tag) {
    std::size_t i = 0;
    while (i < tag.size() && ascii_letter(tag[i]))
        ++i;
    if (i < 2 || i > 3) return false;
    while (i < tag.size()) {
        if (tag[i++] != '-') return false;
        const std::size_t start = i;
        while (i < tag.size() && (ascii_letter(tag[i]) || (tag[i] >= '0' && tag[i] <= '9')))
            ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

std::vector<std::string> read_texts(const json* array, const std::string& where, Diagnostics& d) {
    std::vector<std::string> out;
    if (!array) return out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto at = pointer_join(where, i);
        auto t = checked_text((*array)[i], at, d);
        if (!t) continue;
        // An empty paragraph is a leftover, as an empty point is.
        if (blank_text(*t)) d.error(at, "must not be empty");
        out.push_back(*t);
    }
    return out;
}

// An overview tile shows the short title, and every tile shares one type size, the largest at
// which all fit: one long short title shrinks them all. Advice, like the 45 words of a slide.
void advise_short_title(const std::string& short_title, const std::string& where, Diagnostics& d) {
    const auto words = static_cast<std::size_t>(count_words(short_title));
    if (words > limits::short_title_words_advice)
        d.warning(pointer_join(where, "short_title"),
                  std::to_string(words) + " words; an overview tile reads best with at most " +
                      std::to_string(limits::short_title_words_advice) +
                      " (one type size serves every tile, so a long title shrinks them all)");
}

Finding read_finding(const json& object, const std::string& where, Diagnostics& d) {
    const auto fields = [&](JsonFields& f, Finding& finding) {
        finding.id = f.text("id", true);
        if (!finding.id.empty() && !valid_id(finding.id))
            d.error(pointer_join(where, "id"),
                    "use lower-case letters, digits and '-' (at most 64)");
        finding.number = f.whole_number("number", 1, 99, true).value_or(0);
        finding.short_title = f.text("short_title", true);
        advise_short_title(finding.short_title, where, d);
        finding.title = f.text("title", true);
        finding.details = read_texts(f.array("details", 1, limits::max_detail_paragraphs, true),
                                     pointer_join(where, "details"), d);
    };
    return read_object<Finding>(object, where, d, "must be an object", fields);
}

void read_findings(const json* array, const std::string& where, Deck& deck, Diagnostics& d) {
    if (!array) return;
    std::set<std::string> ids;
    std::set<int> numbers;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto at = pointer_join(where, i);
        Finding finding = read_finding((*array)[i], at, d);
        if (!finding.id.empty() && !ids.insert(finding.id).second)
            d.error(pointer_join(at, "id"), "\"" + finding.id + "\" is used by another finding");
        if (finding.number > 0 && !numbers.insert(finding.number).second)
            d.error(pointer_join(at, "number"),
                    std::to_string(finding.number) + " is used by another finding");
        deck.findings.push_back(std::move(finding));
    }
}

} // namespace

// Pictures are decoded and kept as textures: their number bounds the kiosk's memory as much as
// their size does.
void check_image_count(const Deck& deck, Diagnostics& d) {
    std::size_t images = 0;
    for (const auto& s : deck.slides)
        images += s.kind == SlideKind::Image;
    if (images > static_cast<std::size_t>(limits::max_images))
        d.error("/slides", "has " + std::to_string(images) + " image slides; the limit is " +
                               std::to_string(limits::max_images));
}

Deck read_deck(const json& doc, Diagnostics& d) {
    Deck deck;
    if (!doc.is_object()) {
        d.error("", std::string("the deck must be a JSON object, not ") + doc.type_name());
        return deck;
    }
    JsonFields f(doc, "", d);
    f.ignore("$schema");
    const auto schema = f.whole_number("schema", 1, 1000, true);
    if (schema && *schema != supported_schema)
        d.error("/schema", "schema " + std::to_string(*schema) +
                               " is not supported; this kiosk reads schema " +
                               std::to_string(supported_schema));
    deck.id = f.text("id", true);
    deck.title = f.text("title", true);
    deck.version = f.text("version", true);
    deck.language = f.text("language", true, deck.language);
    if (!blank_text(deck.language) && !language_tag(deck.language))
        d.error("/language", "must be a language tag such as \"nl\" or \"nl-BE\", not \"" +
                                 deck.language + "\"");
    if (const auto* ui = f.object("ui")) read_ui(*ui, "/ui", deck.ui, d);
    if (const auto* theme = f.object("theme")) read_theme(*theme, "/theme", deck.theme, d);
    if (const auto* timing = f.object("timing")) read_timing(*timing, "/timing", deck.timing, d);
    deck.logo = read_picture(f, "logo", false, d);
    read_findings(f.array("findings", 0, limits::max_findings, false), "/findings", deck, d);
    read_slides(f.array("slides", 1, limits::max_slides, true), "/slides", deck, d);
    check_image_count(deck, d);
    f.warn_unknown();
    return deck;
}

} // namespace kiosk
