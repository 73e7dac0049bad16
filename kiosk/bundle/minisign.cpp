#include "bundle/minisign.h"

#include "bundle/sha256.h"

#include <sodium.h>

#include <cstdio>
#include <cstring>

namespace kiosk {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return lines;
}

// Decodes base64 that must give exactly n bytes.
bool decode_exact(std::string_view b64, unsigned char* out, std::size_t n) {
    std::size_t len = 0;
    if (sodium_base642bin(out, n, b64.data(), b64.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return false;
    return len == n;
}

std::string id_hex_of(const std::array<unsigned char, 8>& id) {
    unsigned long long v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | id[i];
    char text[20];
    std::snprintf(text, sizeof text, "%llX", v);
    return text;
}

constexpr std::string_view trusted_prefix = "trusted comment: ";

} // namespace

std::string PublicKey::id_hex() const { return id_hex_of(key_id); }

std::optional<PublicKey> parse_public_key(std::string_view text, std::string& error) {
    const auto lines = lines_of(text);
    std::string_view b64;
    for (auto l : lines)
        if (!l.empty() && l.rfind("untrusted comment:", 0) != 0) {
            b64 = l;
            break;
        }
    unsigned char raw[42];
    if (b64.empty() || !decode_exact(b64, raw, sizeof raw)) {
        error = "not a minisign public key (expected base64 of 42 bytes)";
        return std::nullopt;
    }
    if (raw[0] != 'E' || raw[1] != 'd') {
        error = "not an Ed25519 minisign public key";
        return std::nullopt;
    }
    PublicKey k;
    std::memcpy(k.key_id.data(), raw + 2, 8);
    std::memcpy(k.key.data(), raw + 10, 32);
    return k;
}

VerifyResult verify_minisign(std::string_view message, std::string_view minisig_file,
                             const std::vector<PublicKey>& trusted) {
    if (!sodium_ready()) return {std::nullopt, "the crypto library did not start"};
    const auto lines = lines_of(minisig_file);
    if (lines.size() < 4 || lines[0].rfind("untrusted comment:", 0) != 0)
        return {std::nullopt, "signature file is malformed: expected four lines"};
    unsigned char sig[74];
    if (!decode_exact(lines[1], sig, sizeof sig))
        return {std::nullopt, "signature file is malformed: line 2 is not a signature"};
    const bool prehashed = sig[0] == 'E' && sig[1] == 'D';
    if (!prehashed && !(sig[0] == 'E' && sig[1] == 'd'))
        return {std::nullopt, "unsupported signature algorithm"};
    if (lines[2].rfind(trusted_prefix, 0) != 0)
        return {std::nullopt, "signature file is malformed: line 3 is not a trusted comment"};
    unsigned char global[64];
    if (!decode_exact(lines[3], global, sizeof global))
        return {std::nullopt, "signature file is malformed: line 4 is not a signature"};
    std::array<unsigned char, 8> id{};
    std::memcpy(id.data(), sig + 2, 8);
    const PublicKey* key = nullptr;
    for (const auto& k : trusted)
        if (k.key_id == id) key = &k;
    if (!key) return {std::nullopt, "signed by key " + id_hex_of(id) + " which this kiosk does not trust"};
    unsigned char digest[crypto_generichash_BYTES_MAX];
    const unsigned char* signed_bytes = reinterpret_cast<const unsigned char*>(message.data());
    std::size_t signed_len = message.size();
    if (prehashed) {
        crypto_generichash(digest, sizeof digest, signed_bytes, signed_len, nullptr, 0);
        signed_bytes = digest;
        signed_len = sizeof digest;
    }
    if (crypto_sign_verify_detached(sig + 10, signed_bytes, signed_len, key->key.data()) != 0)
        return {std::nullopt, "signature does not match manifest.json (changed after signing?)"};
    const std::string_view comment = lines[2].substr(trusted_prefix.size());
    std::string global_message(reinterpret_cast<const char*>(sig + 10), 64);
    global_message.append(comment);
    if (crypto_sign_verify_detached(global, reinterpret_cast<const unsigned char*>(global_message.data()),
                                    global_message.size(), key->key.data()) != 0)
        return {std::nullopt, "trusted comment does not match its signature (altered?)"};
    return {VerifiedSignature{std::string(comment), key->id_hex()}, ""};
}

} // namespace kiosk
