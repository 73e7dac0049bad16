#pragma once
// manifest.json of a bundle: every file with its size and SHA-256. It comes from a stick anyone
// can make, so every name and number is checked before anything is read from the stick.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr std::size_t max_bundle_files = 500;
inline constexpr std::uint64_t max_bundle_file_bytes = 32ull << 20;
inline constexpr std::uint64_t max_bundle_bytes = 256ull << 20;
inline constexpr std::size_t max_manifest_text_bytes = 256 * 1024;

struct ManifestEntry {
    std::string path;
    std::uint64_t size = 0;
    std::string sha256;
};

struct Manifest {
    std::vector<ManifestEntry> files;
};

// Why a name cannot be a file in a bundle, or nullopt when it can: relative, '/'-separated
// components of 1..64 characters from [A-Za-z0-9._-], none "." or ".." or starting with '.', at
// most 4 components and 200 bytes.
std::optional<std::string> bundle_path_problem(std::string_view path);

std::optional<Manifest> parse_manifest(std::string_view json, std::string& error);
std::string manifest_to_json(const Manifest& m);

// The replay counter in minisign's trusted comment: "kiosk-bundle seq=<N>".
std::optional<std::uint64_t> sequence_from_comment(std::string_view trusted_comment);

} // namespace kiosk
