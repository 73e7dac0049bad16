// The bundle's manifest.json: parsing, refusals with their place, limits, which paths may be in a
// bundle, and the sequence number in a signature's trusted comment.
#include "bundle/manifest.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace kiosk;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace {

const std::string digest_a(64, 'a');

std::string entry(const std::string& path, const std::string& size = "1",
                  const std::string& sha = digest_a) {
    return "{\"path\": \"" + path + "\", \"size\": " + size + ", \"sha256\": \"" + sha + "\"}";
}

std::string manifest_of(const std::vector<std::string>& entries) {
    std::string files;
    for (const auto& e : entries)
        files += (files.empty() ? "" : ", ") + e;
    return "{\"format\": \"kiosk-bundle-1\", \"files\": [" + files + "]}";
}

std::string refusal(const std::string& json) {
    std::string error;
    CHECK_FALSE(parse_manifest(json, error));
    return error;
}

} // namespace

TEST_CASE("a manifest survives manifest_to_json and parse_manifest, sorted by path") {
    const Manifest m{{{"images/b.png", 20, std::string(64, 'b')},
                      {"deck.json", 10, digest_a},
                      {"images/a.png", max_bundle_file_bytes, std::string(64, 'c')}}};
    const auto text = manifest_to_json(m);
    CHECK_THAT(text, StartsWith("{\n  \"format\": \"kiosk-bundle-1\",\n  \"files\": [\n    {\n     "
                                " \"path\": \"deck.json\","));
    CHECK(text.back() == '\n');
    std::string error;
    const auto back = parse_manifest(text, error);
    INFO(error);
    REQUIRE(back);
    REQUIRE(back->files.size() == 3);
    const std::vector<std::string> order{"deck.json", "images/a.png", "images/b.png"};
    for (std::size_t i = 0; i < order.size(); ++i)
        CHECK(back->files[i].path == order[i]);
    CHECK(back->files[1].size == max_bundle_file_bytes);
    CHECK(back->files[1].sha256 == std::string(64, 'c'));
    CHECK(manifest_to_json(*back) == text);
}

TEST_CASE("manifest refusals say what is wrong and where") {
    const std::string deck = entry("deck.json");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"{\"format\": ", "manifest.json: not valid JSON (line 1, column 11)"},
        {"{\n\"files\": [],\n}", "manifest.json: not valid JSON (line 3, column 1)"},
        {"[]", "manifest.json: must be an object"},
        {"{\"format\": \"kiosk-bundle-2\", \"files\": []}",
         "manifest.json /format: must be \"kiosk-bundle-1\""},
        {"{\"format\": 1, \"files\": []}", "manifest.json /format: must be \"kiosk-bundle-1\""},
        {"{\"files\": []}", "manifest.json: missing field \"format\""},
        {"{\"format\": \"kiosk-bundle-1\"}", "manifest.json: missing field \"files\""},
        {"{\"format\": \"kiosk-bundle-1\", \"files\": [], \"note\": 1}",
         "manifest.json: unknown field \"note\""},
        {"{\"format\": \"kiosk-bundle-1\", \"format\": \"kiosk-bundle-1\", \"files\": []}",
         "manifest.json: the field \"format\" appears twice in one object"},
        {"{\"format\": \"kiosk-bundle-1\", \"files\": {}}",
         "manifest.json /files: must be an array"},
        {manifest_of({deck, "\"x\""}), "manifest.json /files/1: must be an object"},
        {manifest_of({deck, "{\"path\": \"a.png\", \"size\": 1}"}),
         "manifest.json /files/1: missing field \"sha256\""},
        {manifest_of({"{\"path\": \"deck.json\", \"size\": 1, \"sha256\": \"" + digest_a +
                      "\", \"mode\": 1}"}),
         "manifest.json /files/0: unknown field \"mode\""},
        {manifest_of({"{\"path\": \"deck.json\", \"size\": 1, \"size\": 2, \"sha256\": \"" +
                      digest_a + "\"}"}),
         "the field \"size\" appears twice in one object"},
        {manifest_of({deck, "{\"path\": 5, \"size\": 1, \"sha256\": \"" + digest_a + "\"}"}),
         "/files/1/path: must be a string"},
        {manifest_of({deck, entry("a/../b")}),
         "manifest.json /files/1/path: \"a/../b\" has a '.' or '..' component"},
        {manifest_of({deck, entry("bad\\u0001name")}),
         "/files/1/path: \"bad\\x01name\" has a control character"},
        {manifest_of({deck, entry("deck.json")}), "manifest.json: \"deck.json\" is listed twice"},
        {manifest_of({entry("Deck.json"), deck}),
         "manifest.json: names differing only in case: Deck.json, deck.json"},
        {manifest_of({deck, entry("images"), entry("IMAGES/a.png")}),
         "manifest.json: \"images\" is a file, but \"IMAGES/a.png\" needs it to be a folder"},
        {manifest_of({deck, entry("a.png", "-1")}),
         "/files/1/size: must be a whole number of bytes, 0 or more"},
        {manifest_of({deck, entry("a.png", "1.5")}),
         "/files/1/size: must be a whole number of bytes"},
        {manifest_of({deck, entry("a.png", "1e3")}),
         "/files/1/size: must be a whole number of bytes"},
        {manifest_of({deck, entry("a.png", "\"1\"")}),
         "/files/1/size: must be a whole number of bytes"},
        {manifest_of({deck, entry("a.png", "99999999999999999999999")}),
         "/files/1/size: must be a whole number"},
        {manifest_of({deck, entry("a.png", std::to_string(max_bundle_file_bytes + 1))}),
         "/files/1/size: \"a.png\" has 33554433 bytes; one file may have at most 33554432"},
        {manifest_of({deck, entry("a.png", "1", std::string(64, 'A'))}),
         "/files/1/sha256: must be 64 lower-case hex digits"},
        {manifest_of({deck, entry("a.png", "1", std::string(63, 'a'))}),
         "/files/1/sha256: must be 64 lower-case hex digits"},
        {manifest_of({deck, entry("a.png", "1", std::string(63, 'a') + "g")}),
         "/files/1/sha256: must be 64"},
        {manifest_of({deck, "{\"path\": \"a.png\", \"size\": 1, \"sha256\": null}"}),
         "/files/1/sha256: must be 64"},
        {manifest_of({entry("images/deck.json")}), "manifest.json: lists no deck.json"},
        {manifest_of({entry("DECK.json")}), "manifest.json: lists no deck.json"},
        {manifest_of({}), "manifest.json: lists no deck.json"},
        {manifest_of({deck, entry("manifest.json")}),
         "manifest.json: lists \"manifest.json\"; it may not list itself or its signature"},
        {manifest_of({deck, entry("Manifest.JSON.minisig")}),
         "it may not list itself or its signature"},
    };
    for (const auto& [json, message] : cases) {
        INFO(json);
        CHECK_THAT(refusal(json), Contains(message));
    }
}

TEST_CASE("manifest limits: file count, total size, text size") {
    std::vector<std::string> many{entry("deck.json")};
    for (std::size_t i = 1; i < max_bundle_files; ++i)
        many.push_back(entry("f" + std::to_string(i)));
    std::string error;
    CHECK(parse_manifest(manifest_of(many), error));
    many.push_back(entry("one-more"));
    CHECK(refusal(manifest_of(many)) ==
          "manifest.json /files: lists 501 files; a bundle may have at most 500");

    std::vector<std::string> big{entry("deck.json", "0")};
    const auto full = std::to_string(max_bundle_file_bytes);
    for (int i = 0; i < 8; ++i)
        big.push_back(entry("big" + std::to_string(i), full));
    CHECK(parse_manifest(manifest_of(big), error)); // exactly 256 MiB
    big[0] = entry("deck.json", "1");
    CHECK(
        refusal(manifest_of(big)) ==
        "manifest.json: the files add up to 268435457 bytes; a bundle may have at most 268435456");

    const auto padded =
        manifest_of({entry("deck.json")}) + std::string(max_manifest_text_bytes, ' ');
    CHECK(refusal(padded) == "manifest.json: is larger than 256 KiB");
    CHECK_FALSE(refusal(std::string(100000, '[')).empty()); // deep nesting: refused, no crash
}

TEST_CASE("manifest_to_json does not throw on names that are not UTF-8") {
    const Manifest m{{{"deck.json", 1, digest_a}, {"bad\xff.png", 1, digest_a}}};
    std::string json;
    REQUIRE_NOTHROW(json = manifest_to_json(m));
    CHECK_THAT(refusal(json), Contains("/files/0/path"));
}

TEST_CASE("bundle_path_problem: which names may be in a bundle") {
    for (const std::string& good :
         std::vector<std::string>{"deck.json", "images/a-1_b.png", "a/b/c/d.png", "README",
                                  "x.tar.gz", std::string(64, 'a'),
                                  std::string(49, 'a') + "/" + std::string(49, 'b') + "/" +
                                      std::string(49, 'c') + "/" + std::string(50, 'd')}) {
        INFO(good);
        CHECK_FALSE(bundle_path_problem(good));
    }
    const std::vector<std::pair<std::string, std::string>> bad{
        {"", "is empty"},
        {"/abs", "is absolute"},
        {"a/../b", "'.' or '..' component"},
        {"..", "'.' or '..' component"},
        {"./x", "'.' or '..' component"},
        {"a//b", "empty component"},
        {"a/", "empty component"},
        {"a\\b", "backslash"},
        {".hidden", "starting with '.'"},
        {"images/.DS_Store", "starting with '.'"},
        {"deck.json.", "ending in '.'"},
        {"a/b/c/d/e", "more than 4 components"},
        {"x\ty", "control character"},
        {"x\ny", "control character"},
        {std::string("x\0y", 3), "control character"},
        {"x\x7Fy", "control character"},
        {std::string(65, 'a'), "longer than 64 bytes"},
        {"images/" + std::string(65, 'a'), "longer than 64 bytes"},
        {std::string(60, 'a') + "/" + std::string(60, 'b') + "/" + std::string(60, 'c') + "/" +
             std::string(20, 'd'),
         "longer than 200 bytes"},
        {"\xC3\xA9.png", "character other than A-Z"},
        {"a b.png", "character other than A-Z"},
        {"a:b", "character other than A-Z"},
    };
    for (const auto& [path, reason] : bad) {
        INFO(path);
        const auto problem = bundle_path_problem(path);
        REQUIRE(problem);
        CHECK_THAT(*problem, Contains(reason));
    }
}

TEST_CASE("sequence_from_comment reads one seq=N") {
    const std::vector<std::pair<std::string, std::uint64_t>> good{
        {"kiosk-bundle seq=7", 7},
        {"seq=1", 1},
        {"kiosk-bundle seq=12 by anna", 12},
        {"timestamp:1700000000 kiosk-bundle\tseq=3", 3},
        {"kiosk-bundle seq=9007199254740991", (1ull << 53) - 1},
    };
    for (const auto& [comment, n] : good) {
        INFO(comment);
        CHECK(sequence_from_comment(comment) == n);
    }
    for (const std::string bad :
         {"", "kiosk-bundle", "kiosk-bundle seq=", "seq=0", "seq=007", "seq=-1", "seq=+1", "seq=5x",
          "seq=1.5", "seq=0x10", "seq=9007199254740992", "seq=99999999999999999999", "seq=5 seq=6",
          "seq=5 seq=5", "seq=5 seq=", "kiosk-bundle seq = 7", "myseq=7", "SEQ=7"}) {
        INFO(bad);
        CHECK_FALSE(sequence_from_comment(bad));
    }
}
