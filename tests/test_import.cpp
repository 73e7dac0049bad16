// The USB import, end to end on folders: every hostile case is refused with its own message and
// the release on screen is untouched.
#include "app/deck_source.h"
#include "content/loader.h"
#include "support/bundle_fixture.h"

#include <catch2/catch.hpp>

#include <sstream>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace kiosk;
using Catch::Matchers::Contains;
using kiosk::test::BundleFixture;
using kiosk::test::read_file;
using kiosk::test::write_file;
namespace fs = std::filesystem;

namespace {

// A fixture with one accepted release (sequence 1) already showing.
struct Accepted : BundleFixture {
    std::string first;
    explicit Accepted(const std::string& name) : BundleFixture(name) {
        seal(1);
        const auto r = import();
        REQUIRE(r.outcome == ImportOutcome::Accepted);
        first = current_name();
        write_deck("Tweede versie", 1000);
    }
    // Refused with this code and a message containing text; nothing changed on the kiosk.
    void require_refused(const ImportResult& r, const std::string& code,
                         const std::string& text) const {
        INFO(r.message);
        CHECK(r.outcome == ImportOutcome::Refused);
        CHECK(r.code == code);
        CHECK_THAT(r.message, Contains(text));
        CHECK(current_name() == first);
        CHECK(fs::is_empty(root / "staging"));
        CHECK_THAT(read_file(ReleaseStore(root).status_file()), Contains("\"refused\""));
    }
};

} // namespace

TEST_CASE("a signed bundle becomes the current release, read-only, with its receipt") {
    if (!BundleFixture::have_minisign()) {
        WARN("minisign missing: import tests skipped");
        return;
    }
    BundleFixture f("accept");
    f.seal(5);
    const auto r = f.import();
    INFO(r.message);
    REQUIRE(r.outcome == ImportOutcome::Accepted);
    CHECK(r.slides == 2);
    CHECK(r.sequence == 5);
    const auto cur = ReleaseStore(f.root).current();
    REQUIRE(cur);
    CHECK(cur->filename().string() == "5-" + r.manifest_sha256.substr(0, 16));
    CHECK(load_content_dir(*cur).deck);
    CHECK((fs::status(*cur / "deck.json").permissions() & fs::perms::owner_write) ==
          fs::perms::none);
    CHECK(ReleaseStore(f.root).last_sequence() == 5);
    CHECK_THAT(read_file(ReleaseStore(f.root).status_file()), Contains("\"accepted\""));
    CHECK_THAT(receipt_text(r, 0), Contains("ACCEPTED: 2 slides"));
    std::string error;
    CHECK(write_receipt(f.stick, receipt_text(r, 0), error));
    CHECK_THAT(read_file(f.stick / "kiosk-receipt.txt"), Contains("ACCEPTED"));
}

TEST_CASE("a stick without the bundle folder is no import at all") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("nobundle");
    fs::remove_all(f.bundle);
    CHECK(f.import().outcome == ImportOutcome::NoBundle);
    CHECK(f.current_name().empty());
}

TEST_CASE("hostile bundles are refused, each with its reason, and the current release stays") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("hostile");
    SECTION("no manifest") {
        fs::remove(f.bundle / "manifest.json");
        f.require_refused(f.import(), "no_manifest", "manifest.json");
    }
    SECTION("no signature") {
        f.write_manifest();
        fs::remove(f.bundle / "manifest.json.minisig");
        f.require_refused(f.import(), "unsigned", "no signature");
    }
    SECTION("signed by an unknown key") {
        f.make_key("stranger");
        f.write_manifest();
        f.sign(2, "stranger");
        f.require_refused(f.import(), "unknown_key", "does not trust");
    }
    SECTION("one byte changed in a slide file after signing") {
        f.seal(2);
        auto deck = read_file(f.bundle / "deck.json");
        deck[deck.find("Tweede")] = 't';
        write_file(f.bundle / "deck.json", deck);
        f.require_refused(f.import(), "file_mismatch", "deck.json");
    }
    SECTION("one byte changed in the manifest after signing") {
        f.seal(2);
        auto m = read_file(f.bundle / "manifest.json");
        m[m.rfind('"') - 1] ^= 1;
        write_file(f.bundle / "manifest.json", m);
        f.require_refused(f.import(), "bad_signature", "");
    }
    SECTION("a replayed sequence") {
        f.seal(1);
        f.require_refused(f.import(), "replay", "not newer");
    }
    SECTION("a traversal name in the manifest") {
        f.write_manifest();
        auto m = read_file(f.bundle / "manifest.json");
        m.replace(m.find("images/foto.png"), 15, "../../etc/x.png");
        write_file(f.bundle / "manifest.json", m);
        f.sign(2);
        f.require_refused(f.import(), "bad_manifest", "..");
    }
    SECTION("names differing only in case") {
        write_file(f.bundle / "images/Foto.png", read_file(f.bundle / "images/foto.png"));
        f.seal(2);
        f.require_refused(f.import(), "bad_manifest", "case");
    }
    SECTION("a symlink to a system file") {
        f.seal(2);
        fs::remove(f.bundle / "images/foto.png");
        fs::create_symlink("/etc/passwd", f.bundle / "images/foto.png");
        f.require_refused(f.import(), "unsafe_file", "images/foto.png");
    }
    SECTION("a FIFO where a file should be") {
        f.seal(2);
        fs::remove(f.bundle / "images/foto.png");
        REQUIRE(mkfifo((f.bundle / "images/foto.png").c_str(), 0600) == 0);
        f.require_refused(f.import(), "unsafe_file", "FIFO");
    }
    SECTION("a device node where a file should be") {
        f.seal(2);
        fs::remove(f.bundle / "images/foto.png");
        if (mknod((f.bundle / "images/foto.png").c_str(), S_IFCHR | 0600, makedev(1, 3)) != 0)
            return;
        f.require_refused(f.import(), "unsafe_file", "device");
    }
    SECTION("a directory where a file should be") {
        f.seal(2);
        fs::remove(f.bundle / "images/foto.png");
        fs::create_directory(f.bundle / "images/foto.png");
        f.require_refused(f.import(), "unsafe_file", "directory");
    }
    SECTION("a file bigger than listed") {
        f.seal(2);
        write_file(f.bundle / "images/foto.png", kiosk::test::png_bytes(640, 480, 5000));
        f.require_refused(f.import(), "unsafe_file", "larger");
    }
    SECTION("a huge file") {
        f.seal(2);
        const auto big = f.bundle / "images/foto.png";
        REQUIRE(truncate(big.c_str(), 8LL << 30) == 0); // sparse: 8 GiB reported, nothing on disk
        f.require_refused(f.import(), "unsafe_file", "larger");
    }
    SECTION("a huge file listed as huge") {
        write_file(f.bundle / "big.bin", "x");
        f.write_manifest();
        auto m = read_file(f.bundle / "manifest.json");
        m.replace(m.find("\"size\": 1"), 9, "\"size\": 99999999999");
        write_file(f.bundle / "manifest.json", m);
        f.sign(2);
        f.require_refused(f.import(), "bad_manifest", "99999999999");
    }
    SECTION("invalid JSON") {
        write_file(f.bundle / "deck.json", "{\"schema\": 1,");
        f.seal(2);
        f.require_refused(f.import(), "invalid_deck", "JSON syntax");
    }
    SECTION("a deck the loader rejects") {
        write_file(f.bundle / "deck.json",
                   R"({"schema": 1, "id": "x", "title": "x", "version": "1", "language": "nl",
            "slides": [{"kind": "title", "title": "x", "duration_s": -1}]})");
        f.seal(2);
        f.require_refused(f.import(), "invalid_deck", "duration_s");
    }
    SECTION("an image over the limits") {
        write_file(f.bundle / "images/foto.png", kiosk::test::png_bytes(9000, 9000));
        f.seal(2);
        f.require_refused(f.import(), "invalid_deck", "limit is 8192");
    }
}

TEST_CASE("only the last three releases are kept, and the newest is current") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("keep");
    for (int seq = 1; seq <= 5; ++seq) {
        f.write_deck("Versie " + std::to_string(seq), 100);
        f.seal(seq);
        REQUIRE(f.import().outcome == ImportOutcome::Accepted);
    }
    const auto releases = ReleaseStore(f.root).releases();
    REQUIRE(releases.size() == 3);
    CHECK(releases.front().filename().string().rfind("5-", 0) == 0);
    CHECK(f.current_name().rfind("5-", 0) == 0);
}

TEST_CASE("leftovers of an interrupted import are cleaned on the next run") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("leftovers");
    fs::create_directories(f.root / "staging/123-dead/images");
    write_file(f.root / "staging/123-dead/deck.json", "half");
    fs::create_directories(f.root / "releases/99-abcdef"); // renamed but never made current
    fs::create_symlink("releases/99-abcdef", f.root / "current.tmp-1");
    std::string error;
    REQUIRE(ReleaseStore(f.root).prepare(error));
    CHECK(fs::is_empty(f.root / "staging"));
    CHECK_FALSE(fs::exists(f.root / "releases/99-abcdef"));
    CHECK_FALSE(fs::exists(fs::symlink_status(f.root / "current.tmp-1")));
    CHECK(f.current_name() == f.first);
    CHECK(ReleaseStore(f.root).last_sequence() == 1);
}

TEST_CASE("an unsigned bundle is accepted only where signatures are not required") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("unsigned-dev");
    f.write_manifest();
    auto o = f.options();
    o.require_signature = false;
    CHECK(import_bundle(o).outcome == ImportOutcome::Accepted);
}

TEST_CASE("refusal reasons read in Dutch for the screen") {
    CHECK(refusal_text("replay") == "deze versie is niet nieuwer dan wat de kiosk al toonde");
    CHECK(refusal_text("nonsense") == "onbekende fout");
}

TEST_CASE(
    "at start-up a broken current release falls back to the previous one, then the built-in deck") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("fallback");
    for (int seq = 1; seq <= 2; ++seq) {
        f.write_deck("Versie " + std::to_string(seq), 100);
        f.seal(seq);
        REQUIRE(f.import().outcome == ImportOutcome::Accepted);
    }
    const auto releases = ReleaseStore(f.root).releases();
    auto corrupt = [](const fs::path& release) {
        fs::permissions(release, fs::perms::owner_all, fs::perm_options::add);
        fs::permissions(release / "deck.json", fs::perms::owner_all, fs::perm_options::add);
        write_file(release / "deck.json", "{broken");
    };
    std::ostringstream log;
    corrupt(releases[0]);
    auto shown = load_startup_deck({}, f.root, log);
    CHECK(shown.origin == "release " + releases[1].filename().string());
    CHECK(shown.fallback);
    CHECK_THAT(shown.problem, Contains(releases[0].filename().string()));
    CHECK_THAT(log.str(), Contains("falling back to release"));
    corrupt(releases[1]);
    shown = load_startup_deck({}, f.root, log);
    CHECK(shown.origin == "built-in default deck");
    CHECK(shown.deck.slides.size() > 20);
}
