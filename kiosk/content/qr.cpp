#include "content/qr.h"

#include <qrencode.h>

#include <memory>

namespace kiosk {

std::optional<QrMatrix> make_qr(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const std::string data(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) return std::nullopt;
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(m.size) * m.size);
    // libqrencode marks a dark module with the lowest bit of each byte.
    for (std::size_t i = 0; i < m.dark.size(); ++i)
        m.dark[i] = (code->data[i] & 1) != 0;
    return m;
}

} // namespace kiosk
