// --bundle: turns an author's content folder into a bundle for a USB stick: checks the deck,
// lists every file with its size and SHA-256 in manifest.json, and prints the minisign command
// that signs it. Also the bundle part of --check: hashes and signature as the kiosk will see them.
#include "commands/bundle_command.h"

#include "bundle/manifest.h"
#include "bundle/minisign.h"
#include "bundle/sha256.h"
#include "content/loader.h"
#include "import/release_store.h"

#include <fstream>
#include <iostream>

namespace kiosk {
namespace fs = std::filesystem;

namespace {

bool skipped(const std::string& rel) {
    return rel == "manifest.json" || rel == "manifest.json.minisig" || rel == "kiosk-receipt.txt";
}

// Files an author's folder collects that the kiosk never reads: left out of the bundle (and so of
// the stick), with a word on why, instead of blocking the bundle or riding along silently.
std::optional<std::string> left_out(const std::string& rel, const std::string& name) {
    const auto ends = [&name](std::string_view tail) { return name.ends_with(tail); };
    if (ends("~") || ends(".bak") || ends(".swp") || ends(".tmp") ||
        (name.front() == '#' && ends("#")))
        return "an editor's backup";
    if (name == "Thumbs.db" || name == "desktop.ini" || rel.starts_with("__MACOSX/"))
        return "a file Windows or macOS writes by itself";
    if (rel == "deck.schema.json") return "the deck's JSON Schema, for editors";
    return std::nullopt;
}

} // namespace

// Every regular file below dir, except dotfiles and the bundle's own files; what cannot go on a
// stick safely (links, odd names) is an error here rather than a refusal at the kiosk.
std::optional<Manifest> bundle_manifest(const fs::path& dir, std::vector<std::string>& errors,
                                        std::vector<std::string>& left_out_files) {
    Manifest m;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string rel = fs::relative(it->path(), dir).generic_string();
        const std::string name = it->path().filename().string();
        if (name.front() == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink())
            errors.push_back(rel + ": a bundle carries no symbolic links");
        else if (it->is_directory() || skipped(rel))
            continue;
        else if (const auto why = left_out(rel, name))
            left_out_files.push_back(rel + " (" + *why + ")");
        else if (!it->is_regular_file())
            errors.push_back(rel + ": not a regular file");
        else if (auto why = bundle_path_problem(rel))
            errors.push_back(rel + ": " + *why);
        else
            m.files.push_back({rel, static_cast<std::uint64_t>(it->file_size()),
                               sha256_file(it->path().string())});
    }
    if (ec) errors.push_back(dir.string() + ": " + ec.message());
    if (!errors.empty()) return std::nullopt;
    return m;
}

namespace {

std::vector<PublicKey> keys_of(const Settings& s, std::vector<std::string>& errors) {
    std::vector<PublicKey> keys;
    for (const auto& text : s.content.trusted_keys) {
        std::string error;
        if (auto k = parse_public_key(text, error))
            keys.push_back(*k);
        else
            errors.push_back("trusted key \"" + text.substr(0, 12) + "…\": " + error);
    }
    return keys;
}

} // namespace

std::optional<Manifest> write_bundle_manifest(const fs::path& dir, std::ostream& log) {
    std::vector<std::string> errors, left;
    auto manifest = bundle_manifest(dir, errors, left);
    std::string error;
    // The bundle's own limits (files, sizes, names), as the importer will judge them.
    if (manifest && !parse_manifest(manifest_to_json(*manifest), error)) errors.push_back(error);
    for (const auto& e : errors)
        log << "kiosk: " << e << '\n';
    if (!errors.empty()) return std::nullopt;
    for (const auto& f : left)
        log << "kiosk: left out " << f << ": the kiosk does not read it\n";
    std::ofstream out(dir / "manifest.json", std::ios::binary | std::ios::trunc);
    out << manifest_to_json(*manifest);
    out.flush();
    if (!out)
        return log << "kiosk: cannot write " << (dir / "manifest.json").string() << '\n',
               std::nullopt;
    return manifest;
}

int run_bundle(const Settings& s) {
    if (s.args.bundle_sequence == 0)
        return std::cerr << "kiosk: --bundle needs --seq N, higher than the last bundle's\n", 2;
    const auto loaded = load_content_dir(s.args.bundle_dir);
    for (const auto& d : loaded.diagnostics.items)
        std::cerr << "kiosk: " << to_string(d) << '\n';
    if (loaded.diagnostics.has_errors())
        return std::cerr << "kiosk: fix the errors above first\n", 1;
    const auto manifest = write_bundle_manifest(s.args.bundle_dir, std::cerr);
    if (!manifest) return 1;
    const fs::path out = s.args.bundle_dir / "manifest.json";
    std::cout
        << "Wrote " << out.string() << ": " << manifest->files.size() << " files.\n"
        << "Sign it with your kiosk key (the kiosk refuses a sequence it has already seen):\n\n"
        << "  minisign -S -s ~/.minisign/kiosk.key -m " << out.string()
        << " -t \"kiosk-bundle seq=" << s.args.bundle_sequence << "\"\n\n"
        << "Then copy the folder to the stick as \"" << s.content.bundle_folder << "/\".\n";
    return 0;
}

void check_bundle(const Settings& s, const fs::path& dir, Diagnostics& d) {
    std::error_code ec;
    if (!fs::exists(dir / "manifest.json", ec)) return;
    const std::string text = read_file(dir / "manifest.json");
    std::string error;
    const auto manifest = parse_manifest(text, error);
    if (!manifest) return d.error("manifest.json", error);
    for (const auto& f : manifest->files) {
        const fs::path file = dir / f.path;
        if (!fs::is_regular_file(file, ec))
            d.error("manifest.json", f.path + ": missing");
        else if (fs::file_size(file, ec) != f.size)
            d.error("manifest.json", f.path + ": size differs from the manifest");
        else if (sha256_file(file.string()) != f.sha256)
            d.error("manifest.json", f.path + ": SHA-256 differs from the manifest");
    }
    std::ifstream sig_in(dir / "manifest.json.minisig");
    if (!sig_in) {
        if (s.content.require_signature)
            d.error("manifest.json.minisig", "missing: the kiosk refuses unsigned bundles");
        return;
    }
    const std::string sig(std::istreambuf_iterator<char>(sig_in), {});
    std::vector<std::string> key_errors;
    const auto keys = keys_of(s, key_errors);
    for (const auto& e : key_errors)
        d.error("configuration", e);
    if (keys.empty())
        return d.warning("manifest.json.minisig",
                         "not verified: no trusted keys configured (--config)");
    const auto v = verify_minisign(text, sig, keys);
    if (!v.ok) return d.error("manifest.json.minisig", v.error);
    if (!sequence_from_comment(v.ok->trusted_comment))
        d.error("manifest.json.minisig", "the trusted comment has no \"seq=N\"");
}

} // namespace kiosk
