#pragma once
// Reading a folder on a USB stick that may be hostile: every file is opened relative to the
// folder, never through a symbolic link or out of the folder, and only once it is known to be a
// regular file (a name is first opened with O_PATH, which runs no device driver and never blocks
// on a FIFO); sizes are counted while reading, never taken from the stick.
#include "import/fd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// What kept a file from being read, so that a message can name the real problem.
enum class FileProblem {
    none,
    missing,
    too_large,
    link,
    fifo,
    device,
    folder,
    other_type,
    unreadable
};

// Why a copy from the stick failed, for the organiser's next step: the file on the stick is not
// what the manifest says (or not a plain file), the stick could not be read (pulled out during
// the copy, a failing stick), or the kiosk's own disk is full or failing.
enum class CopyFailure { none, bad_file, stick_read, disk_full, kiosk_write };

class UntrustedDir {
  public:
    // The folder itself must not be a symlink either.
    static std::optional<UntrustedDir> open(const std::string& path, std::string& error);

    // A regular file below the folder, open for reading: the name is opened with O_PATH by
    // openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS …), or a component-by-component O_NOFOLLOW
    // walk where the kernel lacks openat2; only a regular file is then reopened through
    // /proc/self/fd (and refused, with a message, where /proc is missing).
    UniqueFd open_file(std::string_view rel_path, std::string& error,
                       FileProblem* problem = nullptr) const;
    // Whether a name exists directly in the folder (of any type; nothing is opened).
    bool has_entry(const std::string& name) const;
    // A small file whole, refusing more than max_bytes (by reading one byte more, not by stat).
    std::optional<std::string> read_small(std::string_view rel_path, std::size_t max_bytes,
                                          std::string& error, FileProblem* problem = nullptr) const;
    // Copies exactly expected_size bytes into dest_fd, then fsyncs it; more or fewer is an error.
    // failure, when given, says whose fault a failed copy is (see CopyFailure).
    bool copy_file(std::string_view rel_path, std::uint64_t expected_size, int dest_fd,
                   std::string& error, CopyFailure* failure = nullptr) const;
    int fd() const { return fd_.get(); }

  private:
    explicit UntrustedDir(UniqueFd fd) : fd_(std::move(fd)) {}
    UniqueFd fd_;
};

// The fallback walk, on its own so tests can exercise it on any kernel. Returns an O_PATH
// descriptor of whatever the last name is (a symlink itself included), for fstat only; errno
// tells why on failure.
UniqueFd open_beneath_walk(int dir_fd, std::string_view rel_path, std::string& error);

// A new file for writing below a local staging folder (parents created, no symlinks followed).
UniqueFd create_below(int staging_dir_fd, std::string_view rel_path, std::string& error);
bool fsync_dir(int dir_fd, std::string& error);
bool fsync_path(const std::string& dir, std::string& error);

} // namespace kiosk
