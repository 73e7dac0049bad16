// Every limit of the loader, in one table, each tried exactly at the limit (accepted) and one
// step past it (refused with a message that names the limit). The README's "Limits" section
// lists the same; the bundle's limits (files, sizes, manifest) are tried in test_bundle.cpp.
#include "content/image_header.h"
#include "content/limits.h"
#include "content/loader.h"
#include "support/bundle_fixture.h"
#include "support/deck_builder.h"

#include <catch2/catch.hpp>

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
    LoadResult load(const json& deck) const {
        write("deck.json", deck.dump());
        return load_content_dir(dir);
    }
};

json with_image(json deck, const std::string& src) {
    deck["slides"].push_back({{"kind", "image"}, {"title", "Foto"}, {"image", {{"src", src}}}});
    return deck;
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

std::vector<Limit> deck_limits() {
    using limits::max_string_bytes;
    auto base = test::minimal_deck_json;
    return {
        {"deck file size",
         [base](bool past) {
             std::string text = base().dump();
             text += std::string(limits::max_deck_file_bytes - text.size() + past, ' ');
             return load_deck_text(text, "deck.json");
         },
         "the limit is 1048576"},
        {"string length",
         [base](bool past) {
             auto j = base();
             j["slides"][0]["title"] = std::string(max_string_bytes + past, 'x');
             return from_json(j);
         },
         "the limit is 4000"},
        {"line breaks in a string",
         [base](bool past) {
             auto j = base();
             j["slides"][0]["title"] =
                 "a" + std::string(limits::max_line_breaks + past, '\n') + "b";
             return from_json(j);
         },
         "line breaks"},
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
             j["slides"][0]["duration_s"] = limits::max_duration_s + (past ? 0.5 : 0);
             return from_json(j);
         },
         "must be between 0.5 and 600"},
        {"duration_s, shortest",
         [base](bool past) {
             auto j = base();
             j["slides"][0]["duration_s"] = past ? 0.4 : 0.5;
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
         "300"},
    };
}

std::vector<Limit> image_limits(const Folder& folder) {
    using test::png_bytes;
    auto base = test::minimal_deck_json;
    return {
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
        {"image pixels",
         [&folder, base](bool past) {
             folder.write("images/a.png", png_bytes(8000, 5000 + past)); // 40 megapixels
             return folder.load(with_image(base(), "images/a.png"));
         },
         "40000000"},
        {"image name length",
         [&folder, base](bool past) {
             const std::string name = "images/" + std::string(200 - 11 + past, 'b') + ".png";
             folder.write(name, png_bytes(64, 64));
             return folder.load(with_image(base(), name));
         },
         "longer than 200 characters"},
        {"image slides in a deck",
         [&folder, base](bool past) {
             folder.write("images/a.png", png_bytes(64, 64));
             auto j = base();
             for (int i = 0; i < limits::max_images + past; ++i)
                 j = with_image(j, "images/a.png");
             return folder.load(j);
         },
         "the limit is 50"},
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

TEST_CASE("every limit of a picture: accepted at it, refused one past it", "[limits]") {
    Folder folder;
    for (const auto& limit : image_limits(folder))
        check_limit(limit);
}
