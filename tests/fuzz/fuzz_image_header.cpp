// libFuzzer target: the image header check that runs before anything decodes an image.
#include "content/image_header.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)kiosk::check_image_header(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
