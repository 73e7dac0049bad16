// Slides: the kind decides which fields are read; a field that belongs to another kind is reported
// as unused, so "points" on a "quote" slide does not vanish silently.
#include "content/slide_reader.h"

#include "content/deck.h"
#include "content/json_fields.h"
#include "content/limits.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace kiosk {
namespace {

using nlohmann::json;

std::optional<SlideKind> kind_from_name(const std::string& name) {
    for (auto [kind, spelled] : slide_kinds)
        if (name == spelled) return kind;
    return std::nullopt;
}

std::string kind_list() {
    std::string out;
    for (auto [kind, spelled] : slide_kinds)
        out += (out.empty() ? "" : ", ") + std::string(spelled);
    return out;
}

Contact read_contact(const json& object, const std::string& where, Diagnostics& d) {
    const auto fields = [](JsonFields& f, Contact& c) {
        c.name = f.text("name", true);
        c.phone = f.text("phone");
        c.email = f.text("email");
        c.role = f.text("role");
    };
    return read_object<Contact>(object, where, d, "must be an object with \"name\"", fields);
}

void read_points(JsonFields& f, Slide& s, Diagnostics& d) {
    const auto* points = f.array("points", 1, limits::max_points, true);
    if (!points) return;
    for (std::size_t i = 0; i < points->size(); ++i) {
        const auto where = pointer_join(pointer_join(f.pointer(), "points"), i);
        if (auto t = checked_text((*points)[i], where, d)) {
            if (blank_text(*t)) d.error(where, "must not be empty");
            s.points.push_back(*t);
        }
    }
}

void read_contacts(JsonFields& f, Slide& s, Diagnostics& d) {
    const auto* contacts = f.array("contacts", 0, limits::max_contacts, false);
    if (!contacts) return;
    for (std::size_t i = 0; i < contacts->size(); ++i)
        s.contacts.push_back(read_contact(
            (*contacts)[i], pointer_join(pointer_join(f.pointer(), "contacts"), i), d));
}

// A content-relative file name that cannot leave the content folder or mean different files on
// different systems: no absolute paths, "..", backslashes, or characters outside a safe set.
std::optional<std::string> unsafe_path_reason(const std::string& src) {
    if (src.empty()) return "is empty";
    if (src.size() > limits::max_image_name_bytes)
        return "is longer than " + std::to_string(limits::max_image_name_bytes) + " characters";
    if (src.front() == '/') return "must be relative to the content folder";
    for (char c : src) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '/';
        if (!ok) return std::string("may only use letters, digits, '.', '_', '-' and '/'");
    }
    if (src == ".." || src.rfind("../", 0) == 0 || src.find("/../") != std::string::npos ||
        src.find("//") != std::string::npos ||
        (src.size() >= 3 && src.compare(src.size() - 3, 3, "/..") == 0))
        return std::string("must stay inside the content folder (no \"..\")");
    return std::nullopt;
}

} // namespace

std::optional<SlideImage> read_picture(JsonFields& f, const char* field, bool required,
                                       Diagnostics& d) {
    const auto* object = f.object(field);
    const auto where = pointer_join(f.pointer(), field);
    if (!object) {
        if (required && !f.has(field)) d.error(where, "is required");
        return std::nullopt;
    }
    JsonFields img(*object, where, d);
    SlideImage image;
    image.src = img.text("src", true);
    const std::string fit = img.text("fit", false, "contain");
    if (fit == "cover")
        image.fit = ImageFit::Cover;
    else if (fit != "contain")
        d.error(pointer_join(where, "fit"), "must be \"contain\" or \"cover\"");
    img.warn_unknown();
    // Like a missing file, a bad name costs the slide its picture, not the deck its slides.
    if (auto why = unsafe_path_reason(image.src)) {
        d.recoverable_error(pointer_join(where, "src"), *why);
        return std::nullopt;
    }
    image.src_pointer = pointer_join(where, "src");
    return image;
}

namespace {

void read_qr(JsonFields& f, Slide& s, Diagnostics& d) {
    s.title = f.text("title");
    s.text = f.text("text");
    s.url = f.text("url", true);
    const auto where = pointer_join(f.pointer(), "url");
    // ASCII, so that its bytes are its characters and the JSON Schema's maxLength is this limit;
    // and a QR code's bytes are Latin-1 by the standard, so a scanner guesses at any others.
    if (std::any_of(s.url.begin(), s.url.end(), [](char c) { return (c & 0x80) != 0; }))
        d.error(where, "may only hold ASCII characters: percent-encode the others (é as %C3%A9)");
    if (s.url.find('\n') != std::string::npos) d.error(where, "must be one line");
    if (s.url.size() > limits::max_qr_bytes)
        d.error(where, "is " + std::to_string(s.url.size()) +
                           " bytes; a QR code that phones scan from a metre holds at most " +
                           std::to_string(limits::max_qr_bytes));
}

void read_kind_fields(JsonFields& f, Slide& s, Diagnostics& d) {
    switch (s.kind) {
    case SlideKind::Title:
        s.title = f.text("title", true);
        s.subtitle = f.text("subtitle");
        s.note = f.text("note");
        break;
    case SlideKind::Paragraph:
        s.title = f.text("title");
        s.text = f.text("text", true);
        break;
    case SlideKind::Points:
        s.title = f.text("title");
        s.numbered = f.boolean("numbered", false);
        read_points(f, s, d);
        break;
    case SlideKind::Finding:
        s.text = f.text("text");
        if (!f.has("finding")) d.error(pointer_join(f.pointer(), "finding"), "is required");
        break;
    case SlideKind::Quote:
        s.text = f.text("text", true);
        s.attribution = f.text("attribution");
        break;
    case SlideKind::Closing:
        s.title = f.text("title", true);
        s.text = f.text("text");
        read_contacts(f, s, d);
        break;
    case SlideKind::Image:
        s.title = f.text("title");
        s.caption = f.text("caption");
        s.image = read_picture(f, "image", true, d);
        break;
    case SlideKind::Qr:
        read_qr(f, s, d);
        break;
    }
}

// Every field some slide kind reads: on a slide of another kind it is a leftover (a warning),
// not a typo (an error).
constexpr std::string_view slide_fields[] = {
    "attribution", "caption",  "contacts", "duration_s", "finding", "image", "kind", "note",
    "notes",       "numbered", "points",   "subtitle",   "text",    "title", "url"};

int find_index(const Deck& deck, const std::string& id) {
    for (std::size_t i = 0; i < deck.findings.size(); ++i)
        if (deck.findings[i].id == id) return static_cast<int>(i);
    return -1;
}

std::optional<Slide> read_slide(const json& object, const std::string& where, const Deck& deck,
                                Diagnostics& d) {
    if (!object.is_object()) {
        d.error(where, std::string("a slide must be an object, not ") + object.type_name());
        return std::nullopt;
    }
    JsonFields f(object, where, d);
    const std::string kind_name = f.text("kind", true);
    const auto kind = kind_from_name(kind_name);
    if (!kind) {
        if (!kind_name.empty())
            d.error(pointer_join(where, "kind"),
                    "unknown kind \"" + kind_name + "\"; use one of " + kind_list());
        return std::nullopt;
    }
    Slide s;
    s.kind = *kind;
    s.duration_s = f.number("duration_s", 0.5, limits::max_duration_s);
    f.text("notes"); // for authors only
    // Given, it must name a finding: "" names none.
    if (const auto id = f.present_text("finding")) {
        s.finding_id = *id;
        s.finding_index = find_index(deck, *id);
        if (s.finding_index < 0)
            d.error(pointer_join(where, "finding"),
                    "no finding has the id \"" + *id + "\" (see /findings)");
    }
    read_kind_fields(f, s, d);
    f.warn_unknown(slide_fields, std::string("not used by a \"") + kind_name + "\" slide");
    return s;
}

} // namespace

void read_slides(const json* array, const std::string& where, Deck& deck, Diagnostics& d) {
    if (!array) return;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto at = pointer_join(where, i);
        auto slide = read_slide((*array)[i], at, deck, d);
        if (!slide) continue;
        const int words = slide_word_count(deck, *slide);
        if (words > static_cast<int>(limits::loop_words_advice))
            d.warning(at, std::to_string(words) +
                              " words; a slide read at a glance carries at most " +
                              std::to_string(limits::loop_words_advice) +
                              " (move the rest to the finding's details)");
        deck.slides.push_back(std::move(*slide));
    }
}

} // namespace kiosk
