// libFuzzer target: the deck loader on arbitrary bytes. It must never crash, hang or throw.
#include "content/loader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = kiosk::load_deck_text(text, "fuzz.json");
    for (const auto& d : result.diagnostics.items)
        (void)kiosk::to_string(d);
    return 0;
}
