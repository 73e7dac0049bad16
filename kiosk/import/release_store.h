#pragma once
// The kiosk's own copy of imported content, laid out so that a power cut at any moment leaves
// either the old release or the new one on screen, never half of one:
//
//   ROOT/releases/<seq>-<hash>/   complete, read-only releases (the last few are kept)
//   ROOT/current -> releases/...  switched by rename(2), which is atomic
//   ROOT/staging/<id>/            imports in progress; leftovers are removed on the next run
//   ROOT/state/last-seq           the highest sequence number ever accepted (replay guard)
//   ROOT/state/import.lock        held by the one import running (import/import_lock.h)
//   ROOT/import-status.json       what the last import did, for the running kiosk to show
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct ReleaseName {
    std::uint64_t sequence = 0;
    std::string hash; // first 16 hex digits of the manifest's SHA-256
    std::string folder() const;
    static std::optional<ReleaseName> parse(const std::string& folder);
};

class ReleaseStore {
  public:
    explicit ReleaseStore(std::filesystem::path root);

    // Creates the folders if needed and removes what an interrupted import left behind: staging
    // folders, releases newer than `current`, temporary files. Call it only with the ImportLock
    // held (import/import_lock.h): another import's work in progress looks just the same.
    bool prepare(std::string& error);
    // A fresh, empty staging folder for one import.
    std::optional<std::filesystem::path> new_staging(std::string& error);
    // The highest sequence accepted so far: the replay guard. The state file and the current
    // release's name are both consulted, so losing either does not reopen old bundles.
    std::uint64_t last_sequence() const;
    // Makes a verified staging folder the current release: read-only, renamed into releases/,
    // `current` switched by an atomic rename, every step fsynced; then prunes old releases.
    bool publish(const std::filesystem::path& staging, const ReleaseName& name, int keep,
                 std::string& error);

    // The release `current` points to, and every complete release, newest first.
    std::optional<std::filesystem::path> current() const;
    std::vector<std::filesystem::path> releases() const;
    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path status_file() const { return root_ / "import-status.json"; }
    std::filesystem::path last_sequence_file() const { return root_ / "state" / "last-seq"; }

  private:
    void remove_unswitched_releases();
    void prune(int keep);
    bool write_last_sequence(std::uint64_t seq, std::string& error);

    std::filesystem::path root_;
};

// The whole of a small local file (a status file, a manifest); empty when it cannot be read.
std::string read_file(const std::filesystem::path& file);

// Writes a file so that readers see the old or the new content, never a mix: a temporary file in
// the same folder, fsynced, renamed over the target, the folder fsynced.
bool write_file_atomically(const std::filesystem::path& file, const std::string& content,
                           std::string& error);

} // namespace kiosk
