// C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures (libsodium), and verifier key
// strings "<name>+<hex key id>+<base64(0x01 || public key)>". The audit log's checkpoints are signed
// notes (docs/formats/audit-log.md). Free functions and values; thread-safe (crypto::init() first).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims::note {

using PublicKey = std::array<std::uint8_t, 32>;
using Seed = std::array<std::uint8_t, 32>;

/// An Ed25519 key pair, derived from its 32-byte seed. A value; thread-safe as values are.
class SigningKey {
 public:
  /// A new random key.
  static SigningKey generate();
  static SigningKey from_seed(const Seed& seed);

  const Seed& seed() const { return seed_; }
  const PublicKey& public_key() const { return public_; }
  /// The 64-byte Ed25519 signature (RFC 8032) of `message`.
  std::string sign(std::string_view message) const;

 private:
  Seed seed_{};
  PublicKey public_{};
  std::array<std::uint8_t, 64> secret_{};
};

/// True if `signature` (64 bytes) is a valid Ed25519 signature of `message` by `key`.
bool ed25519_verify(const PublicKey& key, std::string_view message, std::string_view signature);

/// The recommended key ID: the first four bytes, big-endian, of
/// SHA-256(name || 0x0A || 0x01 || public key).
std::uint32_t key_id(std::string_view name, const PublicKey& key);

/// A key name is non-empty UTF-8 with no Unicode white space, no control character and no '+'.
bool valid_key_name(std::string_view name);

/// A verifier's view of a signing key: its name, ID and public key.
struct Verifier {
  std::string name;
  std::uint32_t id = 0;
  PublicKey key{};
};

/// "<name>+<8 lower-case hex digits of the key id>+<base64(0x01 || public key)>".
std::string verifier_key(std::string_view name, const PublicKey& key);
/// Parses a verifier key string; the key ID must be the one the name and key give.
result<Verifier> parse_verifier_key(std::string_view text);

/// The signed note: `text` (which must end with a newline and contain no blank line at its end),
/// a blank line, and "— <name> <base64(key id || signature of text)>\n".
std::string sign(std::string_view text, std::string_view name, const SigningKey& key);

/// Checks a signed note's form and its signature by `v`: the text if a signature line carries v's
/// name and key ID and verifies. Errors (errc::validation) say what is wrong: not a signed note,
/// no signature by this key, or a signature that does not verify.
result<std::string> open(std::string_view note, const Verifier& v);

/// Standard base64 (RFC 4648 §4) with padding.
std::string base64_encode(std::string_view bytes);
/// Strict standard base64 with padding; false if malformed.
bool base64_decode(std::string_view text, std::string& out);

}  // namespace aims::note
