#pragma once
// A USB stick in a temporary folder: a small valid deck with an image, signed with a throwaway
// minisign key, and an empty content root for the kiosk. Tests then break one thing at a time.
#include "bundle/manifest.h"
#include "bundle/sha256.h"
#include "import/importer.h"
#include "import/release_store.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kiosk::test {

namespace fs = std::filesystem;

using kiosk::read_file; // the project's own (import/release_store.h)

inline void write_file(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// A real PNG's first bytes: enough for the loader's header check, which is all the importer runs.
inline std::string png_bytes(std::uint32_t w, std::uint32_t h, std::size_t padding = 0) {
    std::string s("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8)
            s += static_cast<char>((v >> shift) & 0xFF);
    s += std::string("\x08\x06\0\0\0\0\0\0\0", 9);
    return s + std::string(padding, 'p');
}

struct BundleFixture {
    fs::path base, stick, bundle, root, keys;
    std::string public_key;

    explicit BundleFixture(const std::string& name, std::size_t image_padding = 1000)
        : base(fs::temp_directory_path() / ("kiosk-bundle-" + name)), stick(base / "stick"),
          bundle(stick / "kiosk"), root(base / "root"), keys(base / "keys") {
        fs::remove_all(base);
        fs::create_directories(keys);
        fs::create_directories(root);
        public_key = make_key("kiosk");
        write_deck("Eerste versie", image_padding);
    }
    ~BundleFixture() {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(base, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(base, ec);
    }

    static bool have_minisign() { return std::system("command -v minisign >/dev/null 2>&1") == 0; }

    // A key pair without a password; returns the public key's base64 line.
    std::string make_key(const std::string& name) const {
        const auto pub = keys / (name + ".pub"), sec = keys / (name + ".key");
        const std::string cmd =
            "minisign -G -W -f -p '" + pub.string() + "' -s '" + sec.string() + "' >/dev/null 2>&1";
        if (std::system(cmd.c_str()) != 0) return {};
        const std::string text = read_file(pub);
        const auto nl = text.find('\n');
        return text.substr(nl + 1, text.find('\n', nl + 1) - nl - 1);
    }

    void write_deck(const std::string& title, std::size_t image_padding) const {
        write_file(bundle / "images/foto.png", png_bytes(640, 480, image_padding));
        write_file(bundle / "deck.json",
                   R"({"schema": 1, "id": "usb", "title": "USB", "version": "1", "language": "nl",
          "slides": [{"kind": "title", "title": ")" +
                       title + R"("},
                     {"kind": "image", "title": "Foto", "image": {"src": "images/foto.png"}}]})");
    }

    // Lists every file of the bundle folder (except manifest and signature) in manifest.json.
    void write_manifest() const {
        Manifest m;
        for (const auto& e : fs::recursive_directory_iterator(bundle)) {
            const auto rel = fs::relative(e.path(), bundle).generic_string();
            if (!e.is_regular_file() || rel.rfind("manifest.json", 0) == 0) continue;
            const std::string bytes = read_file(e.path());
            m.files.push_back({rel, bytes.size(), sha256_hex(bytes)});
        }
        write_file(bundle / "manifest.json", manifest_to_json(m));
    }

    bool sign(std::uint64_t seq, const std::string& key = "kiosk") const {
        const std::string cmd = "minisign -S -s '" + (keys / (key + ".key")).string() + "' -m '" +
                                (bundle / "manifest.json").string() +
                                "' -t 'kiosk-bundle seq=" + std::to_string(seq) +
                                "' >/dev/null 2>&1";
        return std::system(cmd.c_str()) == 0;
    }

    // Manifest and signature for the bundle as it is now.
    void seal(std::uint64_t seq) const {
        write_manifest();
        sign(seq);
    }

    ImportOptions options() const {
        ImportOptions o;
        o.mount = stick;
        o.root = root;
        o.trusted_keys = {public_key};
        return o;
    }

    ImportResult import() const { return import_bundle(options()); }

    std::string current_name() const {
        const auto cur = ReleaseStore(root).current();
        return cur ? cur->filename().string() : std::string();
    }
};

} // namespace kiosk::test
