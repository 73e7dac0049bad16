// Images come from content and, later, from USB sticks nobody has checked. Decoding is where the
// cost is: an 8192x8192 image takes 256 MB as RGBA, more than a Pi can spare. So before
// SDL2_image sees a file, its header bytes are read here and an image above the limits is
// refused. This is a bounds check, not a validator: the decoder still judges the rest of the file.
#include "content/image_header.h"

#include "util/lookup.h"

#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>

namespace kiosk {
namespace {

using std::size_t;
using std::string_view;

ImageHeaderResult fail(std::string message) {
    return {std::nullopt, std::move(message)};
}

ImageHeaderResult found(ImageFormat format, int width, int height) {
    return {ImageInfo{format, width, height}, {}};
}

unsigned byte_at(string_view b, size_t pos) {
    return static_cast<unsigned char>(b[pos]);
}

std::uint32_t be16(string_view b, size_t pos) {
    return byte_at(b, pos) << 8 | byte_at(b, pos + 1);
}

std::uint32_t be32(string_view b, size_t pos) {
    return be16(b, pos) << 16 | be16(b, pos + 2);
}

std::string hex(unsigned value) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return {digits[value >> 4 & 0xF], digits[value & 0xF]};
}

// File bytes go into messages shortened and with control bytes replaced, so a log entry stays
// one readable line whatever the stick holds.
std::string printable(string_view text) {
    constexpr size_t max_length = 32;
    std::string out;
    for (char c : text.substr(0, max_length))
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    if (text.size() > max_length) out += "...";
    return out;
}

std::string quoted(string_view text) {
    return "\"" + printable(text) + "\"";
}

// --- PNG --------------------------------------------------------------------------------------

constexpr string_view png_signature = "\x89PNG\r\n\x1A\n";
constexpr size_t png_ihdr_end = 8 + 8 + 13; // signature, chunk length and type, IHDR data

ImageHeaderResult read_png(string_view b) {
    if (b.size() < png_ihdr_end)
        return fail("PNG header is truncated (" + std::to_string(b.size()) + " bytes)");
    if (b.substr(0, 8) != png_signature) return fail("PNG signature is damaged (copied as text?)");
    const auto type = b.substr(12, 4);
    if (type != "IHDR") return fail("PNG header: first chunk is " + quoted(type) + ", not IHDR");
    if (be32(b, 8) != 13)
        return fail("PNG header: IHDR length is " + std::to_string(be32(b, 8)) + ", not 13");
    const auto width = be32(b, 16), height = be32(b, 20);
    if (width > INT_MAX || height > INT_MAX)
        return fail("PNG header: size " + std::to_string(width) + "x" + std::to_string(height) +
                    " is out of range");
    return found(ImageFormat::Png, static_cast<int>(width), static_cast<int>(height));
}

// --- JPEG -------------------------------------------------------------------------------------

// C4 (DHT), C8 (JPG) and CC (DAC) sit among the SOF codes but carry no frame size.
bool is_jpeg_frame(unsigned code) {
    return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
}

bool is_jpeg_standalone(unsigned code) {
    return code == 0x01 || (code >= 0xD0 && code <= 0xD7);
}

std::string jpeg_marker_at(unsigned code, size_t pos) {
    return "0xFF" + hex(code) + " at byte " + std::to_string(pos);
}

std::string jpeg_truncated(string_view b) {
    return "JPEG header is truncated at byte " + std::to_string(b.size()) +
           ", before any frame size";
}

// marker is the offset of the FF before the SOF code; the body after the 2-byte length holds
// precision (1), height (2), width (2), then the component count.
ImageHeaderResult read_jpeg_frame(string_view b, size_t marker, unsigned length) {
    if (length < 8)
        return fail("JPEG header: frame segment length " + std::to_string(length) + " at byte " +
                    std::to_string(marker) + " is too short");
    const size_t body = marker + 4;
    if (body + 5 > b.size()) return fail(jpeg_truncated(b));
    const auto height = static_cast<int>(be16(b, body + 1));
    const auto width = static_cast<int>(be16(b, body + 3));
    return found(ImageFormat::Jpeg, width, height);
}

// Moves pos past fill bytes to the FF right before a marker code; false with an error when the
// bytes there are not a marker.
bool find_jpeg_marker(string_view b, size_t& pos, std::string& error) {
    if (pos >= b.size()) {
        error = jpeg_truncated(b);
        return false;
    }
    if (byte_at(b, pos) != 0xFF) {
        error = "JPEG header: expected a marker at byte " + std::to_string(pos) + ", found 0x" +
                hex(byte_at(b, pos));
        return false;
    }
    while (pos + 1 < b.size() && byte_at(b, pos + 1) == 0xFF)
        ++pos;
    if (pos + 1 >= b.size()) error = jpeg_truncated(b);
    return error.empty();
}

// Walks the segments after SOI (FF D8) up to the first frame header.
ImageHeaderResult read_jpeg(string_view b) {
    std::string error;
    for (size_t pos = 2; find_jpeg_marker(b, pos, error);) {
        const unsigned code = byte_at(b, pos + 1);
        if (is_jpeg_standalone(code)) {
            pos += 2;
            continue;
        }
        if (code == 0xDA) return fail("JPEG header: no frame size before the image data");
        if (code == 0x00 || code == 0xD8 || code == 0xD9)
            return fail("JPEG header: unexpected marker " + jpeg_marker_at(code, pos));
        if (pos + 4 > b.size()) return fail(jpeg_truncated(b));
        const unsigned length = be16(b, pos + 2);
        if (length < 2)
            return fail("JPEG header: segment length " + std::to_string(length) + " at byte " +
                        std::to_string(pos) + " is invalid");
        if (is_jpeg_frame(code)) return read_jpeg_frame(b, pos, length);
        pos += 2 + length;
    }
    return fail(error);
}

// --- SVG --------------------------------------------------------------------------------------

constexpr string_view utf8_bom = "\xEF\xBB\xBF";
constexpr string_view xml_space = " \t\r\n";

size_t skip_space(string_view t, size_t pos) {
    pos = t.find_first_not_of(xml_space, pos);
    return pos == string_view::npos ? t.size() : pos;
}

size_t text_start(string_view t) {
    return skip_space(t, t.starts_with(utf8_bom) ? 3 : 0);
}

struct Scan {
    size_t pos = 0;
    std::string error; // set when pos means nothing
};

// A DOCTYPE may carry an internal subset in [...] whose declarations hold their own '>'.
Scan skip_doctype(string_view t, size_t pos) {
    auto end = t.find_first_of("[>", pos);
    if (end != string_view::npos && t[end] == '[') {
        end = t.find(']', end);
        if (end != string_view::npos) end = t.find('>', end);
    }
    if (end == string_view::npos) return {0, "SVG prolog: DOCTYPE is not closed"};
    return {end + 1, {}};
}

// Skips the XML declaration, processing instructions, comments and DOCTYPE before the root.
Scan skip_prolog(string_view t) {
    for (size_t pos = text_start(t);; pos = skip_space(t, pos)) {
        const auto rest = t.substr(pos);
        if (rest.starts_with("<!DOCTYPE")) {
            const auto scan = skip_doctype(t, pos);
            if (!scan.error.empty()) return scan;
            pos = scan.pos;
            continue;
        }
        const bool comment = rest.starts_with("<!--");
        if (!comment && !rest.starts_with("<?")) return {pos, {}};
        const string_view close = comment ? "-->" : "?>";
        const auto end = t.find(close, pos + (comment ? 4 : 2));
        if (end == string_view::npos)
            return {0, comment ? "SVG prolog: comment is not closed"
                               : "SVG prolog: <?...?> declaration is not closed"};
        pos = end + close.size();
    }
}

// The name after '<' at lt; empty when the text ends first (a prolog with nothing after it).
string_view element_name(string_view t, size_t lt) {
    if (lt >= t.size()) return {};
    const auto rest = t.substr(lt + 1);
    return rest.substr(0, rest.find_first_of(" \t\r\n/>"));
}

struct SvgAttributes {
    std::optional<string_view> width, height, view_box;
};

void keep_attribute(string_view name, string_view value, SvgAttributes& out) {
    if (name == "width")
        out.width = value;
    else if (name == "height")
        out.height = value;
    else if (name == "viewBox")
        out.view_box = value;
}

// Reads name="value" pairs from pos up to the end of the start tag; returns an error or "".
std::string read_attributes(string_view t, size_t pos, SvgAttributes& out) {
    const std::string unclosed = "SVG: the <svg> start tag is not closed";
    for (;;) {
        pos = skip_space(t, pos);
        if (pos >= t.size()) return unclosed;
        if (t[pos] == '>' || t[pos] == '/') return {};
        const auto name_end = std::min(t.find_first_of(" \t\r\n=/>", pos), t.size());
        const auto name = t.substr(pos, name_end - pos);
        pos = skip_space(t, name_end);
        if (pos >= t.size() || t[pos] != '=')
            return "SVG: attribute " + quoted(name) + " of <svg> has no value";
        pos = skip_space(t, pos + 1);
        if (pos >= t.size() || (t[pos] != '"' && t[pos] != '\''))
            return "SVG: attribute " + quoted(name) + " of <svg> is not quoted";
        const auto close = t.find(t[pos], pos + 1);
        if (close == string_view::npos) return unclosed;
        keep_attribute(name, t.substr(pos + 1, close - pos - 1), out);
        pos = close + 1;
    }
}

// The whole text as one finite number; from_chars alone would also take "inf" and "nan".
std::optional<double> parse_number(string_view text) {
    if (text.starts_with('+')) text.remove_prefix(1);
    double value = 0;
    const auto end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || stop != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

struct CssUnit {
    string_view suffix;
    double pixels;
};

// Absolute units at CSS's 96 px per inch, which nanosvg in SDL2_image also uses: an SVG that
// says width="100in" is decoded at 9600 px, so its size must not be taken from the viewBox.
constexpr CssUnit absolute_units[] = {{"px", 1},         {"in", 96},        {"cm", 96 / 2.54},
                                      {"mm", 96 / 25.4}, {"pt", 96 / 72.0}, {"pc", 16}};

// A length in pixels: a number, bare or with an absolute unit. Relative units (%, em, ex) need a
// parent or a font this reader does not have; nanosvg then uses the viewBox, and so does the
// caller.
std::optional<double> parse_pixels(std::optional<string_view> text) {
    if (!text) return std::nullopt;
    auto t = *text;
    t.remove_prefix(std::min(t.find_first_not_of(xml_space), t.size()));
    t.remove_suffix(t.size() - std::min(t.find_last_not_of(xml_space) + 1, t.size()));
    double scale = 1;
    for (const auto& unit : absolute_units)
        if (t.ends_with(unit.suffix)) {
            t.remove_suffix(unit.suffix.size());
            scale = unit.pixels;
            break;
        }
    const auto number = parse_number(t);
    if (!number) return std::nullopt;
    return *number * scale;
}

// "min-x min-y width height", separated by whitespace and/or commas.
std::optional<std::array<double, 4>> parse_view_box(string_view text) {
    constexpr string_view separators = " \t\r\n,";
    std::array<double, 4> values{};
    size_t count = 0;
    for (size_t pos = text.find_first_not_of(separators); pos != string_view::npos;
         pos = text.find_first_not_of(separators, pos)) {
        const auto end = std::min(text.find_first_of(separators, pos), text.size());
        const auto value = parse_number(text.substr(pos, end - pos));
        if (!value || count == values.size()) return std::nullopt;
        values[count++] = *value;
        pos = end;
    }
    if (count != values.size()) return std::nullopt;
    return values;
}

// Rounds a size up to whole pixels; a partly covered pixel is still decoded.
std::string to_pixels(double value, const char* what, int& out) {
    const double rounded = std::ceil(value);
    if (rounded < 0) return std::string("SVG ") + what + " is negative";
    if (rounded > INT_MAX) return std::string("SVG ") + what + " is out of range";
    out = static_cast<int>(rounded);
    return {};
}

std::string no_svg_size(const SvgAttributes& a) {
    std::string message = "SVG has no width/height or viewBox";
    if (a.view_box) return message + " (viewBox " + quoted(*a.view_box) + " is not 4 numbers)";
    if (a.width && !parse_pixels(a.width)) return message + " (width is " + quoted(*a.width) + ")";
    if (a.height && !parse_pixels(a.height))
        return message + " (height is " + quoted(*a.height) + ")";
    return message;
}

// Each side from its attribute when that is in pixels, else from the viewBox, as nanosvg in
// SDL2_image does.
ImageHeaderResult svg_size(const SvgAttributes& a) {
    auto width = parse_pixels(a.width), height = parse_pixels(a.height);
    if (!width || !height) {
        const auto box = parse_view_box(a.view_box.value_or(""));
        if (!box) return fail(no_svg_size(a));
        if (!width) width = (*box)[2];
        if (!height) height = (*box)[3];
    }
    ImageInfo info{ImageFormat::Svg};
    auto error = to_pixels(*width, "width", info.width);
    if (error.empty()) error = to_pixels(*height, "height", info.height);
    if (!error.empty()) return fail(error);
    return {info, {}};
}

ImageHeaderResult read_svg(string_view t) {
    const auto root = skip_prolog(t);
    if (!root.error.empty()) return fail(root.error);
    const auto name = element_name(t, root.pos);
    if (name != "svg")
        return fail("not a PNG, JPEG or SVG image (XML root element is <" + printable(name) + ">)");
    SvgAttributes attributes;
    auto error = read_attributes(t, root.pos + 1 + name.size(), attributes);
    if (!error.empty()) return fail(error);
    return svg_size(attributes);
}

bool looks_like_xml(string_view b) {
    const auto pos = text_start(b);
    return pos < b.size() && b[pos] == '<';
}

} // namespace

ImageHeaderResult read_image_header(string_view bytes) {
    if (bytes.empty()) return fail("image file is empty");
    if (bytes.starts_with("\x89PNG")) return read_png(bytes);
    if (bytes.starts_with("\xFF\xD8")) return read_jpeg(bytes);
    if (looks_like_xml(bytes)) return read_svg(bytes);
    return fail("not a PNG, JPEG or SVG image");
}

ImageHeaderResult check_image_header(string_view bytes) {
    auto result = read_image_header(bytes);
    if (!result.info) return result;
    const int w = result.info->width, h = result.info->height;
    const auto size = "image is " + std::to_string(w) + "x" + std::to_string(h) + " px";
    if (w <= 0 || h <= 0) return fail(size + "; width and height must be at least 1 px");
    if (w > max_image_side || h > max_image_side)
        return fail(size + "; the limit is " + std::to_string(max_image_side) + " px a side");
    const long long pixels = static_cast<long long>(w) * h;
    if (pixels > max_image_pixels)
        return fail("image has " + std::to_string(pixels) + " pixels; the limit is " +
                    std::to_string(max_image_pixels));
    return result;
}

const char* image_format_name(ImageFormat f) {
    constexpr Table<ImageFormat, const char*, 3> names{{
        {ImageFormat::Png, "PNG"},
        {ImageFormat::Jpeg, "JPEG"},
        {ImageFormat::Svg, "SVG"},
    }};
    return lookup(names, f, "unknown");
}

} // namespace kiosk
