// The organiser's one command: check the deck (refusing on errors, showing warnings), list it in
// a manifest, sign that with Debian's minisign (which asks for the key's password as usual) with
// a sequence number chosen here (the UTC time as YYYYMMDDHHMM, or one more than the stick's last
// bundle: never typed, never reused), copy the bundle to STICK_DIR/kiosk/ in place of an older
// one, then read the copy back and check it as the kiosk will, and say in one line what the
// kiosk will do with it. The separate steps (--check, --bundle, minisign) stay for scripts.
#include "commands/publish_command.h"

#include "app/settings.h"
#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "commands/bundle_command.h"
#include "content/loader.h"
#include "import/release_store.h"

#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

struct PublishArgs {
    fs::path deck, stick, key, pub;
    std::uint64_t after = 0; // --after N: the kiosk has accepted N (its receipt says so)
};

fs::path home_file(const char* rel) {
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : "/") / rel;
}

bool parse_sequence(const std::string& text, std::uint64_t& out) {
    const auto end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc{} && ptr == end && out < (std::uint64_t{1} << 53);
}

std::optional<PublishArgs> parse(const std::vector<std::string>& args, std::string& error) {
    PublishArgs p{{}, {}, home_file(".minisign/kiosk.key"), {}, 0};
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool valued = args[i] == "--key" || args[i] == "--pub" || args[i] == "--after";
        if (valued && i + 1 >= args.size()) return error = args[i] + " needs a value", std::nullopt;
        if (args[i] == "--key")
            p.key = args[++i];
        else if (args[i] == "--pub")
            p.pub = args[++i];
        else if (args[i] == "--after") {
            if (!parse_sequence(args[++i], p.after))
                return error = "--after needs a whole number, not \"" + args[i] + "\"",
                       std::nullopt;
        } else if (args[i].rfind("--", 0) == 0)
            return error = "unknown option " + args[i], std::nullopt;
        else
            positional.push_back(args[i]);
    }
    if (positional.size() != 2) return error = "publish needs DECK_DIR and STICK_DIR", std::nullopt;
    p.deck = positional[0];
    p.stick = positional[1];
    if (p.pub.empty()) // minisign -G -p kiosk.pub -s ~/.minisign/kiosk.key, as the README has it
        p.pub = fs::exists("kiosk.pub") ? fs::path("kiosk.pub")
                                        : fs::path(p.key).replace_extension(".pub");
    return p;
}

// The UTC minute as a number (202711301542), or one past the bundle already on the stick, or
// past the number the kiosk's receipt names (`after`), whichever is highest.
std::uint64_t next_sequence(const fs::path& old_bundle, std::uint64_t after) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d%H%M", &tm);
    std::uint64_t seq = std::strtoull(text, nullptr, 10);
    if (const auto comment = trusted_comment_of(read_file(old_bundle / "manifest.json.minisig")))
        if (const auto old = sequence_from_comment(*comment)) seq = std::max(seq, *old + 1);
    return std::max(seq, after + 1);
}

// minisign on the terminal, so that it can ask for the key's password itself.
bool sign(const fs::path& key, const fs::path& manifest, std::uint64_t seq) {
    const std::string comment = "kiosk-bundle seq=" + std::to_string(seq);
    const pid_t pid = fork();
    if (pid == 0) {
        execlp("minisign", "minisign", "-S", "-s", key.c_str(), "-m", manifest.c_str(), "-t",
               comment.c_str(), static_cast<char*>(nullptr));
        std::cerr << "kiosk: cannot run minisign (apt install minisign)\n";
        _exit(127);
    }
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

// Bytes only: std::filesystem::copy_file also copies the permissions, which a FAT stick (vfat
// without "quiet", fusefat) refuses.
bool copy_bytes(const fs::path& from, const fs::path& to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!in) return false;
    // An empty file inserts nothing, which a stream counts as a failure.
    if (in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();
    out.flush();
    return out.good();
}

// The old bundle goes first, then the files, the manifest and its signature last: a copy cut
// short has no signature, so the kiosk refuses it rather than taking half. (Not a folder renamed
// into place: fusefat, which the tests mount sticks with, loses a renamed folder's contents.)
bool copy_to_stick(const fs::path& deck, const Manifest& m, const fs::path& stick,
                   std::string& error) {
    const fs::path target = stick / "kiosk";
    std::error_code ec;
    fs::remove_all(target, ec);
    std::vector<std::string> files;
    for (const auto& f : m.files)
        files.push_back(f.path);
    files.insert(files.end(), {"manifest.json", "manifest.json.minisig"});
    for (const auto& rel : files) {
        fs::create_directories((target / rel).parent_path(), ec);
        if (ec || !copy_bytes(deck / rel, target / rel))
            return error = (target / rel).string() + ": cannot write" +
                           (ec ? ": " + ec.message() : " (stick full or read-only?)"),
                   false;
    }
    ::sync(); // a stick pulled right after the command still holds the bundle
    return true;
}

// The copy on the stick, read back and judged as the kiosk will: hashes, signature, the deck.
bool verify_copy(const fs::path& bundle, const std::string& public_key, int& slides) {
    Settings s;
    s.content.trusted_keys.push_back(public_key);
    Diagnostics d;
    check_bundle(s, bundle, d);
    const auto loaded = load_content_dir(bundle);
    for (const auto& item : loaded.diagnostics.items)
        d.items.push_back(item);
    for (const auto& item : d.items)
        std::cerr << "kiosk: " << to_string(item) << '\n';
    slides = loaded.deck ? static_cast<int>(loaded.deck->slides.size()) : 0;
    return !d.has_errors() && loaded.deck;
}

// The public key that checks the copy: read before anything on the stick is touched. A whole .pub
// file is a trusted key as it stands (parse_public_key).
std::optional<std::string> public_key_of(const fs::path& pub) {
    const std::string key = read_file(pub);
    std::string error;
    if (!key.empty() && parse_public_key(key, error)) return key;
    std::cerr << "kiosk: " << pub.string() << ": "
              << (key.empty() ? "cannot read the public key" : error)
              << " (--pub FILE, the kiosk.pub made with the key): nothing was published\n";
    return std::nullopt;
}

bool deck_is_clean(const fs::path& deck) {
    const auto loaded = load_content_dir(deck);
    for (const auto& d : loaded.diagnostics.items)
        std::cerr << "kiosk: " << to_string(d) << '\n';
    if (!loaded.diagnostics.has_errors() && loaded.deck) return true;
    std::cerr << "kiosk: nothing was published: fix the errors above first\n";
    return false;
}

} // namespace

int run_publish(const std::vector<std::string>& args) {
    std::string error;
    const auto p = parse(args, error);
    if (!p)
        return std::cerr << "kiosk: " << error
                         << "\nUsage: kiosk publish DECK_DIR STICK_DIR [--key SECRET_KEY] [--pub "
                            "PUBLIC_KEY] [--after N]\n",
               2;
    const auto public_key = public_key_of(p->pub);
    if (!public_key || !deck_is_clean(p->deck)) return 1;
    const auto manifest = write_bundle_manifest(p->deck, std::cerr);
    if (!manifest) return std::cerr << "kiosk: nothing was published\n", 1;
    const std::uint64_t seq = next_sequence(p->stick / "kiosk", p->after);
    if (!sign(p->key, p->deck / "manifest.json", seq))
        return std::cerr << "kiosk: signing failed: nothing was published\n", 1;
    if (!copy_to_stick(p->deck, *manifest, p->stick, error))
        return std::cerr << "kiosk: " << error << '\n', 1;
    int slides = 0;
    if (!verify_copy(p->stick / "kiosk", *public_key, slides))
        return std::cerr << "kiosk: the copy on the stick does not check out (see above)\n", 1;
    std::cout << "Published to " << (p->stick / "kiosk").string() << ": the kiosk will show these "
              << slides << " slides, sequence " << seq
              << ", unless it has already accepted a higher number.\n";
    return 0;
}

} // namespace kiosk
