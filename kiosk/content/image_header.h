#pragma once
// Format and pixel size of an image, read from its first bytes so that the loader can refuse an
// oversized image before SDL2_image spends memory decoding it.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class ImageFormat { Png, Jpeg, Svg };

struct ImageInfo {
    ImageFormat format{};
    int width = 0;
    int height = 0;
};

struct ImageHeaderResult {
    std::optional<ImageInfo> info;
    std::string error; // set iff !info
};

// Reads format and size from the first bytes of a file (pass at most the first 64 KiB; a JPEG's
// frame size may sit after a large EXIF segment, so the segments within what is given are
// scanned). Never reads past bytes.size(). Never throws.
ImageHeaderResult read_image_header(std::string_view bytes);

inline constexpr int max_image_side = 8192;
inline constexpr long long max_image_pixels = 40LL * 1000 * 1000;

// read_image_header, then refuses a width or height <= 0, a side above max_image_side or more
// than max_image_pixels pixels, e.g. "image is 9000x100 px; the limit is 8192 px a side".
ImageHeaderResult check_image_header(std::string_view bytes);

const char* image_format_name(ImageFormat f); // "PNG", "JPEG", "SVG"

} // namespace kiosk
