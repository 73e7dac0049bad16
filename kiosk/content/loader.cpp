#include "content/loader.h"

#include "content/deck_reader.h"
#include "content/image_header.h"
#include "content/json_parse.h"
#include "content/limits.h"
#include "content/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace kiosk {
namespace {

// Reads up to max bytes of a regular file; a FIFO or device is refused before it can block.
std::optional<std::string> read_head(const std::filesystem::path& file, std::size_t max,
                                     std::string& error) {
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(file, ec);
    if (ec || !std::filesystem::exists(status)) return error = "file not found", std::nullopt;
    if (!std::filesystem::is_regular_file(status))
        return error = "not a regular file", std::nullopt;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return error = "cannot read the file", std::nullopt;
    if (size > limits::max_image_file_bytes)
        return error = "file is " + std::to_string(size) + " bytes; the limit is " +
                       std::to_string(limits::max_image_file_bytes),
               std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::string head(std::min<std::size_t>(max, size), '\0');
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size())))
        return error = "cannot read the file", std::nullopt;
    return head;
}

// Images are checked from their headers here, before anything decodes them; a slide whose image
// fails is kept without it, so the deck still shows. Checked whatever other errors the deck has:
// the author gets every error in one pass.
void check_image(std::optional<SlideImage>& image, const std::filesystem::path& base,
                 Diagnostics& d) {
    if (!image) return;
    std::string error;
    const auto head = read_head(base / image->src, 64 * 1024, error);
    const auto header = head ? check_image_header(*head) : ImageHeaderResult{};
    if (head && !header.info) error = header.error;
    if (!error.empty()) {
        d.recoverable_error(image->src_pointer, "\"" + image->src + "\": " + error);
        image.reset();
        return;
    }
    image->path = (base / image->src).string();
    image->width = header.info->width;
    image->height = header.info->height;
}

void check_images(Deck& deck, const std::filesystem::path& base, Diagnostics& d) {
    check_image(deck.logo, base, d);
    for (auto& slide : deck.slides)
        check_image(slide.image, base, d);
}

std::string fnv1a_hex(std::string_view text) {
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : text)
        h = (h ^ c) * 1099511628211ull;
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

void read_into(LoadResult& result, std::string_view text, const std::filesystem::path& base_dir) {
    nlohmann::json doc;
    if (!parse_document(text, limits::max_deck_file_bytes, doc, result.diagnostics)) return;
    Deck deck = read_deck(doc, result.diagnostics);
    check_images(deck, base_dir, result.diagnostics);
    deck.digest = fnv1a_hex(text);
    if (!result.diagnostics.has_fatal_errors()) result.deck = std::move(deck);
}

} // namespace

LoadResult load_deck_text(std::string_view text, const std::string& file_label,
                          const std::filesystem::path& base_dir) {
    LoadResult result;
    result.diagnostics.file = file_label;
    try {
        read_into(result, text, base_dir);
    } catch (const std::exception& e) {
        // Whatever a bug of ours or a library throws must cost this deck, not the kiosk: it is
        // reported like any content error.
        result.deck.reset();
        result.diagnostics.error("",
                                 std::string("internal error while reading the deck: ") + e.what());
    }
    return result;
}

LoadResult load_deck_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && !std::filesystem::is_regular_file(file, ec)) {
        // A FIFO or device would block or never end; only plain files are content.
        LoadResult result;
        result.diagnostics.file = file.string();
        result.diagnostics.error("", "not a regular file");
        return result;
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > limits::max_deck_file_bytes) {
        LoadResult result;
        result.diagnostics.file = file.string();
        result.diagnostics.error("", "file is " + std::to_string(size) + " bytes; the limit is " +
                                         std::to_string(limits::max_deck_file_bytes));
        return result;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.diagnostics.file = file.string();
        result.diagnostics.error("", "cannot open the file");
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return load_deck_text(buffer.str(), file.string(), file.parent_path());
}

LoadResult load_content_dir(const std::filesystem::path& dir) {
    return load_deck_file(dir / deck_file_name);
}

} // namespace kiosk
