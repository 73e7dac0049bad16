#pragma once
// The kiosk's three faces (regular, bold, italic), measured and rendered at any pixel size. One
// TTF_Font per face, resized on demand (SDL_ttf >= 2.0.18), rather than one per size. The font
// files are mapped into memory: read through a file, FreeType seeks and reads for every glyph it
// loads (each size change empties SDL_ttf's glyph cache), which cost more than half of the
// kiosk's start-up in system calls while the deck's one type size was searched.
#include "layout/measure.h"
#include "render/sdl_handles.h"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace kiosk {

class FontSet : public TextMeasure {
  public:
    // Opens Inter-Regular.otf, Inter-Bold.otf and Inter-Italic.otf from dir; on failure, error says
    // which file and why.
    static std::optional<FontSet> open(const std::filesystem::path& dir, std::string& error);

    int text_width(std::string_view utf8, FontStyle style, int px) const override;
    int line_height(int px) const override;
    // Whether the face has a glyph for this character (else it shows as an empty box).
    bool has_glyph(char32_t c, FontStyle style) const;
    // The face set to px, ready for TTF_Render*.
    TTF_Font* at(FontStyle style, int px) const;

  private:
    struct Mapping { // a font file mapped read-only; the face reads from it
        void* data = nullptr;
        std::size_t size = 0;
        Mapping() = default;
        Mapping(Mapping&& o) noexcept : data(std::exchange(o.data, nullptr)), size(o.size) {}
        Mapping& operator=(Mapping&& o) noexcept;
        ~Mapping();
    };
    static std::optional<Mapping> map_file(const std::string& path, std::string& error);

    std::array<Mapping, 3> files_; // declared first: outlives the faces reading from it
    std::array<FontPtr, 3> faces_;
    mutable std::array<int, 3> sizes_{};
};

} // namespace kiosk
