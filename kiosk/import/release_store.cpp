#include "import/release_store.h"

#include "import/untrusted_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <random>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

bool fail(std::string& error, std::string message) {
    error = std::move(message);
    return false;
}

// Read-only, so nothing (including the kiosk) changes a release after it was verified.
void make_read_only(const fs::path& dir) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_symlink(ec)) continue;
        const bool folder = it->is_directory(ec);
        fs::permissions(it->path(), folder ? fs::perms(0555) : fs::perms(0444), ec);
    }
    fs::permissions(dir, fs::perms(0555), ec);
}

void remove_tree(const fs::path& dir) {
    std::error_code ec;
    // Folders were made read-only; their owner may make them writable again to delete them.
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (!it->is_symlink(ec) && it->is_directory(ec))
            fs::permissions(it->path(), fs::perms(0755), ec);
    fs::permissions(dir, fs::perms(0755), ec);
    fs::remove_all(dir, ec);
}

// The link `current` is switched by renaming one of these over it.
constexpr const char* current_tmp_prefix = "current.tmp-";

// The prefix of write_file_atomically's temporary file for `file`, also how prepare() finds
// the ones a killed import left behind.
std::string tmp_prefix(const fs::path& file) {
    return "." + file.filename().string() + ".tmp-";
}

void remove_prefixed(const fs::path& dir, const std::vector<std::string>& prefixes) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        for (const auto& prefix : prefixes)
            if (name.rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);
    }
}

std::string random_id() {
    std::random_device rd;
    char text[24];
    std::snprintf(text, sizeof text, "%d-%08x", static_cast<int>(getpid()), rd());
    return text;
}

} // namespace

std::string ReleaseName::folder() const {
    return std::to_string(sequence) + "-" + hash;
}

std::optional<ReleaseName> ReleaseName::parse(const std::string& folder) {
    const auto dash = folder.find('-');
    if (dash == std::string::npos || dash == 0) return std::nullopt;
    ReleaseName n;
    const auto r = std::from_chars(folder.data(), folder.data() + dash, n.sequence);
    if (r.ec != std::errc{} || r.ptr != folder.data() + dash || n.sequence == 0)
        return std::nullopt;
    n.hash = folder.substr(dash + 1);
    if (n.hash.empty() || n.hash.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::nullopt;
    return n;
}

ReleaseStore::ReleaseStore(fs::path root) : root_(std::move(root)) {}

bool ReleaseStore::prepare(std::string& error) {
    std::error_code ec;
    for (const char* sub : {"releases", "staging", "state"}) {
        fs::create_directories(root_ / sub, ec);
        if (ec) return fail(error, (root_ / sub).string() + ": " + ec.message());
    }
    for (const auto& entry : fs::directory_iterator(root_ / "staging", ec))
        remove_tree(entry.path());
    remove_unswitched_releases();
    remove_prefixed(root_, {current_tmp_prefix, tmp_prefix(status_file())});
    remove_prefixed(root_ / "state", {tmp_prefix(last_sequence_file())});
    return true;
}

// A release renamed into place whose switch never happened: newer than current, not shown.
void ReleaseStore::remove_unswitched_releases() {
    const auto cur = current();
    const auto cur_name = cur ? ReleaseName::parse(cur->filename().string()) : std::nullopt;
    for (const auto& release : releases()) {
        const auto n = ReleaseName::parse(release.filename().string());
        if (n && cur_name && n->sequence > cur_name->sequence) remove_tree(release);
    }
}

std::optional<fs::path> ReleaseStore::new_staging(std::string& error) {
    const fs::path dir = root_ / "staging" / random_id();
    std::error_code ec;
    if (!fs::create_directory(dir, ec)) {
        error = dir.string() + ": " + (ec ? ec.message() : "exists");
        return std::nullopt;
    }
    return dir;
}

std::optional<fs::path> ReleaseStore::current() const {
    std::error_code ec;
    const fs::path link = root_ / "current";
    if (!fs::is_symlink(link, ec)) return std::nullopt;
    const fs::path target = fs::read_symlink(link, ec);
    if (ec) return std::nullopt;
    const fs::path resolved = target.is_absolute() ? target : root_ / target;
    if (!fs::is_directory(resolved, ec)) return std::nullopt;
    return resolved;
}

std::vector<fs::path> ReleaseStore::releases() const {
    std::vector<std::pair<std::uint64_t, fs::path>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / "releases", ec))
        if (auto n = ReleaseName::parse(entry.path().filename().string());
            n && entry.is_directory(ec))
            found.emplace_back(n->sequence, entry.path());
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<fs::path> out;
    for (auto& f : found)
        out.push_back(std::move(f.second));
    return out;
}

std::uint64_t ReleaseStore::last_sequence() const {
    std::uint64_t seq = 0;
    std::ifstream in(last_sequence_file());
    in >> seq;
    if (const auto cur = current())
        if (auto n = ReleaseName::parse(cur->filename().string())) seq = std::max(seq, n->sequence);
    return seq;
}

bool ReleaseStore::write_last_sequence(std::uint64_t seq, std::string& error) {
    return write_file_atomically(last_sequence_file(), std::to_string(seq) + "\n", error);
}

bool ReleaseStore::publish(const fs::path& staging, const ReleaseName& name, int keep,
                           std::string& error) {
    make_read_only(staging);
    const fs::path release = root_ / "releases" / name.folder();
    std::error_code ec;
    if (fs::exists(release, ec))
        remove_tree(release); // the same bundle again after a failed switch
    fs::rename(staging, release, ec);
    if (ec) return fail(error, "cannot move the release into place: " + ec.message());
    if (!fsync_path((root_ / "releases").string(), error)) return false;
    const fs::path tmp = root_ / (current_tmp_prefix + random_id());
    fs::create_symlink(fs::path("releases") / name.folder(), tmp, ec);
    if (ec) return fail(error, "cannot make the current link: " + ec.message());
    fs::rename(tmp, root_ / "current", ec); // atomic: readers see the old or the new release
    if (ec) return fail(error, "cannot switch the current link: " + ec.message());
    if (!fsync_path(root_.string(), error)) return false;
    if (!write_last_sequence(name.sequence, error)) return false;
    prune(keep);
    return true;
}

void ReleaseStore::prune(int keep) {
    const auto cur = current();
    int kept = 0;
    for (const auto& release : releases()) {
        const bool is_current = cur && fs::equivalent(release, *cur);
        if (is_current || kept < keep - 1) {
            kept += is_current ? 0 : 1;
            continue;
        }
        remove_tree(release);
    }
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool write_file_atomically(const fs::path& file, const std::string& content, std::string& error) {
    const fs::path tmp = file.parent_path() / (tmp_prefix(file) + random_id());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return fail(error, tmp.string() + ": " + std::strerror(errno));
    const bool written =
        ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (!written || !synced) {
        fs::remove(tmp, ec);
        return fail(error, file.string() + ": cannot write (disk full?)");
    }
    fs::rename(tmp, file, ec);
    if (ec) return fail(error, file.string() + ": " + ec.message());
    return fsync_path(file.parent_path().string(), error);
}

} // namespace kiosk
