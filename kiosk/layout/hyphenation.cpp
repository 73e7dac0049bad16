#include "layout/hyphenation.h"

#include "content/utf8.h"

#include <hyphen.h>

#include <cstdlib>
#include <system_error>

namespace kiosk {
namespace {

bool upper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool lower(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}
bool letter(char32_t c) { return upper(c) || lower(c); }
char32_t to_lower(char32_t c) { return upper(c) ? c + 32 : c; }

struct Letter {
    char32_t c;
    std::size_t end; // byte offset in the word just after this letter
};

// The word's letters without the punctuation around it; empty when it is not a plain word.
std::vector<Letter> plain_letters(std::string_view word) {
    std::vector<Letter> all;
    for (std::size_t pos = 0; pos < word.size();) {
        const auto c = code_point_at(word, pos);
        if (!c) return {};
        pos += utf8_sequence_length(static_cast<unsigned char>(word[pos]));
        all.push_back({*c, pos});
    }
    std::size_t first = 0, last = all.size();
    // A hyphen stays: a word that has one already breaks there (break_points.h) or not at all.
    auto punctuation = [](char32_t c) {
        return !letter(c) && !(c >= '0' && c <= '9') && c != '-';
    };
    while (first < last && punctuation(all[first].c)) ++first;
    while (last > first && punctuation(all[last - 1].c)) --last;
    std::vector<Letter> out(all.begin() + static_cast<std::ptrdiff_t>(first),
                            all.begin() + static_cast<std::ptrdiff_t>(last));
    for (std::size_t i = 0; i < out.size(); ++i)
        if (!letter(out[i].c) || (i > 0 && upper(out[i].c))) return {};
    return out;
}

// The letters, lower case, in the patterns' encoding; unit_end[k] is the word's byte offset after
// the letter that encoded byte k belongs to, or npos inside a letter's bytes.
struct Encoded {
    std::string bytes;
    std::vector<std::size_t> unit_end;
};

Encoded encode(const std::vector<Letter>& letters, bool utf8) {
    Encoded e;
    for (const auto& l : letters) {
        if (utf8)
            append_utf8(e.bytes, to_lower(l.c));
        else
            e.bytes += static_cast<char>(to_lower(l.c)); // every letter here is Latin-1
        e.unit_end.resize(e.bytes.size(), std::string::npos);
        e.unit_end.back() = l.end;
    }
    return e;
}

} // namespace

void Hyphenator::Free::operator()(_HyphenDict* d) const { hnj_hyphen_free(d); }

std::optional<Hyphenator> Hyphenator::open(const std::filesystem::path& dir,
                                           std::string_view language, std::string& error) {
    std::string tag(language);
    for (auto& c : tag)
        if (c == '-') c = '_';
    const std::string primary = tag.substr(0, tag.find('_'));
    for (const auto& name : {"hyph_" + tag + ".dic", "hyph_" + primary + ".dic"}) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(dir / name, ec)) continue;
        if (HyphenDict* dict = hnj_hyphen_load((dir / name).c_str())) return Hyphenator(dict);
        error = "cannot read the hyphenation patterns " + (dir / name).string();
        return std::nullopt;
    }
    error = "no hyphenation patterns for \"" + std::string(language) + "\" (" +
            (dir / ("hyph_" + primary + ".dic")).string() + ")";
    return std::nullopt;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    const auto letters = plain_letters(word);
    if (letters.size() < 2 * min_fragment) return {};
    const Encoded e = encode(letters, dict_->utf8 != 0);
    std::vector<char> hyphens(e.bytes.size() + 5);
    std::vector<char> hyphword(e.bytes.size() * 3 + 5);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(dict_.get(), e.bytes.data(), static_cast<int>(e.bytes.size()),
                          hyphens.data(), hyphword.data(), &rep, &pos, &cut, min_fragment,
                          min_fragment, min_fragment, min_fragment);
    std::vector<std::size_t> out;
    std::size_t letters_before = 0;
    for (std::size_t k = 0; k + 1 < e.bytes.size(); ++k) {
        if (e.unit_end[k] == std::string::npos) continue;
        ++letters_before;
        // A non-standard break changes letters ("omaatje" -> "oma-tje"): not offered.
        const bool plain = !rep || !rep[k];
        if ((hyphens[k] & 1) && plain && letters_before >= min_fragment &&
            letters.size() - letters_before >= min_fragment)
            out.push_back(e.unit_end[k]);
    }
    if (rep) {
        for (std::size_t k = 0; k < e.bytes.size(); ++k)
            std::free(rep[k]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    return out;
}

} // namespace kiosk
