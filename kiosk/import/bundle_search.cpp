#include "import/bundle_search.h"

#include "import/fd.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <memory>
#include <vector>

namespace kiosk {
namespace {

constexpr std::size_t max_entries = 256; // a stick full of files is not searched to the end

UniqueFd open_folder(int parent, const char* name) {
    return UniqueFd(::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

// As the importer judges a bundle folder (import_bundle): a manifest.json or deck.json of any
// kind; what it is exactly is for the import to say.
bool holds_bundle(int dir) {
    struct stat st {};
    return ::fstatat(dir, "manifest.json", &st, AT_SYMLINK_NOFOLLOW) == 0 ||
           ::fstatat(dir, "deck.json", &st, AT_SYMLINK_NOFOLLOW) == 0;
}

// The real folders directly in dir (no links, no dot entries), at most max_entries of them.
std::vector<std::string> subfolders(int dir) {
    std::vector<std::string> out;
    UniqueFd copy(::dup(dir));
    std::unique_ptr<DIR, int (*)(DIR*)> d(copy.valid() ? ::fdopendir(copy.get()) : nullptr,
                                          ::closedir);
    if (!d) return out;
    copy.release(); // closedir closes it
    std::size_t seen = 0;
    while (const dirent* e = ::readdir(d.get())) {
        if (++seen > max_entries) break;
        const std::string name = e->d_name;
        struct stat st {};
        if (name == "." || name == ".." || ::fstatat(dir, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) out.push_back(name);
    }
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
