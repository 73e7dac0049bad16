#include "content/deck.h"

#include "content/markup.h"
#include "util/lookup.h"

#include <algorithm>

namespace kiosk {

int count_words(const std::string& text) {
    int words = 0;
    bool in_word = false;
    for (char c : strip_markup(text)) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

int slide_word_count(const Deck& deck, const Slide& slide) {
    int words = count_words(slide.title) + count_words(slide.subtitle) + count_words(slide.note) +
                count_words(slide.text) + count_words(slide.attribution) +
                count_words(slide.caption);
    for (const auto& p : slide.points)
        words += count_words(p);
    for (const auto& c : slide.contacts)
        words +=
            count_words(c.name) + count_words(c.phone) + count_words(c.email) + count_words(c.role);
    if (slide.kind == SlideKind::Finding && slide.finding_index >= 0 &&
        slide.finding_index < static_cast<int>(deck.findings.size()))
        words += count_words(deck.findings[slide.finding_index].title);
    return words;
}

int finding_word_count(const Finding& finding) {
    int words = count_words(finding.title);
    for (const auto& paragraph : finding.details)
        words += count_words(paragraph);
    return words;
}

double finding_reading_s(const Deck& deck, const Finding& finding) {
    return 60.0 * finding_word_count(finding) / deck.timing.words_per_minute;
}

double slide_duration_s(const Deck& deck, const Slide& slide) {
    if (slide.duration_s) return *slide.duration_s;
    // A glance, then reading at the deck's pace: a visitor looks up before starting to read.
    const double reading =
        3.0 + 60.0 * slide_word_count(deck, slide) / deck.timing.words_per_minute;
    return std::clamp(reading, deck.timing.min_slide_s, deck.timing.max_slide_s);
}

std::string fill_template(std::string text,
                          const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, value] : values) {
        const std::string key = "{" + name + "}";
        for (auto pos = text.find(key); pos != std::string::npos;
             pos = text.find(key, pos + value.size()))
            text.replace(pos, key.size(), value);
    }
    return text;
}

const char* slide_kind_name(SlideKind kind) {
    return lookup(slide_kinds, kind, "?");
}

} // namespace kiosk
