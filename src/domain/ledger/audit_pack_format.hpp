// The fixed parts of the auditor package format (docs/formats/audit-pack.md) shared by the packer
// and the offline verifier: the records files and their log record types, the evidence file names,
// the text of the manifest signature and the README. Values and pure functions; thread-safe.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/merkle.hpp"

namespace aims::ledger {

constexpr std::string_view kPackFormat = "aims-audit-pack";
constexpr int kPackVersion = 3;

/// One records file of the package and the audit log record type of its rows.
struct PackRecordsFile {
  std::string path;         // "records/risk.json"
  std::string record_type;  // "risk"
  /// A file of a field-driven kind of the kind registry: always written, but a package made before
  /// the kind existed lacks it, which verifies as long as the log names no record of the kind.
  bool since_kind = false;
};

/// Every records file of the package, in the order of the format document: the six special ones,
/// then one per generic record kind.
const std::vector<PackRecordsFile>& pack_records_files();
/// The records file of a record type, or nullptr if no file of the package holds that type.
const PackRecordsFile* pack_records_file_of(std::string_view record_type);
/// The records file at `path`, or nullptr if the format has none there.
const PackRecordsFile* pack_records_file_of_path(std::string_view path);

/// The path of an evidence record's file: "evidence/<first 16 hex digits of sha256>-<safe
/// title>[.<ext>]"; the title made path-safe (safe_file_title), the extension that of `filename`
/// when it is 1 to 10 ASCII letters or digits (lower-cased).
std::string evidence_file_name(std::string_view sha256_hex, std::string_view title, std::string_view filename);
/// A title as a file name part: each run of bytes other than ASCII letters, digits and '-' (spaces,
/// dots, slashes, '_', control and non-ASCII characters included) becomes one '_', none at the start
/// or end, cut at 60 characters; "evidence" if nothing is left. Never holds '/', '.' or controls.
std::string safe_file_title(std::string_view title);

/// What manifest.sig signs.
struct ManifestStatement {
  std::string org_id;
  std::int64_t size = 0;    // the checkpoint's tree size
  merkle::Hash root{};      // and root hash
  std::string manifest_sha256;  // lower-case hex SHA-256 of manifest.json's bytes
};

/// The note text: "aims audit pack manifest v3\n" then the org id, the size, the base64 root and
/// the manifest hash, one per line. Its first line has spaces, so it is never a checkpoint.
std::string manifest_statement_text(const ManifestStatement& s);
/// Reads that text back; errc::validation saying what is wrong.
result<ManifestStatement> parse_manifest_statement(std::string_view text);

/// The exact README.txt of this format version.
std::string_view pack_readme();

}  // namespace aims::ledger
