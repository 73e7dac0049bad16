#pragma once
// Every limit the loader enforces, in one place; the README's "Limits" table mirrors this file.
// They keep a hostile or mistaken deck from exhausting memory, time or texture size on a Pi.
#include <cstddef>

namespace kiosk::limits {

inline constexpr std::size_t max_deck_file_bytes = 1024 * 1024;
inline constexpr std::size_t max_string_bytes = 4000;
inline constexpr std::size_t max_line_breaks = 20; // in one string
inline constexpr std::size_t max_json_depth = 16;
inline constexpr std::size_t max_slides = 200;
inline constexpr std::size_t max_findings = 20;
inline constexpr std::size_t max_points = 7;
inline constexpr std::size_t max_contacts = 6;
inline constexpr std::size_t max_detail_paragraphs = 40;
inline constexpr double max_duration_s = 600;
inline constexpr std::size_t max_qr_bytes = 300;
inline constexpr std::size_t max_image_name_bytes = 200; // ASCII only, so also characters
inline constexpr std::size_t max_image_file_bytes = 16 * 1024 * 1024;
inline constexpr int max_images = 50;
inline constexpr std::size_t loop_words_advice = 45;       // a warning, not an error
inline constexpr std::size_t short_title_words_advice = 4; // a warning too

} // namespace kiosk::limits
