// Bundle signatures: SHA-256 and minisign (test_manifest.cpp has manifest.json). They come from two
// sources: crafted here with libsodium (always run, so every malformed case is exact), and made by
// the real `minisign` tool (skipped with a warning when it is not installed), which is what
// organisers use and therefore the format that matters.
#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "bundle/sha256.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace kiosk;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "kiosk-bundle-test-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    bool ok() const { return !path_.empty(); }

  private:
    fs::path path_;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

bool run(const std::string& command) {
    return std::system((command + " </dev/null >/dev/null 2>&1").c_str()) == 0;
}

bool have_minisign() {
    return run("minisign -v");
}

std::string base64(const std::vector<unsigned char>& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.pop_back(); // the terminating NUL
    return out;
}

std::vector<unsigned char> bytes_of(std::string_view s) {
    return {s.begin(), s.end()};
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start))
        lines.push_back(text.substr(start, nl - start)), start = nl + 1;
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

std::string joined(const std::vector<std::string>& lines, const std::string& eol = "\n") {
    std::string out;
    for (const auto& l : lines)
        out += l + eol;
    return out;
}

std::string with_line(const std::string& text, std::size_t index, const std::string& line) {
    auto lines = lines_of(text);
    lines.at(index) = line;
    return joined(lines);
}

// Changes one base64 character in the middle of a line; the line stays valid base64.
std::string with_flipped_char(const std::string& text, std::size_t line, std::size_t at) {
    auto lines = lines_of(text);
    char& c = lines.at(line).at(at);
    c = c == 'A' ? 'B' : 'A';
    return joined(lines);
}

// Rewrites the second letter of the signature algorithm ("ED"/"Ed") on line 2.
std::string relabelled(const std::string& sig, char second_letter) {
    const auto line = lines_of(sig).at(1);
    std::vector<unsigned char> raw(74);
    std::size_t length = 0;
    REQUIRE(sodium_base642bin(raw.data(), raw.size(), line.data(), line.size(), nullptr, &length,
                              nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
    raw[1] = static_cast<unsigned char>(second_letter);
    return with_line(sig, 1, base64(raw));
}

// A minisign key made with libsodium, to craft signatures byte by byte.
struct TestKey {
    std::array<unsigned char, 8> id{};
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};

    explicit TestKey(unsigned char id_byte) {
        REQUIRE(sodium_init() >= 0);
        id.fill(id_byte);
        crypto_sign_keypair(pk.data(), sk.data());
    }
    std::string base64_line() const {
        auto raw = bytes_of("Ed");
        raw.insert(raw.end(), id.begin(), id.end());
        raw.insert(raw.end(), pk.begin(), pk.end());
        return base64(raw);
    }
    std::string pub_file() const { return "untrusted comment: test key\n" + base64_line() + "\n"; }
    PublicKey public_key() const {
        std::string error;
        auto key = parse_public_key(base64_line(), error);
        REQUIRE(key);
        return *key;
    }
    std::vector<unsigned char> detached(const std::vector<unsigned char>& message) const {
        std::vector<unsigned char> sig(crypto_sign_BYTES);
        crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), sk.data());
        return sig;
    }
    // A .minisig file as minisign writes it; `algorithm` "ED" signs the BLAKE2b-512 prehash.
    std::string sign(std::string_view message, const std::string& comment,
                     const std::string& algorithm = "ED") const {
        auto signed_bytes = bytes_of(message);
        if (algorithm == "ED") {
            signed_bytes.resize(64);
            crypto_generichash(signed_bytes.data(), 64,
                               reinterpret_cast<const unsigned char*>(message.data()),
                               message.size(), nullptr, 0);
        }
        const auto sig = detached(signed_bytes);
        auto line2 = bytes_of(algorithm);
        line2.insert(line2.end(), id.begin(), id.end());
        line2.insert(line2.end(), sig.begin(), sig.end());
        auto global = sig;
        global.insert(global.end(), comment.begin(), comment.end());
        return "untrusted comment: signature from a test key\n" + base64(line2) +
               "\ntrusted comment: " + comment + "\n" + base64(detached(global)) + "\n";
    }
};

const std::string sample_manifest = "{\"format\": \"kiosk-bundle-1\", \"files\": []}\n";

std::string error_of(const VerifyResult& r) {
    CHECK_FALSE(r.ok);
    return r.error;
}

} // namespace

// --- SHA-256 -------------------------------------------------------------------------------------

TEST_CASE("sha256_hex gives the known digests") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("Sha256 hashes in pieces and starts again after hex()") {
    Sha256 h;
    h.update("a", 1);
    h.update("bc", 2);
    CHECK(h.hex() == sha256_hex("abc"));
    CHECK(h.hex() == sha256_hex(""));
}

// --- minisign, crafted signatures ----------------------------------------------------------------

TEST_CASE("key ids read as minisign prints them") {
    PublicKey key;
    key.key_id = {0x44, 0x88, 0x99, 0x30, 0xd4, 0x0d, 0x69, 0x03}; // from a real `minisign -G`
    CHECK(key.id_hex() == "3690DD430998844"); // what minisign printed: no leading zero
    key.key_id = {0x01, 0, 0, 0, 0, 0, 0, 0};
    CHECK(key.id_hex() == "1");
    key.key_id.fill(0xAB);
    CHECK(key.id_hex() == "ABABABABABABABAB");
}

TEST_CASE("prehashed and legacy signatures verify and give the comment and key id") {
    const TestKey key(0x42);
    for (const std::string algorithm : {"ED", "Ed"}) {
        INFO(algorithm);
        const auto r = verify_minisign(sample_manifest,
                                       key.sign(sample_manifest, "kiosk-bundle seq=7", algorithm),
                                       {key.public_key()});
        REQUIRE(r.ok);
        CHECK(r.error.empty());
        CHECK(r.ok->trusted_comment == "kiosk-bundle seq=7");
        CHECK(r.ok->key_id == "4242424242424242");
    }
    const auto empty = verify_minisign("", key.sign("", "seq=1"), {key.public_key()});
    CHECK(empty.ok);
}

TEST_CASE("a changed message, comment or signature is refused") {
    const TestKey key(0x42);
    const std::vector<PublicKey> trusted{key.public_key()};
    const std::string sig = key.sign(sample_manifest, "kiosk-bundle seq=7");
    std::string changed = sample_manifest;
    changed[5] ^= 1;
    const std::string not_manifest =
        "signature does not match manifest.json (changed after signing?)";
    const std::string not_comment = "trusted comment does not match its signature (altered?)";
    CHECK(error_of(verify_minisign(changed, sig, trusted)) == not_manifest);
    CHECK(error_of(verify_minisign(sample_manifest + " ", sig, trusted)) == not_manifest);
    CHECK(error_of(verify_minisign(sample_manifest,
                                   with_line(sig, 2, "trusted comment: kiosk-bundle seq=9"),
                                   trusted)) == not_comment);
    CHECK(error_of(verify_minisign(sample_manifest,
                                   with_line(sig, 2, "trusted comment: kiosk-bundle seq=7 "),
                                   trusted)) == not_comment);
    CHECK(error_of(verify_minisign(sample_manifest, with_flipped_char(sig, 1, 40), trusted)) ==
          not_manifest);
    CHECK(error_of(verify_minisign(sample_manifest, with_flipped_char(sig, 3, 40), trusted)) ==
          not_comment);
    // A legacy signature relabelled as prehashed, and the other way round, must not verify.
    CHECK(error_of(verify_minisign(sample_manifest,
                                   relabelled(key.sign(sample_manifest, "seq=1", "Ed"), 'D'),
                                   trusted)) == not_manifest);
    CHECK(error_of(verify_minisign(sample_manifest,
                                   relabelled(key.sign(sample_manifest, "seq=1", "ED"), 'd'),
                                   trusted)) == not_manifest);
}

TEST_CASE("a key with the trusted key's id but another secret is refused") {
    const TestKey trusted_key(0x42), impostor(0x42);
    const auto sig = impostor.sign(sample_manifest, "kiosk-bundle seq=99");
    CHECK(error_of(verify_minisign(sample_manifest, sig, {trusted_key.public_key()})) ==
          "signature does not match manifest.json (changed after signing?)");
}

TEST_CASE("only trusted key ids are accepted; any of several trusted keys will do") {
    const TestKey ours(0x11), spare(0x22), stranger(0x33);
    const auto sig = spare.sign(sample_manifest, "kiosk-bundle seq=7");
    CHECK(verify_minisign(sample_manifest, sig, {ours.public_key(), spare.public_key()}).ok);
    CHECK(error_of(
              verify_minisign(sample_manifest, sig, {ours.public_key(), stranger.public_key()})) ==
          "signed by key 2222222222222222 which this kiosk does not trust");
    CHECK(
        error_of(verify_minisign(sample_manifest, sig, {})) ==
        "signed by key 2222222222222222 which this kiosk does not trust (no keys are configured)");
}

TEST_CASE("each refusal says what kind of failure it is, for callers that act on it") {
    const TestKey key(0x42), stranger(0x33);
    const std::vector<PublicKey> trusted{key.public_key()};
    const std::string sig = key.sign(sample_manifest, "kiosk-bundle seq=7");
    auto failure = [&](const std::string& message, const std::string& text,
                       const std::vector<PublicKey>& keys) {
        const auto r = verify_minisign(message, text, keys);
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.error.empty());
        return r.failure;
    };
    CHECK(verify_minisign(sample_manifest, sig, trusted).failure == SignatureError::none);
    CHECK(failure(sample_manifest, "", trusted) == SignatureError::malformed);
    CHECK(failure(sample_manifest, "garbage", trusted) == SignatureError::malformed);
    CHECK(failure(sample_manifest, sig, {stranger.public_key()}) == SignatureError::untrusted_key);
    CHECK(failure(sample_manifest, sig, {}) == SignatureError::untrusted_key);
    CHECK(failure(sample_manifest + " ", sig, trusted) == SignatureError::wrong_message);
    CHECK(failure(sample_manifest, with_line(sig, 2, "trusted comment: kiosk-bundle seq=9"),
                  trusted) == SignatureError::altered_comment);
}

TEST_CASE("malformed signature files are refused with the reason") {
    const TestKey key(0x42);
    const std::vector<PublicKey> trusted{key.public_key()};
    const std::string sig = key.sign(sample_manifest, "kiosk-bundle seq=7");
    const auto lines = lines_of(sig);
    auto other_algorithm = std::vector<unsigned char>(74, 0);
    other_algorithm[0] = 'E', other_algorithm[1] = 'X';
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "signature file is empty"},
        {" \n\r\n", "signature file is empty"},
        {"garbage", "signature file is malformed: it has 1 lines instead of 4"},
        {sig.substr(0, sig.size() / 2), "signature file is malformed: it has 2 lines instead of 4"},
        {joined({lines[0], lines[1], lines[2]}),
         "signature file is malformed: it has 3 lines instead of 4"},
        {sig.substr(0, sig.size() - 10), "signature file is malformed: line 4 is not valid base64"},
        {sig + "extra\n", "signature file is malformed: there is text after line 4"},
        {with_line(sig, 0, "comment: x"), "line 1 does not start with \"untrusted comment: \""},
        {with_line(sig, 1, lines[1] + "!"),
         "signature file is malformed: line 2 is not valid base64"},
        {with_line(sig, 1, lines[1].substr(4)), "line 2 holds 71 bytes instead of 74"},
        {with_line(sig, 1, lines[1].substr(1)), "line 2 is not valid base64"},
        {with_line(sig, 1, base64(std::vector<unsigned char>(73, 'E'))),
         "signature file is malformed: line 2 holds 73 bytes instead of 74"},
        {with_line(sig, 1, ""), "line 2 holds 0 bytes instead of 74"},
        {with_line(sig, 1, " " + lines[1]), "line 2 is not valid base64"},
        {with_line(sig, 1, base64(other_algorithm)), "unsupported signature algorithm"},
        {with_line(sig, 2, "trusted comment:kiosk-bundle seq=7"),
         "line 3 does not start with \"trusted comment: \""},
        {with_line(sig, 3, base64(std::vector<unsigned char>(65, 1))),
         "line 4 holds 65 bytes instead of 64"},
        {std::string(20000, 'A'), "signature file is malformed: it is larger than 16 KiB"},
    };
    for (const auto& [text, message] : cases) {
        INFO(text);
        CHECK_THAT(error_of(verify_minisign(sample_manifest, text, trusted)), Contains(message));
    }
}

TEST_CASE("one signature size limit, in minisign.h, for the checker and the importer alike") {
    // minisign writes trusted comments of up to 8 KiB: any signature it makes must fit.
    STATIC_REQUIRE(max_signature_file_bytes >= 8 * 1024 + 512);
    const TestKey key(0x42);
    const std::vector<PublicKey> trusted{key.public_key()};
    const std::string comment = "kiosk-bundle seq=7 ";
    const std::size_t room = max_signature_file_bytes - key.sign(sample_manifest, comment).size();
    const std::string at_limit = key.sign(sample_manifest, comment + std::string(room, 'x'));
    REQUIRE(at_limit.size() == max_signature_file_bytes);
    CHECK(verify_minisign(sample_manifest, at_limit, trusted).ok);
    const std::string over = key.sign(sample_manifest, comment + std::string(room + 1, 'x'));
    CHECK_THAT(error_of(verify_minisign(sample_manifest, over, trusted)),
               Contains("larger than " + std::to_string(max_signature_file_bytes / 1024) + " KiB"));
}

TEST_CASE("signature files with CRLF, no final newline or a blank last line verify") {
    const TestKey key(0x42);
    const std::vector<PublicKey> trusted{key.public_key()};
    const auto lines = lines_of(key.sign(sample_manifest, "kiosk-bundle seq=7"));
    const std::string crlf = joined(lines, "\r\n");
    for (const std::string& text :
         {crlf, crlf.substr(0, crlf.size() - 2), joined(lines).substr(0, joined(lines).size() - 1),
          joined(lines) + "\n", crlf + "\r\n"}) {
        INFO(text);
        const auto r = verify_minisign(sample_manifest, text, trusted);
        REQUIRE(r.ok);
        CHECK(r.ok->trusted_comment == "kiosk-bundle seq=7"); // no '\r' left over
    }
}

TEST_CASE("public keys: whole file or bare line, and what is not a key") {
    const TestKey key(0x42);
    std::string error;
    for (const std::string& text :
         {key.pub_file(), key.base64_line(), "  " + key.base64_line() + " \n",
          joined(lines_of(key.pub_file()), "\r\n"),
          key.pub_file().substr(0, key.pub_file().size() - 1)}) {
        INFO(text);
        const auto parsed = parse_public_key(text, error);
        REQUIRE(parsed);
        CHECK(parsed->key_id == key.id);
        CHECK(parsed->key == key.pk);
    }
    auto raw = std::vector<unsigned char>(42, 7);
    raw[0] = 'E', raw[1] = 'D';
    const std::vector<std::pair<std::string, std::string>> bad{
        {"", "public key is empty"},
        {"\n \n", "public key is empty"},
        {"garbage!", "public key is not valid base64"},
        {"RWQ", "public key is not valid base64"},
        {base64(std::vector<unsigned char>(41, 'E')), "public key holds 41 bytes instead of 42"},
        {key.base64_line() + "AAAA", "public key holds 45 bytes instead of 42"},
        {base64(raw), "public key is not a minisign Ed25519 key (unsupported algorithm)"},
        {"untrusted comment: x\n", "public key file has a comment but no key line"},
        {key.base64_line() + "\n" + key.base64_line(),
         "neither a minisign .pub file nor its base64 line"},
        {key.pub_file() + key.base64_line(), "neither a minisign .pub file nor its base64 line"},
    };
    for (const auto& [text, message] : bad) {
        INFO(text);
        error.clear();
        CHECK_FALSE(parse_public_key(text, error));
        CHECK_THAT(error, Contains(message));
    }
}

// --- minisign, the real tool ---------------------------------------------------------------------

namespace {

// A key pair and a signed manifest made by `minisign`, in a temporary folder.
struct MinisignFixture {
    TempDir dir;
    std::string manifest = manifest_to_json({{{"deck.json", 12, std::string(64, 'a')}}});

    bool make_key(const std::string& name) const {
        return run("minisign -G -W -p '" + dir / (name + ".pub") + "' -s '" +
                   dir / (name + ".key") + "'");
    }
    // `extra` is "" for minisign's default (prehashed) signature, "-l" for a legacy one.
    std::string sign(const std::string& key, const std::string& comment,
                     const std::string& extra = "") const {
        write_file(dir / "manifest.json", manifest);
        const auto sig = dir / "manifest.json.minisig";
        fs::remove(sig);
        if (!run("minisign -S " + extra + " -s '" + dir / (key + ".key") + "' -m '" +
                 dir / "manifest.json" + "' -t '" + comment + "'"))
            return {};
        return read_file(sig);
    }
    PublicKey key(const std::string& name, bool whole_file = true) const {
        const auto text = read_file(dir / (name + ".pub"));
        std::string error;
        const auto key = parse_public_key(whole_file ? text : lines_of(text).at(1), error);
        INFO(error);
        REQUIRE(key);
        return *key;
    }
};

} // namespace

TEST_CASE("signatures made by the minisign tool verify, prehashed and legacy") {
    if (!have_minisign()) {
        WARN("`minisign` is not installed: skipping the tests against the real tool");
        return;
    }
    MinisignFixture f;
    REQUIRE(f.dir.ok());
    REQUIRE(f.make_key("kiosk"));
    const auto key = f.key("kiosk");
    const auto bare = f.key("kiosk", false);
    CHECK(bare.key == key.key);
    CHECK(bare.key_id == key.key_id);
    // The key id we report is the one minisign wrote into the .pub file's comment.
    CHECK(lines_of(read_file(f.dir / "kiosk.pub")).at(0) ==
          "untrusted comment: minisign public key " + key.id_hex());
    for (const std::string extra : {"", "-l"}) {
        INFO("minisign -S " << extra);
        const auto sig = f.sign("kiosk", "kiosk-bundle seq=7", extra);
        REQUIRE_FALSE(sig.empty());
        CHECK(lines_of(sig).at(1).substr(0, 2) == (extra.empty() ? "RU" : "RW")); // "ED" / "Ed"
        const auto r = verify_minisign(f.manifest, sig, {key});
        INFO(r.error);
        REQUIRE(r.ok);
        CHECK(r.ok->trusted_comment == "kiosk-bundle seq=7");
        CHECK(r.ok->key_id == key.id_hex());
        CHECK(sequence_from_comment(r.ok->trusted_comment) == 7u);
        CHECK(verify_minisign(f.manifest, joined(lines_of(sig), "\r\n"), {key}).ok);
    }
}

TEST_CASE("changes to a minisign-made bundle signature are refused") {
    if (!have_minisign()) {
        WARN("`minisign` is not installed: skipping the tests against the real tool");
        return;
    }
    MinisignFixture f;
    REQUIRE(f.dir.ok());
    REQUIRE(f.make_key("kiosk"));
    REQUIRE(f.make_key("stranger"));
    const auto key = f.key("kiosk"), stranger = f.key("stranger");
    const auto sig = f.sign("kiosk", "kiosk-bundle seq=7");
    REQUIRE_FALSE(sig.empty());
    std::string changed = f.manifest;
    changed[changed.size() / 2] ^= 1;
    CHECK_THAT(error_of(verify_minisign(changed, sig, {key})),
               StartsWith("signature does not match manifest.json"));
    std::string comment = sig;
    comment.replace(comment.find("seq=7"), 5, "seq=9");
    CHECK_THAT(error_of(verify_minisign(f.manifest, comment, {key})),
               StartsWith("trusted comment does not match"));
    CHECK_THAT(error_of(verify_minisign(f.manifest, with_flipped_char(sig, 1, 40), {key})),
               StartsWith("signature does not match"));
    CHECK_THAT(error_of(verify_minisign(f.manifest, with_flipped_char(sig, 3, 40), {key})),
               StartsWith("trusted comment does not match"));
    CHECK(error_of(verify_minisign(f.manifest, sig, {stranger})) ==
          "signed by key " + key.id_hex() + " which this kiosk does not trust");
    CHECK(verify_minisign(f.manifest, sig, {stranger, key}).ok);
    CHECK_THAT(error_of(verify_minisign(f.manifest, sig.substr(0, sig.size() / 2), {key})),
               Contains("malformed"));
    CHECK_THAT(error_of(verify_minisign(f.manifest, "", {key})), Contains("empty"));
}

TEST_CASE("minisign itself accepts the signatures these tests craft") {
    if (!have_minisign()) {
        WARN("`minisign` is not installed: skipping the tests against the real tool");
        return;
    }
    TempDir dir;
    REQUIRE(dir.ok());
    const TestKey key(0x5A);
    write_file(dir / "key.pub", key.pub_file());
    write_file(dir / "manifest.json", sample_manifest);
    for (const std::string algorithm : {"ED", "Ed"}) {
        INFO(algorithm);
        write_file(dir / "sig", key.sign(sample_manifest, "kiosk-bundle seq=3", algorithm));
        CHECK(run("minisign -V -p '" + dir / "key.pub" + "' -m '" + dir / "manifest.json" +
                  "' -x '" + dir / "sig" + "'"));
    }
}
