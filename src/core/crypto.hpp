// Hashing, randomness and password storage (libsodium, OpenSSL). Free functions; thread-safe.
#pragma once
#include <string>
#include <string_view>

namespace aims::crypto {

/// Initializes libsodium; call once at start-up (idempotent, thread-safe).
void init();

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view data);

/// `bytes` random bytes, base64url without padding.
std::string random_token(std::size_t bytes = 32);

/// Random lower-case base32 (Crockford alphabet) string of `chars` characters.
std::string random_base32(std::size_t chars);

/// Argon2id hash string (libsodium's crypto_pwhash_str, interactive limits).
std::string hash_password(std::string_view password);

/// True if the password matches the stored hash string. Constant-time in the hash.
bool verify_password(const std::string& hash, std::string_view password);

/// Constant-time equality of two strings of the same length (false if lengths differ).
bool equal_ct(std::string_view a, std::string_view b);

std::string base64url_encode(std::string_view data);
/// Decodes base64url without padding; returns false on invalid input.
bool base64url_decode(std::string_view in, std::string& out);

}  // namespace aims::crypto
