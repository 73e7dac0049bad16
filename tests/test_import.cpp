// The USB import, end to end on folders: every hostile case is refused with its own message and
// the release on screen is untouched.
#include "app/deck_source.h"
#include "bundle/minisign.h"
#include "content/loader.h"
#include "import/import_lock.h"
#include "import/receipt.h"
#include "import/words.h"
#include "support/bundle_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <sstream>
#include <thread>

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
    CHECK_THAT(receipt_text(r, 0), Contains("AANGENOMEN: 2 dia's"));
    std::string error;
    CHECK(write_receipt(f.stick, receipt_text(r, 0), error));
    CHECK_THAT(read_file(f.stick / "kiosk-receipt.txt"), Contains("AANGENOMEN"));
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
    SECTION("a replayed sequence and a deck edited after signing: both reasons at once") {
        f.seal(1);
        auto deck = read_file(f.bundle / "deck.json");
        deck[deck.find("Tweede")] = 't';
        write_file(f.bundle / "deck.json", deck);
        const ImportResult r = f.import();
        f.require_refused(r, "replay", "not newer");
        const auto also = std::find(r.details.begin(), r.details.end(),
                                    "Ook: " + refusal_text(ImportCode::file_mismatch) + ".");
        CHECK(also != r.details.end());
        CHECK(std::find(r.details.begin(), r.details.end(), "bestand: kiosk/deck.json") !=
              r.details.end());
        const std::string receipt = receipt_text(r, 0);
        CHECK_THAT(receipt, Contains("GEWEIGERD: deze versie is niet nieuwer"));
        CHECK_THAT(receipt, Contains("Ook: "));
    }
    SECTION("a replayed sequence alone says nothing more") {
        f.seal(1);
        CHECK(f.import().details.empty());
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
    SECTION("a stop request (the stick pulled out: systemd stops the import service)") {
        f.seal(2);
        const std::atomic<bool> stop{true};
        auto o = f.options();
        o.stop = &stop;
        const auto r = import_bundle(o);
        f.require_refused(r, "interrupted", "stopped before it was complete");
        CHECK_THAT(refusal_text(r.code), Contains("uitgetrokken"));
    }
    SECTION("a stop request does not hide a refusal on the bundle's own merits") {
        f.seal(1); // the sequence already shown
        const std::atomic<bool> stop{true};
        auto o = f.options();
        o.stop = &stop;
        f.require_refused(import_bundle(o), "replay", "");
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

TEST_CASE("the import lock excludes a second holder until the first lets go") {
    const fs::path root = fs::temp_directory_path() / "kiosk-import-lock";
    fs::remove_all(root);
    {
        const ImportLock first(root, std::chrono::milliseconds(0));
        REQUIRE(first.held());
        const auto before = std::chrono::steady_clock::now();
        const ImportLock second(root, std::chrono::milliseconds(200));
        CHECK(std::chrono::steady_clock::now() - before >= std::chrono::milliseconds(200));
        CHECK_FALSE(second.held());
        CHECK(second.busy());
        CHECK_THAT(second.error(), Contains("another import"));
    }
    const ImportLock third(root, std::chrono::milliseconds(0));
    CHECK(third.held());
    fs::remove_all(root);
}

TEST_CASE("a stop request ends the wait for the lock at once, as an interrupted import") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("stop-waiting");
    const ImportLock other(f.root, std::chrono::milliseconds(0));
    REQUIRE(other.held());
    const std::atomic<bool> stop{true};
    const auto before = std::chrono::steady_clock::now();
    const ImportLock waiting(f.root, std::chrono::minutes(5), &stop);
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));
    CHECK_FALSE(waiting.held());
    CHECK_FALSE(waiting.busy());
    f.seal(2);
    auto o = f.options();
    o.stop = &stop; // the five minutes' wait of the options is not waited
    const auto r = import_bundle(o);
    CHECK(r.code == "interrupted");
    CHECK(f.current_name() == f.first);
}

TEST_CASE("while another import holds the lock, a second one is refused as busy and changes "
          "nothing") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("busy");
    // The other import, between publish and switch: its staging folder and its release, newer
    // than current. An old stick's clean-up used to delete both.
    const ImportLock other(f.root, std::chrono::milliseconds(0));
    REQUIRE(other.held());
    fs::create_directories(f.root / "staging/live-import");
    fs::create_directories(f.root / "releases/2-0123456789abcdef");
    for (const std::uint64_t seq : {1, 3}) { // an old, replayed stick and a good new one
        f.seal(seq);
        auto o = f.options();
        o.lock_wait = std::chrono::milliseconds(100);
        const auto r = import_bundle(o);
        INFO("sequence " << seq << ": " << r.message);
        CHECK(r.outcome == ImportOutcome::Refused);
        CHECK(r.code == "busy");
    }
    CHECK(fs::exists(f.root / "staging/live-import"));
    CHECK(fs::exists(f.root / "releases/2-0123456789abcdef"));
    CHECK(f.current_name() == f.first);
    CHECK(ReleaseStore(f.root).last_sequence() == 1);
    CHECK(refusal_text("busy") == "een andere import loopt nog; probeer het zo opnieuw");
}

TEST_CASE("two imports started together: the newer sequence is current, the other is accepted "
          "first or refused as a replay") {
    if (!BundleFixture::have_minisign()) return;
    // The older bundle is the bigger one, so without the lock it would publish last.
    BundleFixture older("race-older", 4000000), newer("race-newer");
    older.seal(2);
    newer.seal(3);
    for (int round = 0; round < 5; ++round) {
        auto o2 = older.options(), o3 = newer.options();
        o2.root = o3.root = older.base / ("root-" + std::to_string(round));
        o2.trusted_keys = o3.trusted_keys = {older.public_key, newer.public_key};
        ImportResult r2, r3;
        std::thread t2([&] { r2 = import_bundle(o2); });
        std::thread t3([&] { r3 = import_bundle(o3); });
        t2.join();
        t3.join();
        INFO("round " << round << ": " << r2.message << " / " << r3.message);
        CHECK(r3.outcome == ImportOutcome::Accepted);
        CHECK((r2.outcome == ImportOutcome::Accepted || r2.code == "replay"));
        const auto current = ReleaseStore(o2.root).current();
        CHECK((current && current->filename() == r3.release));
        CHECK(ReleaseStore(o2.root).last_sequence() == 3);
    }
}

TEST_CASE("temporary files a killed import left are removed by the next import") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("tmp-leftovers");
    write_file(f.root / ".import-status.json.tmp-123-dead", "{\"state\": \"impor");
    write_file(f.root / "state/.last-seq.tmp-123-dead", "");
    fs::create_symlink("releases/99-abcdef", f.root / "current.tmp-123-dead");
    f.seal(2);
    const auto r = f.import();
    INFO(r.message);
    CHECK(r.outcome == ImportOutcome::Accepted);
    CHECK_FALSE(fs::exists(f.root / ".import-status.json.tmp-123-dead"));
    CHECK_FALSE(fs::exists(f.root / "state/.last-seq.tmp-123-dead"));
    CHECK_FALSE(fs::exists(fs::symlink_status(f.root / "current.tmp-123-dead")));
    CHECK(ReleaseStore(f.root).last_sequence() == 2);
}

TEST_CASE("refusal reasons read in Dutch for the screen") {
    CHECK(refusal_text("replay") == "deze versie is niet nieuwer dan wat de kiosk al toonde");
    CHECK(refusal_text("nonsense") == "onbekende fout");
}

TEST_CASE("import codes keep the names that the status file, the journal and the checks read") {
    CHECK(code_name(ImportCode::unsigned_bundle) == "unsigned");
    CHECK(code_name(ImportCode::none).empty());
    CHECK_FALSE(import_code_named("nonsense"));
    for (const auto& [code, name] : import_code_names) {
        INFO(name);
        CHECK(import_code_named(name) == code);
        ImportResult r;
        r.code = code;
        CHECK(nlohmann::json::parse(status_json("refused", r))["code"] == std::string(name));
    }
}

TEST_CASE("every refusal, and nothing else, has its reason and next step in words.h") {
    for (const auto& [code, name] : import_code_names) {
        INFO(name);
        const bool refusal = code != ImportCode::none && code != ImportCode::no_bundle_folder &&
                             code != ImportCode::empty_bundle;
        CHECK((words_for(code) != nullptr) == refusal);
        CHECK((refusal_text(code) != "onbekende fout") == refusal);
        CHECK(refusal_text(code) == refusal_text(name));
    }
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

// --- Issue 12 (4, 6): what the importer opens on the stick, and what it tells the organiser ------

using Catch::Matchers::StartsWith;

namespace {

// A FIFO that blocks would hang the test: SIGALRM fails it instead.
struct AlarmGuard {
    explicit AlarmGuard(unsigned seconds) { alarm(seconds); }
    ~AlarmGuard() { alarm(0); }
};

// mknod needs root (the tests run as root here and in CI): elsewhere the case is skipped.
bool make_char_device(const fs::path& p) {
    if (mknod(p.c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) return true;
    WARN("mknod " << p << ": " << std::strerror(errno) << ": device case skipped");
    return false;
}

// Signs the bundle's manifest with any trusted comment (BundleFixture::sign adds "seq=").
bool sign_with_comment(const BundleFixture& f, const std::string& comment) {
    const std::string cmd = "minisign -S -s '" + (f.keys / "kiosk.key").string() + "' -m '" +
                            (f.bundle / "manifest.json").string() + "' -t '" + comment +
                            "' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

// What a name on the stick is, without following it.
struct Stat {
    struct stat st {};
    explicit Stat(const fs::path& p) { ::lstat(p.c_str(), &st); }
};

} // namespace

TEST_CASE("a manifest.json that is too big, a FIFO, a link or a device is named as such") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("manifest-kinds");
    const auto manifest = f.bundle / "manifest.json";
    f.seal(2);
    fs::remove(manifest);
    const AlarmGuard guard(20);
    SECTION("too big") {
        write_file(manifest, std::string(max_manifest_text_bytes + 1, ' '));
        f.require_refused(f.import(), "manifest_too_large", "larger than");
        CHECK_THAT(refusal_text("manifest_too_large"), Contains("te groot (meer dan 256 KiB)"));
    }
    SECTION("a FIFO") {
        REQUIRE(mkfifo(manifest.c_str(), 0600) == 0);
        const auto r = f.import();
        f.require_refused(r, "manifest_not_file", "is a FIFO");
        CHECK_THAT(receipt_text(r, 0), Contains("kiosk/manifest.json is een FIFO"));
    }
    SECTION("a symlink to a manifest") {
        write_file(f.base / "elsewhere.json", read_file(f.bundle / "deck.json"));
        fs::create_symlink(f.base / "elsewhere.json", manifest);
        f.require_refused(f.import(), "manifest_not_file", "symbolic link");
    }
    SECTION("a device node") {
        if (!make_char_device(manifest)) return;
        f.require_refused(f.import(), "manifest_not_file", "is a device");
    }
    SECTION("only an absent one is missing") {
        f.require_refused(f.import(), "no_manifest", "no such file");
    }
    CHECK_THAT(refusal_text("manifest_not_file"), Contains("geen gewoon bestand"));
}

TEST_CASE("a signature is 'unsigned' only when absent; a long trusted comment is accepted") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("signature-kinds");
    f.write_manifest();
    const auto sig = f.bundle / "manifest.json.minisig";
    SECTION("a 4.2 KB signature, as kiosk --check accepts it") {
        REQUIRE(sign_with_comment(f, "kiosk-bundle seq=2 " + std::string(4000, 'x')));
        REQUIRE(fs::file_size(sig) > 4096);
        const auto r = f.import();
        INFO(r.message);
        CHECK(r.outcome == ImportOutcome::Accepted);
    }
    SECTION("a signature over the limit is too large, not missing") {
        write_file(sig, std::string(max_signature_file_bytes + 1, 'A'));
        f.require_refused(f.import(), "signature_too_large", "larger than");
    }
    SECTION("a FIFO as the signature") {
        fs::remove(sig);
        REQUIRE(mkfifo(sig.c_str(), 0600) == 0);
        const AlarmGuard guard(20);
        f.require_refused(f.import(), "signature_not_file", "is a FIFO");
    }
    SECTION("no sequence number in the trusted comment") {
        REQUIRE(sign_with_comment(f, "kiosk-bundle"));
        const auto r = f.import();
        f.require_refused(r, "no_sequence", "seq=N");
        CHECK_THAT(refusal_text(r.code), Contains("geen volgnummer"));
        CHECK_THAT(receipt_text(r, 0), Contains("-t \"kiosk-bundle seq=2\""));
    }
}

TEST_CASE("a symlinked bundle folder is refused as a link, with a receipt") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("folder-link");
    f.seal(1);
    fs::rename(f.bundle, f.base / "real");
    fs::create_directory_symlink(f.base / "real", f.bundle);
    const auto r = f.import();
    INFO(r.message);
    CHECK(r.outcome == ImportOutcome::Refused);
    CHECK(r.code == "bundle_link");
    CHECK_THAT(r.message, Contains("symbolic link"));
    CHECK_THAT(receipt_text(r, 0), Contains("kiosk is een symbolische link"));
    CHECK(f.current_name().empty());
    fs::remove(f.bundle);
    CHECK(f.import().outcome == ImportOutcome::NoBundle); // absent is still no import at all
}

TEST_CASE("a bad deck's errors name their place on the stick, not in the kiosk's staging") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("deck-place");
    write_file(f.bundle / "deck.json", "{\"schema\": 1,");
    f.seal(2);
    const auto r = f.import();
    f.require_refused(r, "invalid_deck", "JSON syntax");
    CHECK_THAT(r.message, StartsWith("kiosk/deck.json:1:"));
    const std::string receipt = receipt_text(r, 0);
    CHECK_THAT(receipt, Contains("  kiosk/deck.json:1:"));
    CHECK_THAT(receipt, Contains("kiosk --check"));
    CHECK_THAT(receipt, !Contains("staging"));
}

TEST_CASE("the receipt reads in Dutch: what happened, and what to do next") {
    if (!BundleFixture::have_minisign()) return;
    Accepted f("receipt-dutch");
    SECTION("accepted") {
        f.seal(2);
        const std::string receipt = receipt_text(f.import(), 0);
        CHECK_THAT(receipt, Contains("AANGENOMEN: 2 dia's worden nu getoond."));
        CHECK_THAT(receipt, Contains("Volgnummer: 2"));
    }
    SECTION("a replay names the number to go above") {
        f.seal(1);
        const std::string receipt = receipt_text(f.import(), 0);
        CHECK_THAT(receipt, Contains("GEWEIGERD: deze versie is niet nieuwer"));
        CHECK_THAT(receipt, Contains("Wat nu: gebruik een volgnummer hoger dan 1: kiosk publish "
                                     "mijn-map/ STICK --after 1, of onderteken opnieuw"));
        CHECK_THAT(receipt, Contains("De dia's die al te zien waren, blijven staan."));
    }
    SECTION("unsigned says how to sign") {
        f.write_manifest();
        fs::remove(f.bundle / "manifest.json.minisig");
        CHECK_THAT(receipt_text(f.import(), 0), Contains("Wat nu: onderteken met minisign"));
    }
    SECTION("no English words from the old receipt") {
        fs::remove(f.bundle / "manifest.json");
        const std::string receipt = receipt_text(f.import(), 0);
        for (const char* word : {"REFUSED", "Reason", "ACCEPTED", "slides", "Sequence", "stay"})
            CHECK_THAT(receipt, !Contains(word));
    }
}

TEST_CASE("the receipt is a new file renamed into place; odd names on the stick are left alone") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("receipt-write");
    fs::create_directories(f.stick);
    const auto receipt = f.stick / "kiosk-receipt.txt";
    const auto outside = f.base / "outside.txt"; // same file system, outside the mount folder
    write_file(outside, "keep me");
    std::string error;
    SECTION("an old receipt is replaced by a new file, and no temporary file stays") {
        write_file(receipt, "old receipt");
        const Stat before(receipt);
        REQUIRE(write_receipt(f.stick, "new receipt\n", error));
        CHECK(read_file(receipt) == "new receipt\n");
        const Stat after(receipt);
        CHECK(after.st.st_ino != before.st.st_ino); // renamed over, not truncated in place
        CHECK(std::distance(fs::directory_iterator(f.stick), fs::directory_iterator()) == 2);
    }
    SECTION("a hard link to a file elsewhere stays untouched") {
        fs::create_hard_link(outside, receipt);
        CHECK_FALSE(write_receipt(f.stick, "overwritten\n", error));
        CHECK_THAT(error, Contains("2 hard links"));
        CHECK(read_file(outside) == "keep me");
        CHECK(Stat(receipt).st.st_nlink == 2);
    }
    SECTION("a symlink stays untouched") {
        fs::create_symlink(outside, receipt);
        CHECK_FALSE(write_receipt(f.stick, "overwritten\n", error));
        CHECK_THAT(error, Contains("symbolic link"));
        CHECK(read_file(outside) == "keep me");
        CHECK(fs::is_symlink(receipt));
    }
    SECTION("a device node is not written into") {
        if (!make_char_device(receipt)) return;
        CHECK_FALSE(write_receipt(f.stick, "into the device\n", error));
        CHECK_THAT(error, Contains("device node"));
        CHECK(S_ISCHR(Stat(receipt).st.st_mode));
    }
    SECTION("a FIFO is neither blocked on nor replaced") {
        REQUIRE(mkfifo(receipt.c_str(), 0600) == 0);
        const AlarmGuard guard(20);
        CHECK_FALSE(write_receipt(f.stick, "into the FIFO\n", error));
        CHECK(S_ISFIFO(Stat(receipt).st.st_mode));
    }
}

TEST_CASE("a bundle in a folder named otherwise is named, with what to rename, on screen too") {
    if (!BundleFixture::have_minisign()) return;
    for (const std::string other : {"Kiosk ", "kiosk-2017", "Nieuwe map/kiosk"}) {
        BundleFixture f("misnamed");
        f.seal(1);
        fs::create_directories((f.stick / other).parent_path());
        fs::rename(f.bundle, f.stick / other);
        const auto r = f.import();
        INFO(other << ": " << r.message);
        CHECK(r.outcome == ImportOutcome::Refused);
        CHECK(r.code == "misnamed_bundle");
        const std::string advice = "map \"" + other + "\" gevonden; hernoem ze naar kiosk";
        CHECK_THAT(receipt_text(r, 0), Contains(advice));
        CHECK_THAT(receipt_text(r, 0), Contains("Wat nu: hernoem"));
        // The running kiosk reads the status file: the refusal and where to look.
        std::ifstream in(ReleaseStore(f.root).status_file());
        const auto status = nlohmann::json::parse(in);
        CHECK(status["state"] == "refused");
        CHECK(status["code"] == "misnamed_bundle");
        CHECK(status["details"][0] == advice);
        CHECK(f.current_name().empty());
    }
}

TEST_CASE("folders without a bundle, and links to one, are still no import at all") {
    if (!BundleFixture::have_minisign()) return;
    BundleFixture f("no-bundle-elsewhere");
    f.seal(1);
    fs::rename(f.bundle, f.base / "outside");
    fs::create_directories(f.stick / "Foto's");
    fs::create_directory_symlink(f.base / "outside", f.stick / "Kiosk");
    const auto r = f.import();
    INFO(r.message);
    CHECK(r.outcome == ImportOutcome::NoBundle);
    CHECK_FALSE(fs::exists(ReleaseStore(f.root).status_file()));
}
