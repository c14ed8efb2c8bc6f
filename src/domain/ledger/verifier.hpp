// The offline verifier of exported audit logs (aims audit verify): checks an export against a
// signed checkpoint (and an older one), entry by entry, and names the first entry that does not
// match, as exactly as the signed data allows (docs/formats/audit-log.md, "Verifying").
// Needs nothing but the file, the checkpoint(s) and the verifier key. Pure; thread-safe.
#pragma once
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/merkle.hpp"
#include "core/signed_note.hpp"

namespace aims::ledger {

struct VerifyOptions {
  note::Verifier key;
  std::optional<std::string> checkpoint;      // the checkpoint to trust; default: the export's last
  std::optional<std::string> old_checkpoint;  // an earlier checkpoint the log must extend
};

struct VerifyResult {
  bool ok = false;
  std::string origin;
  std::int64_t entries = 0;          // entry lines in the file
  std::int64_t checkpoint_size = 0;  // of the checkpoint verified against
  std::string root_hash;             // its root, hex
  std::optional<std::int64_t> old_size;
  std::int64_t file_checkpoints = 0;  // signed checkpoints in the file that verified
  /// When not ok: one sentence saying what is wrong.
  std::string summary;
  /// The first entry that does not match, when the signed data pins it down exactly.
  std::optional<std::int64_t> first_bad;
  /// Otherwise, when known: the first entry that does not match lies in [first, second].
  std::optional<std::pair<std::int64_t, std::int64_t>> bad_range;
  /// Every finding, in file order (and notes such as entries past the checkpoint).
  std::vector<std::string> details;
};

/// Verifies an export read from `in` (JSON Lines, see log_export.hpp).
VerifyResult verify_export(std::istream& in, const VerifyOptions& options);

/// Verifies two signed checkpoints against each other with a consistency proof (hex hashes, as
/// GET /api/v1/audit/consistency answers): ok if the older tree is a prefix of the newer.
VerifyResult verify_checkpoints(const std::string& old_checkpoint, const std::string& checkpoint,
                                const std::vector<std::string>& proof_hex, const note::Verifier& key);

}  // namespace aims::ledger
