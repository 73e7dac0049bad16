#pragma once
// One import at a time per content root. The deployment starts one importer per block device, so
// two sticks, or one stick with two FAT partitions, import at the same moment; the store's
// clean-up would then delete the other import's staging folder or its release between publish and
// switch, and both would judge their sequence against a `last-seq` about to change. An flock(2)
// on ROOT/state/import.lock, held from before the clean-up until the status file is written,
// makes the second importer wait. The kernel drops the lock when its holder dies, so a pulled
// stick or a killed importer never leaves it stuck. The file sits in state/, not in ROOT, which
// the running kiosk watches.
#include "import/fd.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>

namespace kiosk {

class ImportLock {
  public:
    // Takes the lock, polling for up to `wait` while another import holds it, and giving up at
    // once when `stop` is set (the import service is being stopped: its stick pulled out).
    ImportLock(const std::filesystem::path& root, std::chrono::milliseconds wait,
               const std::atomic<bool>* stop = nullptr);

    bool held() const { return fd_.valid(); }
    // Not held because another import kept it for the whole wait (rather than an I/O error).
    bool busy() const { return busy_; }
    // Why it is not held.
    const std::string& error() const { return error_; }

    static std::filesystem::path file(const std::filesystem::path& root) {
        return root / "state" / "import.lock";
    }

  private:
    UniqueFd fd_; // closing it releases the lock
    bool busy_ = false;
    std::string error_;
};

} // namespace kiosk
