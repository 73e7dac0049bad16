#include "import/import_lock.h"

#include <fcntl.h>
#include <sys/file.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

// Short enough that a waiting import starts soon after the other ends, long enough to cost nothing.
constexpr std::chrono::milliseconds poll_interval{50};

std::string seconds_text(std::chrono::milliseconds wait) {
    return std::to_string((wait.count() + 999) / 1000) + " s";
}

} // namespace

ImportLock::ImportLock(const fs::path& root, std::chrono::milliseconds wait,
                       const std::atomic<bool>* stop) {
    std::error_code ec;
    fs::create_directories(file(root).parent_path(), ec);
    if (ec) {
        error_ = file(root).parent_path().string() + ": " + ec.message();
        return;
    }
    // Read-only is enough for flock, and closing a read-only file wakes no inotify watcher.
    UniqueFd fd(::open(file(root).c_str(), O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (!fd.valid()) {
        error_ = file(root).string() + ": " + std::strerror(errno);
        return;
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            error_ = file(root).string() + ": cannot lock: " + std::strerror(errno);
            return;
        }
        if (stop && stop->load()) {
            error_ = "stopped while another import into " + root.string() + " was running";
            return;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            busy_ = true;
            error_ = "another import into " + root.string() + " was still running after " +
                     seconds_text(wait);
            return;
        }
        std::this_thread::sleep_for(poll_interval);
    }
    fd_ = std::move(fd);
}

} // namespace kiosk
