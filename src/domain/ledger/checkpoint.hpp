// Checkpoints of an organization's audit log in the C2SP tlog-checkpoint format: the note text
// "<origin>\n<tree size>\n<base64 root hash>\n", signed as a C2SP signed note by the log's key, whose
// name is the origin. LogSigner holds the Ed25519 key of an installation (kept in a file outside
// the database) and the origin prefix; organization X's log has origin "<prefix>/X" and its own
// Ed25519 key, derived from the installation's (organization_seed), so that one organization's
// verifier key never accepts another's checkpoint. Values; thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/merkle.hpp"
#include "core/signed_note.hpp"

namespace aims::ledger {

struct Checkpoint {
  std::string origin;
  std::int64_t size = 0;
  merkle::Hash root{};
};

/// The note text of a checkpoint (three lines, each ending in a newline; no extension lines).
std::string checkpoint_text(const Checkpoint& c);

/// Reads note text: origin, decimal size without leading zeros, base64 of a 32-byte root; any
/// extension lines after those are ignored. errc::validation, saying what is wrong, otherwise.
result<Checkpoint> parse_checkpoint_text(std::string_view text);

/// Verifies a signed checkpoint with `v` and reads it; its origin must be the key's name (a
/// checkpoint of one organization's log does not pass for another's).
result<Checkpoint> open_checkpoint(std::string_view note, const note::Verifier& v);

/// The Ed25519 seed of an organization's log key: HMAC-SHA-256 keyed with the installation's seed
/// over "aims audit log key v1\n" followed by the organization id (docs/formats/audit-log.md §5).
note::Seed organization_seed(const note::Seed& installation_seed, std::string_view org_id);

class LogSigner {
 public:
  /// origin_prefix: a schema-less URL such as "aims.invalid" (no spaces, no '+').
  LogSigner(note::SigningKey key, std::string origin_prefix)
      : key_(std::move(key)), prefix_(std::move(origin_prefix)) {}

  std::string origin(const std::string& org_id) const { return prefix_ + "/" + org_id; }
  /// The verifier key string of the organization's log ("<origin>+<key id>+<base64 key>"), of the
  /// organization's own key.
  std::string verifier_key(const std::string& org_id) const;
  note::Verifier verifier(const std::string& org_id) const;
  /// The key ID of the organization's log key, as 8 lower-case hex digits.
  std::string key_id_hex(const std::string& org_id) const;
  /// The signed note of a checkpoint of `org_id`'s log, by the organization's key.
  std::string sign(const std::string& org_id, std::int64_t size, const merkle::Hash& root) const;
  /// A signed note of any other text by the organization's key (under the origin as key name).
  std::string sign_text(const std::string& org_id, std::string_view text) const;
  /// The installation's key under the organization's origin: the key every checkpoint was signed
  /// with before organizations had keys of their own.
  note::Verifier legacy_verifier(const std::string& org_id) const;
  /// A stored checkpoint note as served: unchanged if the organization's key signed it; if only
  /// the installation's key did (a checkpoint signed before organizations had keys of their own),
  /// with the organization's signature line added after that one. Other notes are unchanged.
  std::string cosign(const std::string& org_id, const std::string& note) const;
  /// Whether a stored checkpoint note of `org_id`'s log carries a valid signature by this signer's
  /// key: the organization's own or (from before organizations had keys) the installation's. A
  /// note that does not is another key's: a server of the installation configured with another key
  /// file (docs/deployment.md, "The signing key").
  bool signed_it(const std::string& org_id, const std::string& note) const;

 private:
  note::SigningKey key_;
  std::string prefix_;
};

}  // namespace aims::ledger
