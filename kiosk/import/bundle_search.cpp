#include "import/bundle_search.h"

#include "import/fd.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <vector>

namespace kiosk {
namespace {

constexpr std::size_t max_entries = 256; // a stick full of files is not searched to the end

UniqueFd open_folder(int parent, const char* name) {
    return UniqueFd(::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

bool has_plain_entry(int dir, const char* name) {
    struct stat st {};
    return ::fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

bool holds_bundle(int dir) {
    return has_plain_entry(dir, "manifest.json") || has_plain_entry(dir, "deck.json");
}

// The real folders directly in dir (no links, no dot entries), at most max_entries of them.
std::vector<std::string> subfolders(int dir) {
    std::vector<std::string> out;
    UniqueFd copy(::dup(dir));
    DIR* d = copy.valid() ? ::fdopendir(copy.get()) : nullptr;
    if (!d) return out;
    copy.release(); // closedir closes it
    std::size_t seen = 0;
    while (const dirent* e = ::readdir(d)) {
        if (++seen > max_entries) break;
        const std::string name = e->d_name;
        struct stat st {};
        if (name == "." || name == ".." || ::fstatat(dir, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) out.push_back(name);
    }
    ::closedir(d);
    return out;
}

} // namespace

std::optional<std::string> find_misnamed_bundle(const std::filesystem::path& mount,
                                                const std::string& bundle_folder) {
    UniqueFd top(::open(mount.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!top.valid()) return std::nullopt;
    for (const auto& name : subfolders(top.get())) {
        if (name == bundle_folder) continue;
        UniqueFd folder = open_folder(top.get(), name.c_str());
        if (!folder.valid()) continue;
        if (holds_bundle(folder.get())) return name;
        UniqueFd inner = open_folder(folder.get(), bundle_folder.c_str());
        if (inner.valid() && holds_bundle(inner.get())) return name + "/" + bundle_folder;
    }
    return std::nullopt;
}

} // namespace kiosk
