// libFuzzer target: what a hostile stick controls in a bundle: manifest.json, the signature file
// and its trusted comment, and a public key line.
#include "bundle/manifest.h"
#include "bundle/minisign.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;
    (void)kiosk::parse_manifest(text, error);
    (void)kiosk::sequence_from_comment(text);
    (void)kiosk::bundle_path_problem(text);
    const auto key =
        kiosk::parse_public_key("RWREiJkw1A1pA4y+msCgU5/a37jLzb0+dlFO3V+kfLZ9M74OIRV0GWn0", error);
    (void)kiosk::parse_public_key(text, error);
    if (key) (void)kiosk::verify_minisign("message", text, {*key});
    return 0;
}
