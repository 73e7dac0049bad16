#pragma once
// QR codes as a plain module matrix (libqrencode underneath), so a visitor can take a link home
// from a slide. Drawing turns the matrix into pixels; tests read the matrix back.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct QrMatrix {
    int size = 0;           // modules a side, without the quiet zone
    std::vector<bool> dark; // size*size, row by row
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// Medium error correction (15 %): scans well from a metre off a screen with some glare.
// nullopt when the text is empty or too long for a QR code.
std::optional<QrMatrix> make_qr(std::string_view text);

// The quiet zone the QR standard asks for, in modules, on each side.
inline constexpr int qr_quiet_zone = 4;

} // namespace kiosk
