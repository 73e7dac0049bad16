#include "content/image_header.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <memory>
#include <random>
#include <string>

using namespace kiosk;
using namespace std::string_literals;

namespace {

// Every test reads from a heap block of exactly the input's size, so that a read past the end
// hits AddressSanitizer's redzone instead of a std::string's spare capacity or terminator.
ImageHeaderResult read_exact(const std::string& bytes) {
    auto block = std::make_unique<char[]>(bytes.size());
    bytes.copy(block.get(), bytes.size());
    return read_image_header({block.get(), bytes.size()});
}

ImageHeaderResult check_exact(const std::string& bytes) {
    auto block = std::make_unique<char[]>(bytes.size());
    bytes.copy(block.get(), bytes.size());
    return check_image_header({block.get(), bytes.size()});
}

std::string be16(unsigned v) {
    return {char(v >> 8 & 0xFF), char(v & 0xFF)};
}
std::string be32(std::uint32_t v) {
    return be16(v >> 16) + be16(v & 0xFFFF);
}

const std::string png_signature = "\x89PNG\r\n\x1A\n"s;

// Signature and IHDR (8-bit RGBA); the CRC is not checked by the reader, so it is zero.
std::string png(std::uint32_t width, std::uint32_t height) {
    return png_signature + be32(13) + "IHDR" + be32(width) + be32(height) + "\x08\x06\0\0\0"s +
           be32(0);
}

std::string jpeg_segment(unsigned code, const std::string& body) {
    return "\xFF"s + char(code) + be16(unsigned(body.size()) + 2) + body;
}

std::string jpeg_frame(unsigned code, unsigned width, unsigned height) {
    // precision, height, width, one component (id 1, sampling 1x1, table 0)
    return jpeg_segment(code, "\x08"s + be16(height) + be16(width) + "\x01\x01\x11\x00"s);
}

const std::string soi = "\xFF\xD8"s;
const std::string app0 = jpeg_segment(0xE0, "JFIF\0\x01\x01\0\0\x01\0\x01\0\0"s);
const std::string app1 = jpeg_segment(0xE1, "Exif\0\0"s + std::string(600, 'x'));
const std::string dqt = jpeg_segment(0xDB, "\0"s + std::string(64, '\x01'));
const std::string dht = jpeg_segment(0xC4, "\0"s + std::string(16, '\0'));
const std::string sos = jpeg_segment(0xDA, "\x01\x01\x00\x00\x3F\x00"s) + "\x12\x34\xFF\xD9"s;

// SOI, APP0 (JFIF), APP1 (EXIF), DQT, DHT, then the frame: SOF0 baseline or SOF2 progressive.
std::string jpeg(unsigned width, unsigned height, unsigned sof = 0xC0) {
    return soi + app0 + app1 + dqt + dht + jpeg_frame(sof, width, height) + sos;
}

std::string svg(const std::string& attributes) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes +
           "><rect width=\"5000\" height=\"5000\"/></svg>\n";
}

void require_size(const ImageHeaderResult& r, ImageFormat format, int width, int height) {
    INFO(r.error);
    REQUIRE(r.info);
    CHECK(r.error.empty());
    CHECK(r.info->format == format);
    CHECK(r.info->width == width);
    CHECK(r.info->height == height);
}

std::string error_of(const ImageHeaderResult& r) {
    CHECK_FALSE(r.info);
    CHECK_FALSE(r.error.empty());
    return r.error;
}

} // namespace

TEST_CASE("image headers: each format is read with its size") {
    require_size(read_exact(png(300, 200)), ImageFormat::Png, 300, 200);
    require_size(read_exact(jpeg(640, 480)), ImageFormat::Jpeg, 640, 480);
    require_size(read_exact(jpeg(1024, 768, 0xC2)), ImageFormat::Jpeg, 1024, 768);
    require_size(read_exact(svg("width=\"120\" height=\"80\"")), ImageFormat::Svg, 120, 80);
    CHECK(image_format_name(ImageFormat::Png) == "PNG"s);
    CHECK(image_format_name(ImageFormat::Jpeg) == "JPEG"s);
    CHECK(image_format_name(ImageFormat::Svg) == "SVG"s);
}

TEST_CASE("image headers: limits are 8192 px a side and 40 million pixels") {
    CHECK(check_exact(png(8192, 100)).info);
    CHECK(check_exact(png(100, 8192)).info);
    CHECK(error_of(check_exact(png(8193, 100))) ==
          "image is 8193x100 px; the limit is 8192 px a side");
    CHECK(error_of(check_exact(png(100, 8193))) ==
          "image is 100x8193 px; the limit is 8192 px a side");
    CHECK(check_exact(png(8000, 5000)).info); // exactly 40 000 000
    CHECK(error_of(check_exact(png(8000, 5001))) ==
          "image has 40008000 pixels; the limit is 40000000");
    CHECK(error_of(check_exact(png(8192, 8192))) ==
          "image has 67108864 pixels; the limit is 40000000");
    CHECK(error_of(check_exact(jpeg(9000, 100))) ==
          "image is 9000x100 px; the limit is 8192 px a side");
    CHECK(error_of(check_exact(svg("viewBox=\"0 0 100 9000\""))) ==
          "image is 100x9000 px; the limit is 8192 px a side");
    require_size(check_exact(jpeg(8192, 4000)), ImageFormat::Jpeg, 8192, 4000);
}

TEST_CASE("image headers: a zero or negative side is refused by the check") {
    require_size(read_exact(png(0, 100)), ImageFormat::Png, 0, 100);
    CHECK(error_of(check_exact(png(0, 100))) ==
          "image is 0x100 px; width and height must be at least 1 px");
    CHECK(error_of(check_exact(jpeg(100, 0))) ==
          "image is 100x0 px; width and height must be at least 1 px");
    CHECK(error_of(check_exact(svg("width=\"0\" height=\"10\""))) ==
          "image is 0x10 px; width and height must be at least 1 px");
    CHECK(error_of(read_exact(svg("width=\"-5\" height=\"10\""))) == "SVG width is negative");
}

TEST_CASE("image headers: broken PNG headers") {
    const auto good = png(300, 200);
    for (std::size_t n = 4; n < 29; ++n) {
        INFO(n);
        CHECK(error_of(read_exact(good.substr(0, n))) ==
              "PNG header is truncated (" + std::to_string(n) + " bytes)");
    }
    const auto text_chunk_first = png_signature + be32(5) + "tEXt" + "hello"s + good.substr(8);
    CHECK(error_of(read_exact(text_chunk_first)) ==
          "PNG header: first chunk is \"tEXt\", not IHDR");
    auto long_ihdr = good;
    long_ihdr[11] = 14;
    CHECK(error_of(read_exact(long_ihdr)) == "PNG header: IHDR length is 14, not 13");
    auto crlf = good;
    crlf[4] = '\n';
    CHECK(error_of(read_exact(crlf)) == "PNG signature is damaged (copied as text?)");
    CHECK(error_of(read_exact(png(0x80000000u, 1))) ==
          "PNG header: size 2147483648x1 is out of range");
    require_size(read_exact(png(0x7FFFFFFF, 1)), ImageFormat::Png, 0x7FFFFFFF, 1);
}

TEST_CASE("image headers: broken JPEG headers") {
    const auto good = jpeg(640, 480);
    const auto frame_at = (soi + app0 + app1 + dqt + dht).size();
    SECTION("truncated anywhere before the frame size, including mid-segment") {
        for (std::size_t n = 2; n < frame_at + 9; ++n) {
            INFO(n);
            CHECK(error_of(read_exact(good.substr(0, n))) == "JPEG header is truncated at byte " +
                                                                 std::to_string(n) +
                                                                 ", before any frame size");
        }
        require_size(read_exact(good.substr(0, frame_at + 9)), ImageFormat::Jpeg, 640, 480);
    }
    SECTION("segment length 0 or 1") {
        for (unsigned length : {0u, 1u}) {
            const auto bad =
                soi + app0 + "\xFF\xE1"s + be16(length) + "Exif" + jpeg_frame(0xC0, 1, 1);
            CHECK(error_of(read_exact(bad)) == "JPEG header: segment length " +
                                                   std::to_string(length) +
                                                   " at byte 20 is invalid");
        }
    }
    SECTION("image data before any frame") {
        CHECK(error_of(read_exact(soi + app0 + dqt + sos + jpeg_frame(0xC0, 1, 1))) ==
              "JPEG header: no frame size before the image data");
    }
    SECTION("fill bytes and standalone markers between segments are skipped") {
        const auto padded = soi + "\xFF\xFF\xFF"s + app0 + "\xFF\xD0\xFF\x01"s + "\xFF\xFF"s +
                            jpeg_frame(0xC1, 33, 44) + sos;
        require_size(read_exact(padded), ImageFormat::Jpeg, 33, 44);
    }
    SECTION("DHT, JPG and DAC are not frames") {
        const auto dac = jpeg_segment(0xCC, "\x00\x10"s);
        const auto jpg = jpeg_segment(0xC8, "\x08\x00\x09\x00\x09\x01"s);
        require_size(read_exact(soi + dht + dac + jpg + jpeg_frame(0xCF, 7, 9) + sos),
                     ImageFormat::Jpeg, 7, 9);
    }
    SECTION("a byte that is no marker, a marker that cannot come here, a short frame") {
        CHECK(error_of(read_exact(soi + app0 + "\x12\x34"s)) ==
              "JPEG header: expected a marker at byte 20, found 0x12");
        CHECK(error_of(read_exact(soi + app0 + "\xFF\xD9"s)) ==
              "JPEG header: unexpected marker 0xFFD9 at byte 20");
        CHECK(error_of(read_exact(soi + jpeg_segment(0xC0, "\x08\x00\x10"s) + sos)) ==
              "JPEG header: frame segment length 5 at byte 2 is too short");
    }
}

TEST_CASE("image headers: SVG sizes from width/height, with units, or from the viewBox") {
    require_size(read_exact(svg("width=\"120px\" height=' 80px '")), ImageFormat::Svg, 120, 80);
    require_size(read_exact(svg("width=\"100.2\" height=\"1e2\"")), ImageFormat::Svg, 101, 100);
    require_size(read_exact(svg("viewBox=\"0 0 640 480\"")), ImageFormat::Svg, 640, 480);
    require_size(read_exact(svg("viewBox=\"-10,-10,  20.5 ,30\"")), ImageFormat::Svg, 21, 30);
    require_size(read_exact(svg("width=\"100%\" height=\"100%\" viewBox=\"0 0 300 200\"")),
                 ImageFormat::Svg, 300, 200);
    // relative units fall back on the viewBox, absolute ones count at 96 px per inch
    require_size(read_exact(svg("width=\"50%\" height=\"20em\" viewBox=\"0 0 210 297\"")),
                 ImageFormat::Svg, 210, 297);
    require_size(read_exact(svg("width=\"50mm\" height=\"2.54cm\" viewBox=\"0 0 1 1\"")),
                 ImageFormat::Svg, 189, 96);
    require_size(read_exact(svg("width=\"72pt\" height=\"1pc\" viewBox=\"0 0 1 1\"")),
                 ImageFormat::Svg, 96, 16);
    CHECK(error_of(check_exact(svg("width=\"100in\" height=\"1in\" viewBox=\"0 0 1 1\""))) ==
          "image is 9600x96 px; the limit is 8192 px a side");
    // each side falls back on its own, as nanosvg in SDL2_image does
    require_size(read_exact(svg("width=\"50\" height=\"auto\" viewBox=\"0 0 300 200\"")),
                 ImageFormat::Svg, 50, 200);
}

TEST_CASE("image headers: SVG prolog, and only the root start tag counts") {
    const auto prolog = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"s +
                        "<!-- made with <svg width=\"1\"> by hand -->\n" +
                        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" [ <!ENTITY x \"y\"> ]>\n";
    require_size(read_exact(prolog + svg("width=\"64\" height=\"32\"")), ImageFormat::Svg, 64, 32);
    require_size(read_exact(svg("stroke-width=\"9\" data-x=\"a>b\" width=\"5\" height=\"6\"")),
                 ImageFormat::Svg, 5, 6);
    CHECK(error_of(read_exact("<svg viewBox='0 0 1 1' <svg width='5'>")) ==
          "SVG: attribute \"<svg\" of <svg> has no value");
    CHECK(error_of(read_exact("<svg xmlns='x'><rect width='10' height='10'/></svg>")) ==
          "SVG has no width/height or viewBox");
}

TEST_CASE("image headers: SVG without a usable size") {
    CHECK(error_of(read_exact(svg(""))) == "SVG has no width/height or viewBox");
    CHECK(error_of(read_exact(svg("width=\"100%\" height=\"100%\""))) ==
          "SVG has no width/height or viewBox (width is \"100%\")");
    CHECK(error_of(read_exact(svg("width=\"10\" viewBox=\"0 0 10\""))) ==
          "SVG has no width/height or viewBox (viewBox \"0 0 10\" is not 4 numbers)");
    CHECK(error_of(read_exact(svg("width=\"inf\" height=\"nan\""))) ==
          "SVG has no width/height or viewBox (width is \"inf\")");
    CHECK(error_of(read_exact(svg("width=\"1e12\" height=\"1\""))) == "SVG width is out of range");
    CHECK(error_of(read_exact("<svg width=\"10\" height=\"10\"")) ==
          "SVG: the <svg> start tag is not closed");
    CHECK(error_of(read_exact("<svg width=10 height=10>")) ==
          "SVG: attribute \"width\" of <svg> is not quoted");
    CHECK(error_of(read_exact("<!-- <svg width='1' height='1'>")) ==
          "SVG prolog: comment is not closed");
}

TEST_CASE("image headers: anything else is refused") {
    CHECK(error_of(read_exact("")) == "image file is empty");
    CHECK(error_of(read_exact("GIF89a\x01\0\x01\0"s)) == "not a PNG, JPEG or SVG image");
    CHECK(error_of(read_exact("hello, world")) == "not a PNG, JPEG or SVG image");
    CHECK(error_of(read_exact("<html><svg width='1' height='1'></svg></html>")) ==
          "not a PNG, JPEG or SVG image (XML root element is <html>)");
    CHECK(error_of(read_exact("<svgfoo width='1' height='1'/>")) ==
          "not a PNG, JPEG or SVG image (XML root element is <svgfoo>)");
}

TEST_CASE("image headers: garbage and every prefix of a valid image stay within the bytes") {
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<int> byte(0, 255), length(0, 200);
    const std::string starts[] = {"", png_signature + be32(13) + "IHDR", soi, "<svg ", "<?xml"};
    for (int i = 0; i < 5000; ++i) {
        auto bytes = starts[i % std::size(starts)];
        for (int n = length(rng); n > 0; --n)
            bytes += char(byte(rng));
        const auto r = check_exact(bytes);
        CHECK(r.info.has_value() == r.error.empty());
    }
    const std::string samples[] = {png(300, 200), jpeg(640, 480),
                                   svg("width='1' height='2' viewBox='0 0 3 4'")};
    for (const auto& sample : samples)
        for (std::size_t n = 0; n <= sample.size(); ++n) {
            const auto r = check_exact(sample.substr(0, n));
            CHECK(r.info.has_value() == r.error.empty());
        }
}

// Found by the fuzzer (tests/fuzz/run.sh): a prolog with nothing after it read past the end.
TEST_CASE("image headers: an SVG prolog that ends the file is refused, not a crash") {
    for (const char* text :
         {"<!DOCTYPEG\r>\n", "<?xml version=\"1.0\"?>", "<!-- x -->  ", "<!DOCTYPE svg>"}) {
        INFO(text);
        const auto r = kiosk::check_image_header(text);
        CHECK_FALSE(r.info);
        CHECK_FALSE(r.error.empty());
    }
}
