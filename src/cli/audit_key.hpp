// The audit log's signing key file: kept outside the database (in the data directory by default),
// created with mode 0600 when missing, refused when others may read it. Two lines:
// "aims audit signing key v1" and the standard base64 of the 32-byte Ed25519 seed.
// Free functions; thread-safe as the file system is.
#pragma once
#include <string>

#include "core/error.hpp"
#include "core/signed_note.hpp"

namespace aims::cli {

/// Reads the key at `path`; if the file does not exist and `create`, makes a new key there.
/// errc::unavailable with a detail naming the problem (unreadable, malformed, too open).
result<note::SigningKey> load_signing_key(const std::string& path, bool create);

/// Writes `key` to a new file at `path` (mode 0600, fsynced); errc::unavailable if the file exists
/// or cannot be written (nothing is left behind).
status save_signing_key(const std::string& path, const note::SigningKey& key);

}  // namespace aims::cli
