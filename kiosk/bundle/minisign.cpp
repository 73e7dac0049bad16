#include "bundle/minisign.h"

#include "bundle/sha256.h"

#include <sodium.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace kiosk {
namespace {

constexpr std::string_view untrusted_prefix = "untrusted comment: ";
constexpr std::string_view trusted_prefix = "trusted comment: ";
constexpr std::string_view white_space = " \t\r\n";
constexpr std::size_t prehash_bytes = 64; // BLAKE2b-512, unkeyed, as minisign uses it
static_assert(prehash_bytes <= crypto_generichash_BYTES_MAX);

struct SignatureFile {
    bool prehashed = true;
    std::array<unsigned char, 8> key_id{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    std::string_view trusted_comment;
    std::array<unsigned char, crypto_sign_BYTES> global_signature{};
};

// Splits at "\n" and drops one "\r" before it; a missing final newline is fine.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(white_space);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(white_space) - first + 1);
}

// Decodes padded standard base64 that must give exactly n bytes; says why not, or nullopt.
std::optional<std::string> decode_exact(std::string_view b64, unsigned char* out, std::size_t n) {
    std::vector<unsigned char> buffer(b64.size() / 4 * 3 + 3);
    std::size_t length = 0;
    if (sodium_base642bin(buffer.data(), buffer.size(), b64.data(), b64.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return "is not valid base64";
    if (length != n)
        return "holds " + std::to_string(length) + " bytes instead of " + std::to_string(n);
    std::memcpy(out, buffer.data(), n);
    return std::nullopt;
}

std::string id_hex_of(const std::array<unsigned char, 8>& id) {
    std::uint64_t value = 0;
    for (auto byte = id.rbegin(); byte != id.rend(); ++byte)
        value = value << 8 | *byte;
    char text[17];
    std::snprintf(text, sizeof text, "%" PRIX64, value);
    return text;
}

std::optional<SignatureFile> malformed(std::string& error, const std::string& why) {
    error = "signature file is malformed: " + why;
    return std::nullopt;
}

// Line 2: algorithm, key id and the signature over the message.
std::optional<SignatureFile> parse_signature_line(std::string_view b64, std::string& error) {
    std::array<unsigned char, 2 + 8 + crypto_sign_BYTES> raw{};
    if (auto why = decode_exact(b64, raw.data(), raw.size()))
        return malformed(error, "line 2 " + *why);
    if (raw[0] != 'E' || (raw[1] != 'D' && raw[1] != 'd'))
        return error = "unsupported signature algorithm (neither minisign's \"ED\" nor \"Ed\")",
               std::nullopt;
    SignatureFile sig;
    sig.prehashed = raw[1] == 'D';
    std::memcpy(sig.key_id.data(), raw.data() + 2, sig.key_id.size());
    std::memcpy(sig.signature.data(), raw.data() + 10, sig.signature.size());
    return sig;
}

std::optional<SignatureFile> parse_signature_file(std::string_view text, std::string& error) {
    if (trim(text).empty()) return error = "signature file is empty", std::nullopt;
    if (text.size() > max_signature_file_bytes)
        return malformed(error, "it is larger than " +
                                    std::to_string(max_signature_file_bytes / 1024) + " KiB");
    const auto lines = split_lines(text);
    if (lines.size() < 4)
        return malformed(error, "it has " + std::to_string(lines.size()) + " lines instead of 4");
    if (std::any_of(lines.begin() + 4, lines.end(), [](auto l) { return !l.empty(); }))
        return malformed(error, "there is text after line 4");
    if (!lines[0].starts_with(untrusted_prefix))
        return malformed(error, "line 1 does not start with \"untrusted comment: \"");
    auto sig = parse_signature_line(lines[1], error);
    if (!sig) return std::nullopt;
    if (!lines[2].starts_with(trusted_prefix))
        return malformed(error, "line 3 does not start with \"trusted comment: \"");
    sig->trusted_comment = lines[2].substr(trusted_prefix.size());
    if (auto why = decode_exact(lines[3], sig->global_signature.data(), crypto_sign_BYTES))
        return malformed(error, "line 4 " + *why);
    return sig;
}

bool ed25519_ok(const std::array<unsigned char, crypto_sign_BYTES>& signature,
                const unsigned char* message, std::size_t size, const PublicKey& key) {
    return crypto_sign_verify_detached(signature.data(), message, size, key.key.data()) == 0;
}

bool message_signature_ok(std::string_view message, const SignatureFile& sig,
                          const PublicKey& key) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(message.data());
    if (!sig.prehashed) return ed25519_ok(sig.signature, bytes, message.size(), key);
    unsigned char digest[prehash_bytes];
    crypto_generichash(digest, sizeof digest, bytes, message.size(), nullptr, 0);
    return ed25519_ok(sig.signature, digest, sizeof digest, key);
}

bool comment_signature_ok(const SignatureFile& sig, const PublicKey& key) {
    std::vector<unsigned char> signed_bytes(sig.signature.begin(), sig.signature.end());
    signed_bytes.insert(signed_bytes.end(), sig.trusted_comment.begin(), sig.trusted_comment.end());
    return ed25519_ok(sig.global_signature, signed_bytes.data(), signed_bytes.size(), key);
}

VerifyResult refused(SignatureError failure, std::string why) {
    return {std::nullopt, failure, std::move(why)};
}

} // namespace

std::string PublicKey::id_hex() const {
    return id_hex_of(key_id);
}

std::optional<PublicKey> parse_public_key(std::string_view text, std::string& error) {
    const auto lines = split_lines(trim(text));
    const bool commented = !lines.empty() && lines[0].starts_with("untrusted comment:");
    if (lines.empty()) return error = "public key is empty", std::nullopt;
    if (lines.size() > 2 || (lines.size() == 2 && !commented))
        return error = "public key is neither a minisign .pub file nor its base64 line",
               std::nullopt;
    if (lines.size() == 1 && commented)
        return error = "public key file has a comment but no key line", std::nullopt;
    std::array<unsigned char, 2 + 8 + 32> raw{};
    if (auto why = decode_exact(trim(lines.back()), raw.data(), raw.size()))
        return error = "public key " + *why, std::nullopt;
    if (raw[0] != 'E' || raw[1] != 'd')
        return error = "public key is not a minisign Ed25519 key (unsupported algorithm)",
               std::nullopt;
    PublicKey key;
    std::memcpy(key.key_id.data(), raw.data() + 2, key.key_id.size());
    std::memcpy(key.key.data(), raw.data() + 10, key.key.size());
    return key;
}

std::optional<std::string> trusted_comment_of(std::string_view minisig_file) {
    std::string error;
    const auto sig = parse_signature_file(minisig_file, error);
    if (!sig) return std::nullopt;
    return std::string(sig->trusted_comment);
}

VerifyResult verify_minisign(std::string_view message, std::string_view minisig_file,
                             const std::vector<PublicKey>& trusted) {
    if (!sodium_ready())
        return refused(SignatureError::no_crypto, "the crypto library (libsodium) could not start");
    std::string error;
    const auto sig = parse_signature_file(minisig_file, error);
    if (!sig) return refused(SignatureError::malformed, error);
    const auto key = std::find_if(trusted.begin(), trusted.end(),
                                  [&](const PublicKey& k) { return k.key_id == sig->key_id; });
    if (key == trusted.end())
        return refused(SignatureError::untrusted_key,
                       "signed by key " + id_hex_of(sig->key_id) +
                           " which this kiosk does not trust" +
                           (trusted.empty() ? " (no keys are configured)" : ""));
    if (!message_signature_ok(message, *sig, *key))
        return refused(SignatureError::wrong_message,
                       "signature does not match manifest.json (changed after signing?)");
    if (!comment_signature_ok(*sig, *key))
        return refused(SignatureError::altered_comment,
                       "trusted comment does not match its signature (altered?)");
    return {VerifiedSignature{std::string(sig->trusted_comment), key->id_hex()}, {}, {}};
}

} // namespace kiosk
