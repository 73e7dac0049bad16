#pragma once
// SHA-256 (libsodium) for bundle manifests: streaming, so large files are hashed in pieces.
#include <sodium.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t n);
    std::string hex(); // lower-case hex digest; finishes the hash

private:
    crypto_hash_sha256_state state_;
};

std::string sha256_hex(std::string_view data);

// libsodium must be initialised once before use; safe to call from several places.
bool sodium_ready();

} // namespace kiosk
