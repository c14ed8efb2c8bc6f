// Checkpoints of an organization's audit log in the C2SP tlog-checkpoint format: the note text
// "<origin>\n<tree size>\n<base64 root hash>\n", signed as a C2SP signed note by the log's key, whose
// name is the origin. LogSigner holds the one Ed25519 key of an installation (kept in a file outside
// the database) and the origin prefix; organization X's log has origin "<prefix>/X".
// Values; thread-safe.
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

class LogSigner {
 public:
  /// origin_prefix: a schema-less URL such as "aims.invalid" (no spaces, no '+').
  LogSigner(note::SigningKey key, std::string origin_prefix)
      : key_(std::move(key)), prefix_(std::move(origin_prefix)) {}

  std::string origin(const std::string& org_id) const { return prefix_ + "/" + org_id; }
  /// The verifier key string of the organization's log ("<origin>+<key id>+<base64 key>").
  std::string verifier_key(const std::string& org_id) const;
  note::Verifier verifier(const std::string& org_id) const;
  /// The key ID of the organization's log key, as 8 lower-case hex digits.
  std::string key_id_hex(const std::string& org_id) const;
  /// The signed note of a checkpoint of `org_id`'s log.
  std::string sign(const std::string& org_id, std::int64_t size, const merkle::Hash& root) const;
  const note::PublicKey& public_key() const { return key_.public_key(); }

 private:
  note::SigningKey key_;
  std::string prefix_;
};

}  // namespace aims::ledger
