#pragma once
// minisign signatures, verified exactly as the minisign tool makes them, so authors sign bundles
// with Debian's `minisign` and nothing of ours. Formats:
//   public key: "untrusted comment: …" then base64("Ed" | key id[8] | Ed25519 key[32])
//   signature:  "untrusted comment: …"
//               base64(alg[2] | key id[8] | signature[64])  alg "ED": over BLAKE2b-512(message),
//                                                           alg "Ed": over the message (legacy)
//               "trusted comment: <text>"
//               base64(global signature[64])  over signature[64] | <text>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct PublicKey {
    std::array<unsigned char, 8> key_id{};
    std::array<unsigned char, 32> key{};
    // As minisign prints it: the id as a little-endian 64-bit number in upper-case hex.
    std::string id_hex() const;
};

// A whole .pub file, or just its base64 line (what a configuration file holds).
std::optional<PublicKey> parse_public_key(std::string_view text, std::string& error);

struct VerifiedSignature {
    std::string trusted_comment;
    std::string key_id;
};

struct VerifyResult {
    std::optional<VerifiedSignature> ok;
    std::string error;
};

VerifyResult verify_minisign(std::string_view message, std::string_view minisig_file,
                             const std::vector<PublicKey>& trusted);

} // namespace kiosk
