// Manifests, SHA-256 and minisign signatures, against signatures made by the real minisign tool.
#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "bundle/sha256.h"
#include "support/bundle_fixture.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using kiosk::test::BundleFixture;
using kiosk::test::read_file;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

TEST_CASE("sha256 of known inputs") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("bundle file names: what may be on a stick") {
    for (const char* good : {"deck.json", "images/a-1_b.png", "a/b/c/d.png"}) CHECK_FALSE(bundle_path_problem(good));
    for (const char* bad : {"", "/abs", "a/../b", "..", "./x", "a//b", "a\\b", ".hidden", "a/b/c/d/e",
                            "x\ty", "é.png", "a/"})
        CHECK(bundle_path_problem(bad));
    CHECK(bundle_path_problem(std::string(65, 'a')));
}

TEST_CASE("a manifest round-trips and its rules are enforced") {
    Manifest m{{{"deck.json", 10, std::string(64, 'a')}, {"images/x.png", 5, std::string(64, 'b')}}};
    std::string error;
    const auto back = parse_manifest(manifest_to_json(m), error);
    REQUIRE(back);
    CHECK(back->files.size() == 2);
    CHECK(back->files[1].path == "images/x.png");
    auto refuse = [](Manifest bad, const std::string& text) {
        std::string e;
        CHECK_FALSE(parse_manifest(manifest_to_json(bad), e));
        CHECK_THAT(e, Contains(text));
    };
    refuse({{{"images/x.png", 5, std::string(64, 'b')}}}, "no deck.json");
    refuse({{{"deck.json", 1, std::string(64, 'a')}, {"Deck.JSON", 1, std::string(64, 'a')}}}, "differing only in case");
    refuse({{{"deck.json", 1, std::string(64, 'a')}, {"deck.json", 1, std::string(64, 'a')}}}, "listed twice");
    refuse({{{"deck.json", 1, "ABC"}}}, "64 lower-case hex");
    refuse({{{"deck.json", max_bundle_file_bytes + 1, std::string(64, 'a')}}}, "the limit is");
    refuse({{{"deck.json", 1, std::string(64, 'a')}, {"manifest.json", 1, std::string(64, 'a')}}}, "may not list");
    CHECK_FALSE(parse_manifest("{\"format\": \"other\", \"files\": []}", error));
    CHECK_FALSE(parse_manifest("not json", error));
}

TEST_CASE("the sequence number comes from the trusted comment") {
    CHECK(sequence_from_comment("kiosk-bundle seq=7") == 7u);
    CHECK(sequence_from_comment("timestamp:1 kiosk-bundle seq=12 extra") == 12u);
    CHECK_FALSE(sequence_from_comment("kiosk-bundle"));
    CHECK_FALSE(sequence_from_comment("seq=0"));
    CHECK_FALSE(sequence_from_comment("seq=5 seq=6"));
    CHECK_FALSE(sequence_from_comment("seq=5x"));
    CHECK_FALSE(sequence_from_comment("seq=99999999999999999999"));
}

TEST_CASE("minisign signatures made by the minisign tool verify; any change does not") {
    if (!BundleFixture::have_minisign()) {
        WARN("minisign missing: signature tests skipped");
        return;
    }
    BundleFixture f("minisign");
    f.seal(7);
    const std::string manifest = read_file(f.bundle / "manifest.json");
    const std::string sig = read_file(f.bundle / "manifest.json.minisig");
    std::string error;
    const auto key = parse_public_key(f.public_key, error);
    REQUIRE(key);
    const auto whole_file = parse_public_key(read_file(f.keys / "kiosk.pub"), error);
    REQUIRE(whole_file);
    CHECK(whole_file->key == key->key);

    const auto ok = verify_minisign(manifest, sig, {*key});
    REQUIRE(ok.ok);
    CHECK(ok.ok->trusted_comment == "kiosk-bundle seq=7");
    CHECK_THAT(read_file(f.keys / "kiosk.pub"), Contains(ok.ok->key_id));

    std::string changed = manifest;
    changed[10] ^= 1;
    CHECK_THAT(verify_minisign(changed, sig, {*key}).error, Contains("does not match"));
    std::string comment = sig;
    comment.replace(comment.find("seq=7"), 5, "seq=9");
    CHECK_THAT(verify_minisign(manifest, comment, {*key}).error, Contains("trusted comment"));
    const auto stranger = parse_public_key(f.make_key("stranger"), error);
    REQUIRE(stranger);
    CHECK_THAT(verify_minisign(manifest, sig, {*stranger}).error, Contains("does not trust"));
    CHECK(verify_minisign(manifest, sig, {*stranger, *key}).ok); // the spare key slot
    std::string crlf;
    for (char c : sig) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(verify_minisign(manifest, crlf, {*key}).ok);
    for (const std::string bad : {std::string(), std::string("garbage"), sig.substr(0, sig.size() / 2)})
        CHECK_FALSE(verify_minisign(manifest, bad, {*key}).ok);
    CHECK_FALSE(parse_public_key("RWQ", error));
}
