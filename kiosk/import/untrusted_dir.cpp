#include "import/untrusted_dir.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace kiosk {
namespace {

// A name is opened with path_flags first: that opens no device and never blocks on a FIFO.
constexpr int path_flags = O_PATH | O_NOFOLLOW | O_CLOEXEC;
// No O_NOFOLLOW here: /proc/self/fd/N is a magic link, and following it is the point.
constexpr int reopen_flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;

std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto slash = path.find('/', start);
        parts.emplace_back(path.substr(start, slash - start));
        if (slash == std::string_view::npos) return parts;
        start = slash + 1;
    }
}

// Defence in depth: the manifest was already checked, but this layer trusts nobody.
bool plain_relative(std::string_view path, std::string& error) {
    if (path.empty() || path.front() == '/')
        return error = std::string(path) + ": not a relative path", false;
    for (const auto& p : split(path))
        if (p.empty() || p == "." || p == "..")
            return error = std::string(path) + ": leaves the folder", false;
    return true;
}

std::string open_error(std::string_view path, int err) {
    const std::string name(path);
    switch (err) {
    case ELOOP:
        return name + ": is (or goes through) a symbolic link";
    case EXDEV:
        return name + ": leaves the folder";
    case ENOENT:
        return name + ": no such file";
    case ENOTDIR:
        return name + ": a folder in its path is not a folder";
    default:
        return name + ": " + std::strerror(err);
    }
}

// The errors of a stick that is gone or failing, as opposed to a file that is not what the
// manifest says (a path through a file, a name that leaves the folder).
bool stick_gone(int err) {
    return err == EIO || err == ENODEV || err == ENXIO || err == ENOMEDIUM || err == ESTALE;
}

// A write or fsync of the kiosk's copy failed (errno set): a full disk or a failing one.
bool write_failed(const std::string& name, CopyFailure& why, std::string& error) {
    const int err = errno; // the strings below may allocate
    const bool full = err == ENOSPC || err == EDQUOT;
    why = full ? CopyFailure::disk_full : CopyFailure::kiosk_write;
    error = name +
            ": cannot write the copy: " + (full ? "the kiosk's disk is full" : std::strerror(err));
    return false;
}

FileProblem problem_of_errno(int err) {
    return err == ENOENT  ? FileProblem::missing
           : err == ELOOP ? FileProblem::link
                          : FileProblem::unreadable;
}

FileProblem problem_of_mode(mode_t mode) {
    return S_ISREG(mode)                    ? FileProblem::none
           : S_ISLNK(mode)                  ? FileProblem::link
           : S_ISFIFO(mode)                 ? FileProblem::fifo
           : S_ISCHR(mode) || S_ISBLK(mode) ? FileProblem::device
           : S_ISDIR(mode)                  ? FileProblem::folder
                                            : FileProblem::other_type;
}

std::string type_error(std::string_view path, mode_t mode) {
    const char* what = S_ISLNK(mode)                    ? "is a symbolic link"
                       : S_ISFIFO(mode)                 ? "is a FIFO"
                       : S_ISCHR(mode) || S_ISBLK(mode) ? "is a device"
                       : S_ISDIR(mode)                  ? "is a directory"
                       : S_ISSOCK(mode)                 ? "is a socket"
                                                        : "is not a regular file";
    return std::string(path) + ": " + what;
}

// Only a regular file is opened for reading, and it must still be the inode that was checked.
UniqueFd reopen_regular(int path_fd, std::string_view path, std::string& error,
                        FileProblem& problem) {
    struct stat checked {};
    struct stat opened {};
    if (fstat(path_fd, &checked) != 0)
        return problem = FileProblem::unreadable, error = open_error(path, errno), UniqueFd();
    problem = problem_of_mode(checked.st_mode);
    if (problem != FileProblem::none) return error = type_error(path, checked.st_mode), UniqueFd();
    const std::string proc = "/proc/self/fd/" + std::to_string(path_fd);
    UniqueFd fd(::open(proc.c_str(), reopen_flags));
    if (!fd.valid()) {
        problem = FileProblem::unreadable;
        error = errno == ENOENT ? std::string(path) + ": not read: it can only be opened safely "
                                                      "through /proc/self/fd (is /proc mounted?)"
                                : open_error(path, errno);
        return UniqueFd();
    }
    if (fstat(fd.get(), &opened) != 0 || opened.st_dev != checked.st_dev ||
        opened.st_ino != checked.st_ino || !S_ISREG(opened.st_mode))
        return problem = FileProblem::unreadable,
               error = std::string(path) + ": changed while it was opened", UniqueFd();
    return fd;
}

int openat2_beneath(int dir, const std::string& path) {
    open_how how{};
    how.flags = path_flags;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
    return static_cast<int>(syscall(SYS_openat2, dir, path.c_str(), &how, sizeof how));
}

} // namespace

std::optional<UntrustedDir> UntrustedDir::open(const std::string& path, std::string& error) {
    UniqueFd fd(::open(path.c_str(), O_DIRECTORY | O_NOFOLLOW | O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd.valid()) {
        // O_DIRECTORY | O_NOFOLLOW on a symlink fails with ENOTDIR on Linux, not ELOOP.
        error = errno == ENOTDIR ? path + ": is a symbolic link or not a folder"
                                 : open_error(path, errno);
        return std::nullopt;
    }
    return UntrustedDir(std::move(fd));
}

UniqueFd open_beneath_walk(int dir_fd, std::string_view rel_path, std::string& error) {
    if (!plain_relative(rel_path, error)) return errno = EINVAL, UniqueFd();
    const auto parts = split(rel_path);
    struct stat root {};
    fstat(dir_fd, &root);
    UniqueFd current(::dup(dir_fd));
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        UniqueFd next(::openat(current.get(), parts[i].c_str(),
                               O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next.valid()) {
            const int err = errno;
            // A symlinked folder fails with ENOTDIR here (O_DIRECTORY | O_NOFOLLOW on Linux).
            error = err == ENOTDIR
                        ? std::string(rel_path) + ": is (or goes through) a symbolic link or a file"
                        : open_error(rel_path, err);
            return errno = err, UniqueFd();
        }
        current = std::move(next);
    }
    UniqueFd file(::openat(current.get(), parts.back().c_str(), path_flags));
    if (!file.valid()) {
        const int err = errno;
        return error = open_error(rel_path, err), errno = err, UniqueFd();
    }
    struct stat st {};
    // Like RESOLVE_NO_XDEV: nothing mounted below the stick's folder counts as on the stick.
    if (fstat(file.get(), &st) == 0 && st.st_dev != root.st_dev)
        return error = std::string(rel_path) + ": leaves the folder", errno = EXDEV, UniqueFd();
    return file;
}

UniqueFd UntrustedDir::open_file(std::string_view rel_path, std::string& error,
                                 FileProblem* problem) const {
    FileProblem ignored = FileProblem::none;
    FileProblem& why = problem ? *problem : ignored;
    why = FileProblem::unreadable;
    if (!plain_relative(rel_path, error)) return UniqueFd();
    UniqueFd path_fd(openat2_beneath(fd_.get(), std::string(rel_path)));
    int err = path_fd.valid() ? 0 : errno;
    if (err == ENOSYS) {
        path_fd = open_beneath_walk(fd_.get(), rel_path, error);
        err = path_fd.valid() ? 0 : errno;
    } else if (err) {
        error = open_error(rel_path, err);
    }
    if (!path_fd.valid()) return why = problem_of_errno(err), UniqueFd();
    return reopen_regular(path_fd.get(), rel_path, error, why);
}

std::optional<std::string> UntrustedDir::read_small(std::string_view rel_path,
                                                    std::size_t max_bytes, std::string& error,
                                                    FileProblem* problem) const {
    UniqueFd fd = open_file(rel_path, error, problem);
    if (!fd.valid()) return std::nullopt;
    std::string out;
    char buf[16 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            if (problem) *problem = FileProblem::unreadable;
            return error = open_error(rel_path, errno), std::nullopt;
        }
        if (n == 0) return out;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() <= max_bytes) continue;
        if (problem) *problem = FileProblem::too_large;
        return error =
                   std::string(rel_path) + ": larger than " + std::to_string(max_bytes) + " bytes",
               std::nullopt;
    }
}

bool UntrustedDir::has_entry(const std::string& name) const {
    struct stat st {};
    return ::fstatat(fd_.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

// A read interrupted by a signal is tried again; a stick that is briefly not ready (EAGAIN) is
// given half a second.
ssize_t read_retrying(int fd, char* buf, std::size_t want) {
    for (int again = 0;;) {
        const ssize_t n = ::read(fd, buf, want);
        if (n >= 0 || !(errno == EINTR || (errno == EAGAIN && ++again < 50))) return n;
        usleep(10000);
    }
}

bool UntrustedDir::copy_file(std::string_view rel_path, std::uint64_t expected_size, int dest_fd,
                             std::string& error, CopyFailure* failure) const {
    CopyFailure ignored = CopyFailure::none;
    CopyFailure& why = failure ? *failure : ignored;
    why = CopyFailure::bad_file;
    FileProblem problem = FileProblem::none;
    UniqueFd fd = open_file(rel_path, error, &problem);
    if (!fd.valid()) {
        if (problem == FileProblem::unreadable && stick_gone(errno)) why = CopyFailure::stick_read;
        return false;
    }
    const std::string name(rel_path);
    std::uint64_t copied = 0;
    char buf[64 * 1024];
    for (;;) {
        // Never ask for more than one byte past what the manifest promises.
        const std::uint64_t want = std::min<std::uint64_t>(sizeof buf, expected_size + 1 - copied);
        const ssize_t n = read_retrying(fd.get(), buf, want);
        if (n < 0) {
            const int err = errno;
            if (stick_gone(err)) why = CopyFailure::stick_read;
            return error = open_error(rel_path, err), false;
        }
        if (n == 0) break;
        copied += static_cast<std::uint64_t>(n);
        if (copied > expected_size)
            return error = name + ": is larger than the manifest says (more than " +
                           std::to_string(expected_size) + " bytes)",
                   false;
        if (::write(dest_fd, buf, static_cast<std::size_t>(n)) != n)
            return write_failed(name, why, error);
    }
    if (copied < expected_size)
        return error = name + ": is smaller than the manifest says (" + std::to_string(copied) +
                       " of " + std::to_string(expected_size) + " bytes)",
               false;
    if (::fsync(dest_fd) != 0) return write_failed(name, why, error);
    return why = CopyFailure::none, true;
}

UniqueFd create_below(int staging_dir_fd, std::string_view rel_path, std::string& error) {
    if (!plain_relative(rel_path, error)) return UniqueFd();
    const auto parts = split(rel_path);
    UniqueFd current(::dup(staging_dir_fd));
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (::mkdirat(current.get(), parts[i].c_str(), 0755) != 0 && errno != EEXIST)
            return error = std::string(rel_path) +
                           ": cannot create its folder: " + std::strerror(errno),
                   UniqueFd();
        UniqueFd next(::openat(current.get(), parts[i].c_str(),
                               O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next.valid()) return error = open_error(rel_path, errno), UniqueFd();
        current = std::move(next);
    }
    UniqueFd fd(::openat(current.get(), parts.back().c_str(),
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid())
        error = std::string(rel_path) + ": cannot create the copy: " + std::strerror(errno);
    return fd;
}

bool fsync_dir(int dir_fd, std::string& error) {
    if (::fsync(dir_fd) == 0) return true;
    error = std::string("cannot fsync a folder: ") + std::strerror(errno);
    return false;
}

bool fsync_path(const std::string& dir, std::string& error) {
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) return error = dir + ": " + std::strerror(errno), false;
    return fsync_dir(fd.get(), error);
}

} // namespace kiosk
