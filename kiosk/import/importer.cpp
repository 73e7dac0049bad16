#include "import/importer.h"

#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "bundle/sha256.h"
#include "content/deck.h"
#include "content/diagnostics.h"
#include "import/bundle_search.h"
#include "import/deck_check.h"
#include "import/import_lock.h"
#include "import/release_store.h"
#include "import/untrusted_dir.h"
#include "import/words.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

// The two small files read whole from the stick. Only a missing one gets `missing`: a FIFO, a
// link or an oversized file is named as what it is, never as absent.
struct StickFile {
    const char* name;
    ImportCode missing;
    ImportCode too_large;
    ImportCode not_file;
    std::size_t max_bytes;
};
constexpr StickFile manifest_file{"manifest.json", ImportCode::no_manifest,
                                  ImportCode::manifest_too_large, ImportCode::manifest_not_file,
                                  max_manifest_text_bytes};
constexpr StickFile signature_file{"manifest.json.minisig", ImportCode::unsigned_bundle,
                                   ImportCode::signature_too_large, ImportCode::signature_not_file,
                                   max_signature_file_bytes};

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

ImportResult read_refusal(const StickFile& f, FileProblem p, const std::string& error,
                          const std::string& folder) {
    const ImportCode code = p == FileProblem::missing      ? f.missing
                            : p == FileProblem::too_large  ? f.too_large
                            : p == FileProblem::unreadable ? ImportCode::stick_read_error
                                                           : f.not_file;
    const bool unsigned_bundle = code == ImportCode::unsigned_bundle;
    ImportResult r = refused(code, unsigned_bundle ? "no signature: " + error : error);
    if (const char* kind = file_kind_text(p))
        r.details.push_back(fill_template(receipt_words.not_plain_file,
                                          {{"kind", kind}, {"file", folder + "/" + f.name}}));
    return r;
}

enum class Staged { ok, absent, refused };

// One small file copied from the stick into staging and read back from the copy. A missing
// file is `absent` with its refusal in r, for the caller to judge; anything else is refused.
Staged stage_small(const UntrustedDir& stick, const fs::path& staging, const StickFile& f,
                   const std::string& folder, std::string& text, ImportResult& r) {
    std::string error;
    FileProblem problem = FileProblem::none;
    const auto bytes = stick.read_small(f.name, f.max_bytes, error, &problem);
    if (!bytes)
        return r = read_refusal(f, problem, error, folder),
               problem == FileProblem::missing ? Staged::absent : Staged::refused;
    if (!write_staged(staging, f.name, *bytes, error))
        return r = refused(ImportCode::io_error, error), Staged::refused;
    const auto copy = read_staged(staging / f.name);
    if (!copy)
        return r = refused(ImportCode::io_error, "cannot read back " + std::string(f.name)),
               Staged::refused;
    text = *copy;
    return Staged::ok;
}

// A bundle signed with a sequence number already used is refused, but its other checks still
// run: an organiser who reused a number and also edited the deck after signing learns both at
// once, not one per trip to the kiosk.
enum class Signed { ok, refused, replayed };

// Sets r.sequence from a good signature by a trusted key, newer than last_seq; else refuses.
Signed signed_sequence(const std::string& manifest, const std::string& sig,
                       const ImportOptions& o, std::uint64_t last_seq, ImportResult& r) {
    const auto v = verify_minisign(manifest, sig, parse_keys(o.trusted_keys));
    if (!v.ok) {
        const bool stranger = v.failure == SignatureError::untrusted_key;
        r = refused(stranger ? ImportCode::unknown_key : ImportCode::bad_signature, v.error);
        return Signed::refused;
    }
    const auto seq = sequence_from_comment(v.ok->trusted_comment);
    if (!seq) {
        r = refused(ImportCode::no_sequence, "the signature's trusted comment has no valid "
                                             "\"seq=N\" (sign with -t \"kiosk-bundle seq=N\")");
        return Signed::refused;
    }
    r.sequence = *seq;
    if (*seq > last_seq) return Signed::ok;
    r = refused(ImportCode::replay,
                "sequence " + std::to_string(*seq) + " is not newer than " +
                    std::to_string(last_seq));
    return Signed::replayed;
}

// held: a refusal that lets the other checks run (a replayed sequence), for the caller to report
// with whatever else they find.
std::optional<Manifest> signed_manifest(const UntrustedDir& stick, const fs::path& staging,
                                        const ImportOptions& o, std::uint64_t last_seq,
                                        ImportResult& r, std::optional<ImportResult>& held) {
    std::string manifest, sig;
    if (stage_small(stick, staging, manifest_file, o.bundle_folder, manifest, r) != Staged::ok)
        return std::nullopt;
    // A missing signature is a refusal only where one is required.
    ImportResult sig_refusal;
    const Staged signature =
        stage_small(stick, staging, signature_file, o.bundle_folder, sig, sig_refusal);
    if (signature == Staged::refused || (signature == Staged::absent && o.require_signature))
        return r = sig_refusal, std::nullopt;
    r.manifest_sha256 = sha256_hex(manifest);
    if (signature == Staged::absent) {
        r.sequence = last_seq + 1; // unsigned bundles are allowed only in a development setup
    } else if (const Signed s = signed_sequence(manifest, sig, o, last_seq, r);
               s == Signed::refused) {
        return std::nullopt;
    } else if (s == Signed::replayed) {
        held = std::move(r);
        r = ImportResult{};
        r.manifest_sha256 = sha256_hex(manifest);
    }
    std::string error;
    auto parsed = parse_manifest(manifest, error);
    if (!parsed) return r = refused(ImportCode::bad_manifest, error), std::nullopt;
    return parsed;
}

// Stage 1: the signed manifest, copied then checked on the copy. Sets sequence on success.
std::optional<Manifest> staged_manifest(const UntrustedDir& stick, const fs::path& staging,
                                        const ImportOptions& o, std::uint64_t last_seq,
                                        ImportResult& r, std::optional<ImportResult>& held) {
    auto manifest = signed_manifest(stick, staging, o, last_seq, r, held);
    r.last_sequence = last_seq; // the receipt's advice names the next number to sign with
    if (held) held->last_sequence = last_seq;
    return manifest;
}

// The held refusal stands; what the later checks refused is listed under it ("Ook: ..."). The
// later checks start from a result without a code, so a code means one of them refused.
ImportResult also_refused(ImportResult first, const ImportResult& later) {
    if (later.code == ImportCode::none) return first;
    first.details.push_back(
        fill_template(receipt_words.also_refused, {{"reason", refusal_text(later.code)}}));
    first.details.insert(first.details.end(), later.details.begin(), later.details.end());
    first.message += "; also: " + later.message;
    return first;
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
    r = refused(ImportCode::disk_full, "the bundle needs " + mb(needed) +
                                           " and the kiosk's disk has " + mb(free_bytes) + " free");
    return false;
}

bool stopped(const ImportOptions& o) {
    return o.stop && o.stop->load();
}

ImportResult interrupted() {
    return refused(ImportCode::interrupted,
                   "the import was stopped before it was complete (the stick was "
                   "pulled out, or the kiosk is shutting down)");
}

bool symptom_of_a_pulled_stick(ImportCode code) {
    using C = ImportCode;
    return code == C::stick_read_error || code == C::unsafe_file || code == C::no_manifest ||
           code == C::file_mismatch || code == C::interrupted;
}

ImportCode copy_refusal(CopyFailure failure) {
    switch (failure) {
    case CopyFailure::stick_read:
        return ImportCode::stick_read_error;
    case CopyFailure::disk_full:
        return ImportCode::disk_full;
    case CopyFailure::kiosk_write:
        return ImportCode::io_error;
    default:
        return ImportCode::unsafe_file;
    }
}

std::string named_file(const std::string& folder, const std::string& path) {
    return fill_template(receipt_words.named_file, {{"file", folder + "/" + path}});
}

// Stage 2: every listed file copied with its exact size, then hashed on the copy.
bool stage_files(const UntrustedDir& stick, const fs::path& staging, const Manifest& m,
                 const ImportOptions& o, ImportResult& r) {
    const std::string& folder = o.bundle_folder;
    const int dir = ::open(staging.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    UniqueFd staging_fd(dir);
    std::string error;
    if (!enough_space(staging, m, r)) return false;
    for (const auto& f : m.files) {
        if (stopped(o)) return r = interrupted(), false;
        UniqueFd out = create_below(staging_fd.get(), f.path, error);
        if (!out.valid()) return r = refused(ImportCode::io_error, error), false;
        CopyFailure failure = CopyFailure::none;
        if (stick.copy_file(f.path, f.size, out.get(), error, &failure)) continue;
        r = refused(copy_refusal(failure), error);
        if (failure == CopyFailure::bad_file || failure == CopyFailure::stick_read)
            r.details.push_back(named_file(folder, f.path));
        return false;
    }
    for (const auto& f : m.files) {
        if (stopped(o)) return r = interrupted(), false;
        if (sha256_file((staging / f.path).string()) != f.sha256) {
            r = refused(ImportCode::file_mismatch,
                        f.path + ": its SHA-256 differs from the manifest's");
            r.details.push_back(named_file(folder, f.path));
            return false;
        }
    }
    if (!fsync_path(staging.string(), error))
        return r = refused(ImportCode::io_error, error), false;
    return true;
}

void set_status(const ReleaseStore& store, const std::string& state, const ImportResult& r) {
    std::string error;
    write_file_atomically(store.status_file(), status_json(state, r), error);
}

// Stage 4: the checked copy becomes the kiosk's current release.
void publish(ReleaseStore& store, const fs::path& staging, const ImportOptions& o,
             ImportResult& r) {
    std::string error;
    const ReleaseName name{r.sequence, r.manifest_sha256.substr(0, 16)};
    if (!store.publish(staging, name, o.releases_kept, error)) {
        r = refused(ImportCode::io_error, error);
        return;
    }
    r.outcome = ImportOutcome::Accepted;
    r.release = name.folder();
    r.message = std::to_string(r.slides) + " slides, sequence " + std::to_string(r.sequence);
}

// Everything that touches the content root, with the import lock held: the clean-up then removes
// only what killed imports left, and the sequence is judged against a last-seq that no other
// import can move before this one has published.
ImportResult import_locked(ReleaseStore& store, const UntrustedDir& stick, const ImportOptions& o) {
    std::string error;
    if (!store.prepare(error)) return refused(ImportCode::io_error, error);
    ImportResult r;
    set_status(store, "importing", r);
    const auto staging = store.new_staging(error);
    if (!staging) r = refused(ImportCode::io_error, error);
    std::optional<ImportResult> held; // a replayed sequence: the other checks still run
    const auto manifest = staging
                              ? staged_manifest(stick, *staging, o, store.last_sequence(), r, held)
                              : std::nullopt;
    const bool sound = manifest && stage_files(stick, *staging, *manifest, o, r) &&
                       check_deck(*staging, o.bundle_folder, r);
    if (held)
        r = also_refused(std::move(*held), r);
    else if (sound)
        publish(store, *staging, o, r);
    // A stop request (the stick pulled out) explains the read errors and missing files that
    // came with it; a refusal on the bundle's own merits (a signature, a sequence) stands.
    if (r.outcome != ImportOutcome::Accepted && stopped(o) && symptom_of_a_pulled_stick(r.code))
        r = interrupted();
    if (r.outcome != ImportOutcome::Accepted) store.prepare(error); // drop the staging copy
    set_status(store, r.outcome == ImportOutcome::Accepted ? "accepted" : "refused", r);
    return r;
}

// A stick refused before any import began (a misnamed or linked folder) is still said on
// screen, through the status file, which is written under the lock like any other.
ImportResult refuse_on_screen(const ImportOptions& o, ImportResult r) {
    const ImportLock lock(o.root, o.lock_wait, o.stop);
    if (lock.held()) set_status(ReleaseStore(o.root), "refused", r);
    return r;
}

} // namespace

ImportResult import_bundle(const ImportOptions& o) {
    // A read-only content folder (a remount after file system errors, a mistaken mount option)
    // is named as such rather than as whichever write happened to fail first.
    if (::access(o.root.c_str(), W_OK) != 0 && errno == EROFS)
        return refused(ImportCode::read_only, o.root.string() + " is on a read-only file system");
    ImportResult none;
    const auto stick = open_bundle(o, none);
    if (!stick && none.outcome == ImportOutcome::Refused) return refuse_on_screen(o, none);
    if (!stick) return none;
    // Taken only once there is a bundle: a statistics-only stick never waits for another import.
    const ImportLock lock(o.root, o.lock_wait, o.stop);
    if (!lock.held() && stopped(o)) return interrupted();
    if (!lock.held())
        return refused(lock.busy() ? ImportCode::busy : ImportCode::io_error, lock.error());
    ReleaseStore store(o.root);
    return import_locked(store, *stick, o);
}

ImportResult refused(ImportCode code, std::string message) {
    ImportResult r;
    r.outcome = ImportOutcome::Refused;
    r.code = code;
    r.message = std::move(message);
    return r;
}

std::string status_json(const std::string& state, const ImportResult& r) {
    nlohmann::json j{
        {"state", state},         {"code", std::string(code_name(r.code))},
        {"message", r.message},   {"slides", r.slides},
        {"sequence", r.sequence}, {"release", r.release},
        {"details", r.details},   {"time", static_cast<long long>(std::time(nullptr))}};
    return j.dump() + "\n";
}

} // namespace kiosk
