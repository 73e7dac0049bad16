#pragma once
// Why an import was refused, or why there was nothing to import. The importer decides on the
// enum; its string form ("unsigned", "stick_read_error") is what the status file, the journal
// and the emulated-machine checks read, so a name here never changes once released.
#include <array>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>

namespace kiosk {

enum class ImportCode {
    none, // accepted, or still importing
    // Nothing to import, and nothing refused.
    no_bundle_folder,
    empty_bundle,
    // Refusals.
    no_manifest,
    manifest_too_large,
    manifest_not_file,
    unsigned_bundle,
    signature_too_large,
    signature_not_file,
    bad_signature,
    unknown_key,
    no_sequence,
    replay,
    bad_manifest,
    stick_read_error,
    unsafe_file,
    file_mismatch,
    invalid_deck,
    interrupted,
    bundle_link,
    misnamed_bundle,
    busy,
    io_error,
    disk_full,
    read_only,
};

// In the enum's order, which the static_assert below holds to.
inline constexpr std::array<std::pair<ImportCode, std::string_view>, 25> import_code_names{{
    {ImportCode::none, ""},
    {ImportCode::no_bundle_folder, "no_bundle_folder"},
    {ImportCode::empty_bundle, "empty_bundle"},
    {ImportCode::no_manifest, "no_manifest"},
    {ImportCode::manifest_too_large, "manifest_too_large"},
    {ImportCode::manifest_not_file, "manifest_not_file"},
    {ImportCode::unsigned_bundle, "unsigned"},
    {ImportCode::signature_too_large, "signature_too_large"},
    {ImportCode::signature_not_file, "signature_not_file"},
    {ImportCode::bad_signature, "bad_signature"},
    {ImportCode::unknown_key, "unknown_key"},
    {ImportCode::no_sequence, "no_sequence"},
    {ImportCode::replay, "replay"},
    {ImportCode::bad_manifest, "bad_manifest"},
    {ImportCode::stick_read_error, "stick_read_error"},
    {ImportCode::unsafe_file, "unsafe_file"},
    {ImportCode::file_mismatch, "file_mismatch"},
    {ImportCode::invalid_deck, "invalid_deck"},
    {ImportCode::interrupted, "interrupted"},
    {ImportCode::bundle_link, "bundle_link"},
    {ImportCode::misnamed_bundle, "misnamed_bundle"},
    {ImportCode::busy, "busy"},
    {ImportCode::io_error, "io_error"},
    {ImportCode::disk_full, "disk_full"},
    {ImportCode::read_only, "read_only"},
}};

static_assert([] {
    for (std::size_t i = 0; i < import_code_names.size(); ++i)
        if (static_cast<std::size_t>(import_code_names[i].first) != i) return false;
    return import_code_names.back().first == ImportCode::read_only;
}());

constexpr std::string_view code_name(ImportCode code) {
    return import_code_names[static_cast<std::size_t>(code)].second;
}

// The code a status file names; nullopt for a name this kiosk does not know.
constexpr std::optional<ImportCode> import_code_named(std::string_view name) {
    for (const auto& [code, spelled] : import_code_names)
        if (spelled == name) return code;
    return std::nullopt;
}

// Against the string form, as the status file and the tests spell it.
constexpr bool operator==(ImportCode code, std::string_view name) {
    return code_name(code) == name;
}

inline std::ostream& operator<<(std::ostream& out, ImportCode code) {
    return out << code_name(code);
}

} // namespace kiosk
