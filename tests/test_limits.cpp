// Every limit of the loader and of a USB bundle's manifest, in tables, each tried exactly at the
// limit (accepted) and one step past it (refused with a message that names the limit). The
// README's "Limits" section lists the same limits; a new one belongs in both places.
#include "bundle/manifest.h"
#include "content/image_header.h"
#include "content/limits.h"
#include "content/loader.h"
#include "support/bundle_fixture.h"
#include "support/deck_builder.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace kiosk;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string messages(const LoadResult& r) {
    std::string all;
    for (const auto& d : r.diagnostics.items)
        all += to_string(d) + "\n";
    return all;
}

bool clean(const LoadResult& r) {
    return r.deck && !r.diagnostics.has_errors();
}

// A deck in a content folder of its own, for the limits that involve files.
struct Folder {
    fs::path dir = fs::temp_directory_path() / "kiosk-limits-test";
    Folder() {
        fs::remove_all(dir);
        fs::create_directories(dir / "images");
    }
    ~Folder() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(dir / name, std::ios::binary) << bytes;
    }
    LoadResult load(const std::string& deck_text) const {
        write("deck.json", deck_text);
        return load_content_dir(dir);
    }
    LoadResult load(const json& deck) const { return load(deck.dump()); }
};

json with_image(json deck, const std::string& src) {
    deck["slides"].push_back({{"kind", "image"}, {"title", "Foto"}, {"image", {{"src", src}}}});
    return deck;
}

std::string svg_bytes(int width, int height) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
           "\" height=\"" + std::to_string(height) + "\"></svg>\n";
}

json nested(int depth) { // depth levels in all, counting the deck object itself
    json inner = json::array();
    for (int i = 2; i < depth; ++i)
        inner = json::array({inner});
    return inner;
}

// One limit: a deck at the limit, the same one step past, and what the refusal must say.
struct Limit {
    const char* name;
    std::function<LoadResult(bool past)> load;
    std::string message;
};

LoadResult from_json(const json& j) {
    return test::load_json(j);
}

// The minimal deck padded with trailing spaces to max_deck_file_bytes, plus one when past.
std::string deck_text_of_limit_size(bool past) {
    std::string text = test::minimal_deck_json().dump();
    return text + std::string(limits::max_deck_file_bytes - text.size() + past, ' ');
}

std::vector<Limit> deck_limits() {
    using limits::max_string_bytes;
    auto base = test::minimal_deck_json;
    return {
        {"deck file size, as text",
         [](bool past) { return load_deck_text(deck_text_of_limit_size(past), "deck.json"); },
         "the limit is 1048576"},
        {"string length",
         [base](bool past) {
             auto j = base();
             j["slides"][0]["title"] = std::string(max_string_bytes + past, 'x');
             return from_json(j);
         },
         "the limit is 4000"},
        {"string length, counted in bytes, not characters",
         [base](bool past) {
             auto j = base();
             std::string title;
             for (std::size_t i = 0; i < max_string_bytes / 2; ++i)
                 title += "\xC3\xA9"; // é, two bytes
             j["slides"][0]["title"] = title + std::string(past, 'x');
             return from_json(j);
         },
         "text is 4001 bytes; the limit is 4000"},
        {"line breaks in a string",
         [base](bool past) {
             auto j = base();
             j["slides"][0]["title"] =
                 "a" + std::string(limits::max_line_breaks + past, '\n') + "b";
             return from_json(j);
         },
         "21 line breaks; the limit is 20"},
        {"JSON nesting depth",
         [base](bool past) {
             auto j = base();
             j["$schema"] = nested(static_cast<int>(limits::max_json_depth) + past);
             return from_json(j);
         },
         "nesting deeper than 16 levels"},
        {"slides",
         [base](bool past) {
             auto j = base();
             const auto slide = j["slides"][0];
             j["slides"] = json::array();
             for (std::size_t i = 0; i < limits::max_slides + past; ++i)
                 j["slides"].push_back(slide);
             return from_json(j);
         },
         "the limit is 200"},
        {"findings",
         [base](bool past) {
             auto j = base();
             const auto finding = j["findings"][0];
             for (std::size_t i = 1; i < limits::max_findings + past; ++i) {
                 auto f = finding;
                 f["id"] = "f" + std::to_string(i + 1);
                 f["number"] = i + 1;
                 j["findings"].push_back(f);
             }
             return from_json(j);
         },
         "the limit is 20"},
        {"points on a slide",
         [base](bool past) {
             auto j = base();
             j["slides"][1]["points"] = std::vector<std::string>(limits::max_points + past, "p");
             return from_json(j);
         },
         "the limit is 7"},
        {"contacts on a slide",
         [base](bool past) {
             auto j = base();
             j["slides"].push_back(
                 {{"kind", "closing"}, {"title", "Vragen?"}, {"contacts", json::array()}});
             for (std::size_t i = 0; i < limits::max_contacts + past; ++i)
                 j["slides"][2]["contacts"].push_back(
                     {{"name", "Naam"}, {"phone", "02 209 01 01"}});
             return from_json(j);
         },
         "the limit is 6"},
        {"paragraphs in a finding's details",
         [base](bool past) {
             auto j = base();
             j["findings"][0]["details"] =
                 std::vector<std::string>(limits::max_detail_paragraphs + past, "Tekst.");
             return from_json(j);
         },
         "the limit is 40"},
        {"duration_s, longest",
         [base](bool past) {
             auto j = base();
             const double max = limits::max_duration_s;
             j["slides"][0]["duration_s"] = past ? std::nextafter(max, 2 * max) : max;
             return from_json(j);
         },
         "must be between 0.5 and 600"},
        {"duration_s, shortest",
         [base](bool past) {
             auto j = base();
             j["slides"][0]["duration_s"] = past ? std::nextafter(0.5, 0.0) : 0.5;
             return from_json(j);
         },
         "must be between 0.5 and 600"},
        {"QR url",
         [base](bool past) {
             auto j = base();
             const std::string url = "https://www.serv.be/";
             j["slides"].push_back(
                 {{"kind", "qr"},
                  {"title", "Scan"},
                  {"url", url + std::string(limits::max_qr_bytes - url.size() + past, 'a')}});
             return from_json(j);
         },
         "is 301 bytes; a QR code that phones scan from a metre holds at most 300"},
    };
}

std::vector<Limit> folder_limits(const Folder& folder) {
    using test::png_bytes;
    auto base = test::minimal_deck_json;
    return {
        {"deck file size, on disk", // load_deck_file checks the size before reading
         [&folder](bool past) { return folder.load(deck_text_of_limit_size(past)); },
         "the limit is 1048576"},
        {"image file size",
         [&folder, base](bool past) {
             const std::string header = png_bytes(640, 480);
             folder.write("images/a.png",
                          png_bytes(640, 480, limits::max_image_file_bytes - header.size() + past));
             return folder.load(with_image(base(), "images/a.png"));
         },
         "the limit is 16777216"},
        {"image side",
         [&folder, base](bool past) {
             folder.write("images/a.png", png_bytes(max_image_side + past, 100));
             return folder.load(with_image(base(), "images/a.png"));
         },
         "the limit is 8192 px a side"},
        {"image side, height of an SVG",
         [&folder, base](bool past) {
             folder.write("images/a.svg", svg_bytes(100, max_image_side + past));
             return folder.load(with_image(base(), "images/a.svg"));
         },
         "image is 100x8193 px; the limit is 8192 px a side"},
        {"image pixels",
         [&folder, base](bool past) {
             folder.write("images/a.png", png_bytes(8000, 5000 + past)); // 40 megapixels
             return folder.load(with_image(base(), "images/a.png"));
         },
         "image has 40008000 pixels; the limit is 40000000"},
        {"image name length",
         [&folder, base](bool past) {
             const std::string name = "images/" + std::string(200 - 11 + past, 'b') + ".png";
             folder.write(name, png_bytes(64, 64));
             return folder.load(with_image(base(), name));
         },
         "image/src): is longer than 200 characters"},
        {"image slides in a deck",
         [&folder, base](bool past) {
             folder.write("images/a.png", png_bytes(64, 64));
             auto j = base();
             for (int i = 0; i < limits::max_images + past; ++i)
                 j = with_image(j, "images/a.png");
             return folder.load(j);
         },
         "has 51 image slides; the limit is 50"},
    };
}

void check_limit(const Limit& limit) {
    INFO(limit.name);
    const auto at = limit.load(false);
    INFO(messages(at));
    CHECK(clean(at));
    const auto past = limit.load(true);
    INFO(messages(past));
    CHECK(past.diagnostics.has_errors());
    CHECK_THAT(messages(past), Contains(limit.message));
}

} // namespace

TEST_CASE("every limit of the deck: accepted at it, refused one past it", "[limits]") {
    for (const auto& limit : deck_limits())
        check_limit(limit);
}

TEST_CASE("every limit of a content folder's files: accepted at it, refused one past it",
          "[limits]") {
    Folder folder;
    for (const auto& limit : folder_limits(folder))
        check_limit(limit);
}

namespace {

json manifest_entry(const std::string& path, std::uint64_t size = 1) {
    return {{"path", path}, {"size", size}, {"sha256", std::string(64, 'a')}};
}

// A manifest of deck.json (deck_size bytes) and the given entries, as parse_manifest reads it.
std::string manifest_text(std::vector<json> entries, std::uint64_t deck_size = 1) {
    entries.insert(entries.begin(), manifest_entry("deck.json", deck_size));
    return json{{"format", "kiosk-bundle-1"}, {"files", entries}}.dump();
}

// The text of a manifest at the limit and one step past it; the sizes are listed, not real
// files, as parse_manifest checks the listed sizes before the importer copies a byte.
struct ManifestLimit {
    const char* name;
    std::function<std::string(bool past)> text;
    std::string message;
};

std::vector<ManifestLimit> manifest_limits() {
    static_assert(max_bundle_bytes % max_bundle_file_bytes == 0);
    return {
        {"files in a bundle",
         [](bool past) {
             std::vector<json> files;
             for (std::size_t i = 1; i < max_bundle_files + past; ++i)
                 files.push_back(manifest_entry("f" + std::to_string(i)));
             return manifest_text(files);
         },
         "lists 501 files; a bundle may have at most 500"},
        {"bytes of one file",
         [](bool past) {
             return manifest_text({manifest_entry("a.png", max_bundle_file_bytes + past)});
         },
         "\"a.png\" has 33554433 bytes; one file may have at most 33554432"},
        {"bytes of all files",
         [](bool past) {
             std::vector<json> files; // full-size files; deck.json's one byte more tips it over
             for (std::uint64_t i = 0; i < max_bundle_bytes / max_bundle_file_bytes; ++i)
                 files.push_back(manifest_entry("big" + std::to_string(i), max_bundle_file_bytes));
             return manifest_text(files, past);
         },
         "the files add up to 268435457 bytes; a bundle may have at most 268435456"},
        {"manifest.json size",
         [](bool past) {
             const auto text = manifest_text({});
             return text + std::string(max_manifest_text_bytes - text.size() + past, ' ');
         },
         "manifest.json: is larger than 256 KiB"},
        {"path of a file",
         [](bool past) {
             const std::string folders = std::string(49, 'a') + "/" + std::string(49, 'b') + "/" +
                                         std::string(49, 'c') + "/"; // 150 bytes
             return manifest_text({manifest_entry(folders + std::string(50 + past, 'd'))});
         },
         "is longer than 200 bytes"},
        {"one folder or name in a path",
         [](bool past) {
             return manifest_text({manifest_entry("images/" + std::string(64 + past, 'a'))});
         },
         "has a component longer than 64 bytes"},
        {"folders and name in a path",
         [](bool past) { return manifest_text({manifest_entry(past ? "a/b/c/d/e" : "a/b/c/d")}); },
         "has more than 4 components"},
    };
}

} // namespace

TEST_CASE("every limit of a bundle's manifest: accepted at it, refused one past it", "[limits]") {
    for (const auto& limit : manifest_limits()) {
        INFO(limit.name);
        std::string error;
        const auto at = parse_manifest(limit.text(false), error);
        INFO(error);
        CHECK(at);
        error.clear();
        CHECK_FALSE(parse_manifest(limit.text(true), error));
        CHECK_THAT(error, Contains(limit.message));
    }
}
