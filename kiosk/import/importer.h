#pragma once
// Takes a bundle from a mounted stick into a new release, or refuses it with a reason. The stick
// is read as hostile (import/untrusted_dir.h); everything is checked on the kiosk's own copy in
// staging, never on the stick, which could return different bytes when read twice.
#include "import/import_code.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ImportOptions {
    std::filesystem::path mount;         // where the stick is mounted
    std::string bundle_folder = "kiosk"; // the bundle's folder on it
    std::filesystem::path root;          // the kiosk's content root (import/release_store.h)
    std::vector<std::string> trusted_keys;
    bool require_signature = true;
    int releases_kept = 3;
    // How long to wait for another import into the same root (import/import_lock.h) before
    // refusing as "busy": about what a full 256 MiB bundle takes from a slow stick, well inside
    // the ten minutes the import service is given.
    std::chrono::milliseconds lock_wait = std::chrono::minutes(5);
    // Set (from a signal handler: SIGTERM when the stick is pulled out and systemd stops the
    // import service, or at shutdown) to give up while waiting for the lock or between files:
    // refused as "interrupted". A stop after the last file is checked lets the release publish.
    const std::atomic<bool>* stop = nullptr;
};

enum class ImportOutcome { NoBundle, Accepted, Refused };

struct ImportResult {
    ImportOutcome outcome = ImportOutcome::Refused;
    ImportCode code = ImportCode::none; // why it was refused, or why there was no bundle
    std::string message;                // the details, for the receipt and the log
    int slides = 0;
    std::uint64_t sequence = 0;
    std::string manifest_sha256;
    std::string release; // the new release's folder name
    // For the receipt's advice: the kiosk's last accepted sequence when the import began.
    std::uint64_t last_sequence = 0;
    // For the receipt: places on the stick ("kiosk/deck.json:1:14: …") and what is wrong there.
    std::vector<std::string> details;
};

ImportResult import_bundle(const ImportOptions& options);
// A refusal with its reason and English message, as each step of the import makes one.
ImportResult refused(ImportCode code, std::string message);


// The status file the running kiosk watches: importing, then accepted or refused with a reason.
std::string status_json(const std::string& state, const ImportResult& result);

// A refusal reason in Dutch, for the receipt and the screen (import/words.h); "onbekende fout"
// for a code that is no refusal, and for a name in the status file that this kiosk does not know.
std::string refusal_text(ImportCode code);
std::string refusal_text(std::string_view code);

} // namespace kiosk
