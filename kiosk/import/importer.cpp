#include "import/importer.h"

#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "bundle/sha256.h"
#include "content/loader.h"
#include "import/release_store.h"
#include "import/untrusted_dir.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <map>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_signature_bytes = 4096;

ImportResult refused(std::string code, std::string message) {
    ImportResult r;
    r.outcome = ImportOutcome::Refused;
    r.code = std::move(code);
    r.message = std::move(message);
    return r;
}

bool write_staged(const fs::path& staging, const std::string& name, const std::string& bytes,
                  std::string& error) {
    const int dir = ::open(staging.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (dir < 0) return error = staging.string() + ": cannot open", false;
    UniqueFd fd = create_below(dir, name, error);
    ::close(dir);
    if (!fd.valid()) return false;
    if (::write(fd.get(), bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) ||
        ::fsync(fd.get()) != 0)
        return error = name + ": cannot write to the kiosk's disk (full?)", false;
    return true;
}

std::optional<std::string> read_staged(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<PublicKey> parse_keys(const std::vector<std::string>& texts) {
    std::vector<PublicKey> keys;
    for (const auto& t : texts) {
        std::string error;
        if (auto k = parse_public_key(t, error)) keys.push_back(*k);
    }
    return keys;
}

// Stage 1: the signed manifest, copied then checked on the copy. Sets sequence on success.
std::optional<Manifest> staged_manifest(const UntrustedDir& stick, const fs::path& staging,
                                        const ImportOptions& o, std::uint64_t last_seq,
                                        ImportResult& r) {
    std::string error;
    const auto manifest_text = stick.read_small("manifest.json", max_manifest_text_bytes, error);
    if (!manifest_text) return r = refused("no_manifest", error), std::nullopt;
    const auto sig_text = stick.read_small("manifest.json.minisig", max_signature_bytes, error);
    if (!sig_text && o.require_signature)
        return r = refused("unsigned", "no signature: " + error), std::nullopt;
    if (!write_staged(staging, "manifest.json", *manifest_text, error) ||
        (sig_text && !write_staged(staging, "manifest.json.minisig", *sig_text, error)))
        return r = refused("io_error", error), std::nullopt;
    const auto manifest = read_staged(staging / "manifest.json");
    const auto sig = sig_text ? read_staged(staging / "manifest.json.minisig") : std::nullopt;
    if (!manifest) return r = refused("io_error", "cannot read back manifest.json"), std::nullopt;
    r.manifest_sha256 = sha256_hex(*manifest);
    if (sig) {
        const auto v = verify_minisign(*manifest, *sig, parse_keys(o.trusted_keys));
        if (!v.ok)
            return r = refused(v.error.find("does not trust") != std::string::npos
                                   ? "unknown_key"
                                   : "bad_signature",
                               v.error),
                   std::nullopt;
        const auto seq = sequence_from_comment(v.ok->trusted_comment);
        if (!seq)
            return r = refused("bad_signature", "the signature's trusted comment has no \"seq=N\""),
                   std::nullopt;
        if (*seq <= last_seq)
            return r = refused("replay", "sequence " + std::to_string(*seq) +
                                             " is not newer than " + std::to_string(last_seq)),
                   std::nullopt;
        r.sequence = *seq;
    } else {
        r.sequence = last_seq + 1; // unsigned bundles are allowed only in a development setup
    }
    auto parsed = parse_manifest(*manifest, error);
    if (!parsed) return r = refused("bad_manifest", error), std::nullopt;
    return parsed;
}

// Refuses up front when the bundle cannot fit, rather than failing half-way through the copy
// (which is also handled): the organiser learns the real reason and how much room is missing.
bool enough_space(const fs::path& staging, const Manifest& m, ImportResult& r) {
    struct statvfs fs_info {};
    if (::statvfs(staging.c_str(), &fs_info) != 0) return true; // the copy will tell
    const std::uint64_t free_bytes = std::uint64_t(fs_info.f_bavail) * fs_info.f_frsize;
    std::uint64_t needed = 64 * 1024; // the manifest, receipt and directory entries
    for (const auto& f : m.files)
        needed += f.size;
    if (needed <= free_bytes) return true;
    auto mb = [](std::uint64_t b) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f MB", b / 1e6);
        return std::string(text);
    };
    r = refused("disk_full", "the bundle needs " + mb(needed) + " and the kiosk's disk has " +
                                 mb(free_bytes) + " free");
    return false;
}

// Stage 2: every listed file copied with its exact size, then hashed on the copy.
bool stage_files(const UntrustedDir& stick, const fs::path& staging, const Manifest& m,
                 ImportResult& r) {
    const int dir = ::open(staging.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    UniqueFd staging_fd(dir);
    std::string error;
    if (!enough_space(staging, m, r)) return false;
    for (const auto& f : m.files) {
        UniqueFd out = create_below(staging_fd.get(), f.path, error);
        if (!out.valid()) return r = refused("io_error", error), false;
        bool disk_full = false;
        if (!stick.copy_file(f.path, f.size, out.get(), error, &disk_full))
            return r = refused(disk_full ? "disk_full" : "unsafe_file", error), false;
    }
    for (const auto& f : m.files)
        if (sha256_file((staging / f.path).string()) != f.sha256)
            return r = refused("file_mismatch",
                               f.path + ": its SHA-256 differs from the manifest's"),
                   false;
    if (!fsync_path(staging.string(), error)) return r = refused("io_error", error), false;
    return true;
}

// Stage 3: the deck must load with the kiosk's own loader, without a single error.
bool check_deck(const fs::path& staging, ImportResult& r) {
    const auto loaded = load_content_dir(staging);
    if (loaded.diagnostics.has_errors() || !loaded.deck) {
        std::string first;
        for (const auto& d : loaded.diagnostics.items)
            if (d.severity == Severity::Error) {
                first = to_string(d);
                break;
            }
        r = refused("invalid_deck", first.empty() ? "the deck does not load" : first);
        return false;
    }
    r.slides = static_cast<int>(loaded.deck->slides.size());
    return true;
}

void set_status(const ReleaseStore& store, const std::string& state, const ImportResult& r) {
    std::string error;
    write_file_atomically(store.status_file(), status_json(state, r), error);
}

} // namespace

ImportResult import_bundle(const ImportOptions& o) {
    ReleaseStore store(o.root);
    std::string error;
    // A read-only content folder (a remount after file system errors, a mistaken mount option)
    // is named as such rather than as whichever write happened to fail first.
    if (::access(o.root.c_str(), W_OK) != 0 && errno == EROFS)
        return refused("read_only", o.root.string() + " is on a read-only file system");
    if (!store.prepare(error)) return refused("io_error", error);
    auto stick = UntrustedDir::open((o.mount / o.bundle_folder).string(), error);
    if (!stick) {
        ImportResult none;
        none.outcome = ImportOutcome::NoBundle;
        none.message = "no folder \"" + o.bundle_folder + "\" on the stick";
        return none;
    }
    // An empty kiosk folder is how an organiser asks for the statistics alone: no import, no
    // refusal on screen.
    if (!stick->has_entry("manifest.json") && !stick->has_entry("deck.json")) {
        ImportResult none;
        none.outcome = ImportOutcome::NoBundle;
        none.message = "the folder \"" + o.bundle_folder + "\" holds no bundle";
        return none;
    }
    ImportResult r;
    set_status(store, "importing", r);
    const auto staging = store.new_staging(error);
    if (!staging) r = refused("io_error", error);
    const auto manifest =
        staging ? staged_manifest(*stick, *staging, o, store.last_sequence(), r) : std::nullopt;
    if (manifest && stage_files(*stick, *staging, *manifest, r) && check_deck(*staging, r)) {
        const ReleaseName name{r.sequence, r.manifest_sha256.substr(0, 16)};
        if (store.publish(*staging, name, o.releases_kept, error)) {
            r.outcome = ImportOutcome::Accepted;
            r.release = name.folder();
            r.message =
                std::to_string(r.slides) + " slides, sequence " + std::to_string(r.sequence);
        } else {
            r = refused("io_error", error);
        }
    }
    if (r.outcome != ImportOutcome::Accepted) store.prepare(error); // drop the staging copy
    set_status(store, r.outcome == ImportOutcome::Accepted ? "accepted" : "refused", r);
    return r;
}

std::string receipt_text(const ImportResult& r, std::time_t when) {
    char time_text[64];
    std::strftime(time_text, sizeof time_text, "%Y-%m-%d %H:%M:%S", std::localtime(&when));
    std::string out = "Kiosk import, " + std::string(time_text) + "\n";
    switch (r.outcome) {
    case ImportOutcome::Accepted:
        out += "ACCEPTED: " + std::to_string(r.slides) + " slides are now showing.\n";
        break;
    case ImportOutcome::Refused:
        out += "REFUSED: " + refusal_text(r.code) + "\n" + "Reason: " + r.message + "\n" +
               "The slides that were showing stay.\n";
        break;
    case ImportOutcome::NoBundle:
        out += "No content on this stick: " + r.message + "\n";
        break;
    }
    if (r.sequence) out += "Sequence: " + std::to_string(r.sequence) + "\n";
    if (!r.manifest_sha256.empty()) out += "Manifest SHA-256: " + r.manifest_sha256 + "\n";
    return out;
}

bool write_receipt(const fs::path& mount, const std::string& text, std::string& error) {
    const int dir = ::open(mount.c_str(), O_DIRECTORY | O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (dir < 0) return error = mount.string() + ": cannot open", false;
    UniqueFd dir_fd(dir);
    UniqueFd fd(::openat(dir, "kiosk-receipt.txt",
                         O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0644));
    if (!fd.valid()) return error = "cannot write kiosk-receipt.txt (read-only stick?)", false;
    const bool ok =
        ::write(fd.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::fsync(fd.get());
    if (!ok) error = "kiosk-receipt.txt: write failed (stick full?)";
    return ok;
}

std::string status_json(const std::string& state, const ImportResult& r) {
    nlohmann::json j{{"state", state},
                     {"code", r.code},
                     {"message", r.message},
                     {"slides", r.slides},
                     {"sequence", r.sequence},
                     {"release", r.release},
                     {"time", static_cast<long long>(std::time(nullptr))}};
    return j.dump() + "\n";
}

std::string refusal_text(const std::string& code) {
    static const std::map<std::string, std::string> texts{
        {"no_manifest", "er staat geen manifest.json in de map op de stick"},
        {"unsigned", "de inhoud is niet ondertekend"},
        {"bad_signature", "de handtekening klopt niet"},
        {"unknown_key", "ondertekend met een sleutel die deze kiosk niet kent"},
        {"replay", "deze versie is niet nieuwer dan wat de kiosk al toonde"},
        {"bad_manifest", "het manifest is ongeldig"},
        {"unsafe_file", "een bestand op de stick ontbreekt, is te groot of is onveilig"},
        {"file_mismatch", "een bestand is gewijzigd na het ondertekenen"},
        {"invalid_deck", "de dia's bevatten fouten"},
        {"io_error", "lezen of schrijven mislukte"},
        {"disk_full", "de kiosk heeft niet genoeg vrije schijfruimte"},
        {"read_only", "de inhoudsmap van de kiosk is alleen-lezen"},
    };
    const auto it = texts.find(code);
    return it == texts.end() ? "onbekende fout" : it->second;
}

} // namespace kiosk
