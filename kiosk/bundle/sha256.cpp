#include "bundle/sha256.h"

#include <fstream>

namespace kiosk {

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0; // 1 means "already initialised": also fine
    return ready;
}

Sha256::Sha256() {
    crypto_hash_sha256_init(&state_);
}

void Sha256::update(const void* data, std::size_t n) {
    crypto_hash_sha256_update(&state_, static_cast<const unsigned char*>(data), n);
}

std::string Sha256::hex() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    crypto_hash_sha256_init(&state_);
    if (!sodium_ready()) return {};
    char text[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(text, sizeof text, digest, sizeof digest);
    return text;
}

std::string sha256_hex(std::string_view data) {
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hex();
}

} // namespace kiosk

namespace kiosk {

std::string sha256_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    Sha256 h;
    char buf[64 * 1024];
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        h.update(buf, static_cast<std::size_t>(in.gcount()));
    return h.hex();
}

} // namespace kiosk
