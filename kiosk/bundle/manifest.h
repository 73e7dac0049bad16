#pragma once
// manifest.json of a bundle: every file with its size and SHA-256. The signature covers only the
// manifest, so the manifest is what makes the rest of the stick trustworthy; it is parsed strictly
// and every name is checked before the importer opens anything on the stick.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr std::size_t max_bundle_files = 500;
inline constexpr std::uint64_t max_bundle_file_bytes = 32ull << 20; // one file
inline constexpr std::uint64_t max_bundle_bytes = 256ull << 20;     // all files
inline constexpr std::size_t max_manifest_text_bytes = 256 * 1024;
// A file's path in a bundle: at most this many parts (folders and name), each this long, and
// this long in all.
inline constexpr std::size_t max_path_parts = 4;
inline constexpr std::size_t max_path_part_bytes = 64;
inline constexpr std::size_t max_path_bytes = 200;

struct ManifestEntry {
    std::string path; // relative, '/'-separated, passes bundle_path_problem()
    std::uint64_t size = 0;
    std::string sha256; // 64 lower-case hex digits
};

struct Manifest {
    std::vector<ManifestEntry> files;
};

// Why `path` cannot name a file in a bundle ("has a '.' or '..' component"), or nullopt. Names
// come from a stick anyone can make, and FAT ignores case and drops a trailing '.', so: relative;
// '/'-separated components of 1..64 bytes from [A-Za-z0-9._-], not "." or "..", not starting or
// ending with '.'; at most 4 components and 200 bytes; no backslash or control characters.
std::optional<std::string> bundle_path_problem(std::string_view path);

// Parses and validates {"format": "kiosk-bundle-1", "files": [{"path", "size", "sha256"}, ...]}.
// Unknown or repeated fields are errors (a manifest is machine-made). On failure returns nullopt
// with a message that starts "manifest.json" and names the place.
std::optional<Manifest> parse_manifest(std::string_view json, std::string& error);

// Sorted by path, pretty-printed, with a trailing newline: the same files give the same bytes.
std::string manifest_to_json(const Manifest& m);

// The replay counter in minisign's trusted comment, which the bundle command sets to
// "kiosk-bundle seq=<N>"; other words may precede or follow. N is decimal, 0 < N < 2^53, without
// leading zeros. nullopt when there is no seq=, more than one, or a garbled one.
std::optional<std::uint64_t> sequence_from_comment(std::string_view trusted_comment);

} // namespace kiosk
