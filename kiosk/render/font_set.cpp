#include "render/font_set.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

FontSet::Mapping& FontSet::Mapping::operator=(Mapping&& o) noexcept {
    if (this != &o) {
        if (data) munmap(data, size);
        data = std::exchange(o.data, nullptr);
        size = o.size;
    }
    return *this;
}

FontSet::Mapping::~Mapping() {
    if (data) munmap(data, size);
}

std::optional<FontSet::Mapping> FontSet::map_file(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    Mapping m;
    if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0) {
        m.size = static_cast<std::size_t>(st.st_size);
        void* p = mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) m.data = p;
    }
    const int saved = errno;
    if (fd >= 0) ::close(fd);
    if (m.data) return m;
    error = std::strerror(saved);
    return std::nullopt;
}

std::optional<FontSet> FontSet::open(const std::filesystem::path& dir, std::string& error) {
    static constexpr const char* files[] = {"Inter-Regular.otf", "Inter-Bold.otf",
                                            "Inter-Italic.otf"};
    FontSet set;
    for (int i = 0; i < 3; ++i) {
        const auto path = (dir / files[i]).string();
        std::string why;
        auto mapped = map_file(path, why);
        if (mapped) {
            set.files_[i] = std::move(*mapped);
            SDL_RWops* rw =
                SDL_RWFromConstMem(set.files_[i].data, static_cast<int>(set.files_[i].size));
            set.faces_[i].reset(TTF_OpenFontRW(rw, 1, 32));
            if (!set.faces_[i]) why = TTF_GetError();
        }
        if (!set.faces_[i]) {
            error = "cannot open font " + path + ": " + why +
                    " (install the fonts-inter package, or pass --font-dir)";
            return std::nullopt;
        }
        set.sizes_[i] = 32;
        TTF_SetFontHinting(set.faces_[i].get(), TTF_HINTING_LIGHT);
    }
    return set;
}

TTF_Font* FontSet::at(FontStyle style, int px) const {
    const auto i = static_cast<std::size_t>(style);
    if (sizes_[i] != px) {
        TTF_SetFontSize(faces_[i].get(), px);
        sizes_[i] = px;
    }
    return faces_[i].get();
}

bool FontSet::has_glyph(char32_t c, FontStyle style) const {
    return TTF_GlyphIsProvided32(faces_[static_cast<std::size_t>(style)].get(), c) != 0;
}

int FontSet::text_width(std::string_view utf8, FontStyle style, int px) const {
    if (utf8.empty()) return 0;
    int w = 0, h = 0;
    const std::string text(utf8); // TTF wants a terminated string
    if (TTF_SizeUTF8(at(style, px), text.c_str(), &w, &h) != 0) return 0;
    return w;
}

int FontSet::line_height(int px) const {
    // Inter's own line gap is tight for reading at a distance; 1.3 em opens it up.
    return static_cast<int>(std::lround(px * 1.3));
}

} // namespace kiosk
