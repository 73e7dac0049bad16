#pragma once
// The deck as plain data: what the loader produces and everything else reads. No behaviour here
// beyond small derived values, so that a slide can be built by hand in a test.
#include "content/color.h"
#include "util/lookup.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct Theme {
    Color background{0x0B, 0x1F, 0x3A};
    Color surface{0x15, 0x33, 0x5A};
    Color text{0xFF, 0xFF, 0xFF};
    Color muted{0xC6, 0xD4, 0xE3};
    Color accent{0xFF, 0xC8, 0x45};
    Color emphasis{0xFF, 0xE3, 0x94};
};

struct Timing {
    double words_per_minute = 120;
    double min_slide_s = 8, max_slide_s = 30;
    double transition_ms = 700;
    double idle_return_s = 60;
};

struct UiStrings {
    std::string slide_counter = "{n} / {total}";
    std::string touch_hint = "Raak het scherm aan om te verkennen";
    std::string read_more = "Lees meer";
    std::string overview = "Overzicht";
    std::string overview_title = "Belangrijke vaststellingen";
    std::string back = "Terug";
    std::string next = "Volgende";
    std::string previous = "Vorige";
    std::string finding_label = "Vaststelling {n}";
    std::string close = "Sluiten";
    std::string import_busy = "Nieuwe inhoud wordt gecontroleerd\u2026";
    std::string import_done = "Nieuwe inhoud: {n} dia's";
    std::string import_refused = "Nieuwe inhoud geweigerd: {reason}. De huidige dia's blijven.";
    std::string load_failed = "De vorige versie blijft zichtbaar.";
    std::string still_reading = "Nog aan het lezen? Raak het scherm aan om verder te lezen.";
};

struct Contact {
    std::string name, phone, email, role;
};

struct Finding {
    std::string id;
    int number = 0;
    std::string short_title;
    std::string title;
    std::vector<std::string> details;
};

enum class SlideKind { Title, Paragraph, Points, Finding, Quote, Closing, Image, Qr };

// Each kind with its name in deck.json: the reader and slide_kind_name() share these spellings.
inline constexpr Table<SlideKind, const char*, 8> slide_kinds{{
    {SlideKind::Title, "title"},
    {SlideKind::Paragraph, "paragraph"},
    {SlideKind::Points, "points"},
    {SlideKind::Finding, "finding"},
    {SlideKind::Quote, "quote"},
    {SlideKind::Closing, "closing"},
    {SlideKind::Image, "image"},
    {SlideKind::Qr, "qr"},
}};

enum class ImageFit { Contain, Cover };

struct SlideImage {
    std::string src;           // as written in the deck, relative to the content folder
    std::string path;          // resolved file path, set by the loader when the file checks out
    int width = 0, height = 0; // from the file's header
    ImageFit fit = ImageFit::Contain;
    std::string src_pointer; // where src stands in the file ("/slides/4/image/src"), for messages
};

struct Slide {
    SlideKind kind = SlideKind::Paragraph;
    std::string title, subtitle, note, text, attribution, caption;
    std::string url;                 // qr slides
    std::optional<SlideImage> image; // image slides; dropped when the file is missing or bad
    std::vector<std::string> points;
    bool numbered = false;
    std::vector<Contact> contacts;
    std::string finding_id; // empty when the slide belongs to no finding
    int finding_index = -1; // resolved by the loader
    std::optional<double> duration_s;
};

struct Deck {
    int schema = 1;
    std::string id, title, version, language = "nl";
    UiStrings ui;
    Theme theme;
    Timing timing;
    std::vector<Finding> findings;
    std::vector<Slide> slides;
    // The organiser's mark on the title and closing slides (none ships: the file is theirs).
    std::optional<SlideImage> logo;
    // A short hash of the deck's file (FNV-1a, 16 hex digits): screens in one hall that show the
    // same digest show the same loop; the status overlay shows it.
    std::string digest;
};

// Words in one text as a visitor reads them: markup stripped, split at spaces and line breaks.
int count_words(const std::string& text);
// Words a visitor reads on the slide (markup stripped), for reading time and the 45-word rule.
int slide_word_count(const Deck& deck, const Slide& slide);
// The words of a finding's full text (its reading view), and the time to read them at the deck's
// pace (timing.words_per_minute).
int finding_word_count(const Finding& finding);
double finding_reading_s(const Deck& deck, const Finding& finding);

// Display time: the slide's own duration_s, else reading time clamped to the deck's bounds.
double slide_duration_s(const Deck& deck, const Slide& slide);

// Replaces {name} in a UI template, e.g. fill_template("{n} / {total}", {{"n","3"},{"total","9"}}).
std::string fill_template(std::string text,
                          const std::vector<std::pair<std::string, std::string>>& values);

const char* slide_kind_name(SlideKind kind);

} // namespace kiosk
