#pragma once
// SHA-256 for bundle manifests, from libsodium. Streaming, so the importer can hash a 32 MiB image
// in pieces without holding it in memory.
#include <sodium.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// Runs sodium_init() once (thread-safe); false if libsodium could not start, in which case the
// hashing functions below return an empty string and signature checks refuse everything.
bool sodium_ready();

class Sha256 {
  public:
    Sha256();
    void update(const void* data, std::size_t n);
    // The lower-case hex digest of everything passed to update(), or "" if libsodium is not
    // usable. Finishes the hash and starts a new one, so the object can be reused.
    std::string hex();

  private:
    crypto_hash_sha256_state state_{};
};

std::string sha256_hex(std::string_view data);

// The digest of a local file (the kiosk's own copy, never a stick's), "" when it cannot be read.
std::string sha256_file(const std::string& path);

} // namespace kiosk
