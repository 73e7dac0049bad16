#pragma once
// minisign signatures, checked byte for byte as Debian's `minisign` 0.11 writes them, so organisers
// sign bundles with that tool and nothing of ours. The formats (base64 is the standard alphabet,
// padded; lines end in "\n" or "\r\n"):
//   public key  "untrusted comment: <text>"
//               base64("Ed" | key id[8] | Ed25519 public key[32])
//   signature   "untrusted comment: <text>"
//               base64(algorithm[2] | key id[8] | signature[64])
//                 "ED": signature over BLAKE2b-512(message)  (minisign's default, "prehashed")
//                 "Ed": signature over the message itself     (minisign -l, "legacy")
//               "trusted comment: <text>"
//               base64(global signature[64]), over signature[64] | <text>
// The untrusted comments are ignored; the trusted comment is covered by the global signature,
// which is why the replay counter lives there.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The largest .minisig file accepted, by the checker and the importer alike. minisign caps a
// trusted comment at 8 KiB; a larger file is not one of its signatures.
inline constexpr std::size_t max_signature_file_bytes = 16 * 1024;

struct PublicKey {
    std::array<unsigned char, 8> key_id{};
    std::array<unsigned char, 32> key{};
    // The key id as minisign prints it ("minisign public key 3690DD430998844"): the 8 bytes read
    // as a little-endian 64-bit number, in upper-case hex without leading zeros ("%" PRIX64).
    std::string id_hex() const;
};

// Accepts a whole .pub file or just its base64 line (what a configuration file holds), with
// surrounding white space. On failure returns nullopt and says why in `error`.
std::optional<PublicKey> parse_public_key(std::string_view text, std::string& error);

struct VerifiedSignature {
    std::string trusted_comment; // without the "trusted comment: " prefix
    std::string key_id;          // PublicKey::id_hex() of the key that signed
};

// What kind of failure a refused signature is, for callers that act on it (the importer tells an
// unknown key from a bad signature); the message says it in words, for people.
enum class SignatureError {
    none,
    no_crypto,       // libsodium could not start
    malformed,       // not a minisign signature this kiosk reads (empty, garbled, other algorithm)
    untrusted_key,   // well formed, by a key the kiosk does not trust
    wrong_message,   // the signature is not over this manifest
    altered_comment, // the trusted comment does not match its global signature
};

struct VerifyResult {
    std::optional<VerifiedSignature> ok;
    SignatureError failure = SignatureError::none; // set with error when ok is empty
    std::string error;
};

// The trusted comment of a well-formed .minisig text, unverified (what the organiser's own
// stick already carries, for choosing the next sequence number); nullopt when malformed.
std::optional<std::string> trusted_comment_of(std::string_view minisig_file);

// Parses the .minisig text, finds its key id among `trusted`, then checks the signature over
// `message` (the manifest, which the error messages name) and the global signature over the
// trusted comment. Legacy and prehashed signatures are both accepted.
VerifyResult verify_minisign(std::string_view message, std::string_view minisig_file,
                             const std::vector<PublicKey>& trusted);

} // namespace kiosk
