#include "import/bundle_search.h"

#include "content/deck.h"
#include "import/fd.h"
#include "import/words.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <memory>
#include <vector>

namespace kiosk {
namespace fs = std::filesystem;
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

// No bundle folder is no import. A folder that cannot be opened, and a link in its place (never
// followed), are refused, not taken for absent: the organiser needs to hear why nothing happened.
ImportResult missing_bundle(const ImportOptions& o, const std::string& open_error) {
    const fs::path path = o.mount / o.bundle_folder;
    struct stat st {};
    const bool exists = ::lstat(path.c_str(), &st) == 0;
    if (exists && S_ISLNK(st.st_mode)) {
        ImportResult r =
            refused(ImportCode::bundle_link, path.string() + ": is a symbolic link (not followed)");
        r.details.push_back(
            fill_template(receipt_words.folder_is_link, {{"folder", o.bundle_folder}}));
        return r;
    }
    if (exists && S_ISDIR(st.st_mode)) // there, but unreadable: a stick going bad, not "none"
        return refused(ImportCode::stick_read_error, open_error);
    if (const auto other = exists ? std::nullopt : find_misnamed_bundle(o.mount, o.bundle_folder)) {
        ImportResult r =
            refused(ImportCode::misnamed_bundle,
                    "no folder \"" + o.bundle_folder + "\", but \"" + *other + "\" holds a bundle");
        // The name found on the stick goes in last: its text is never read as a {name}.
        r.details.push_back(fill_template(receipt_words.misnamed_folder,
                                          {{"folder", o.bundle_folder}, {"found", *other}}));
        return r;
    }
    ImportResult none;
    none.outcome = ImportOutcome::NoBundle;
    none.code = ImportCode::no_bundle_folder;
    none.message = exists ? "\"" + o.bundle_folder + "\" on the stick is not a folder"
                          : "no folder \"" + o.bundle_folder + "\" on the stick";
    return none;
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

std::optional<UntrustedDir> open_bundle(const ImportOptions& o, ImportResult& none) {
    none.outcome = ImportOutcome::NoBundle;
    std::string error;
    auto stick = UntrustedDir::open((o.mount / o.bundle_folder).string(), error);
    if (!stick) {
        none = missing_bundle(o, error);
        return std::nullopt;
    }
    // An empty kiosk folder is how an organiser asks for the statistics alone: no import, no
    // refusal on screen.
    if (!stick->has_entry("manifest.json") && !stick->has_entry("deck.json")) {
        none.code = ImportCode::empty_bundle;
        none.message = "the folder \"" + o.bundle_folder + "\" holds no bundle";
        return std::nullopt;
    }
    return stick;
}

} // namespace kiosk
