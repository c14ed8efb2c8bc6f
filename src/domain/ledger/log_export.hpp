// The export file of an organization's audit log (docs/formats/audit-log.md), JSON Lines: a header
// line, one line per entry in seq order, the leaf hashes the server recorded (up to 1,000 a line),
// then the signed checkpoints up to the exported size in increasing size. Every line is canonical
// JSON. Pure functions; thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace aims::ledger {

constexpr std::string_view kExportFormat = "aims-audit-log";
constexpr std::int64_t kExportVersion = 1;

struct ExportHeader {
  std::string org;
  std::string origin;
  std::int64_t size = 0;  // entries in the file
};
struct ExportEntry {
  std::string entry;  // the entry bytes
};
/// The next leaf hashes in seq order, as the server recorded them when appending (hex).
struct ExportLeafHashes {
  std::vector<std::string> hashes;
};
constexpr std::size_t kLeafHashesPerLine = 1000;
struct ExportCheckpoint {
  std::string note;  // a signed checkpoint
};
using ExportLine = std::variant<ExportHeader, ExportEntry, ExportLeafHashes, ExportCheckpoint>;

/// {"format":"aims-audit-log","org":…,"origin":…,"size":N,"version":1} and a newline.
std::string header_line(const ExportHeader& h);
/// {"entry":"<entry bytes>"} and a newline.
std::string entry_line(const ExportEntry& e);
/// {"leaf_hashes":["<hex>",…]} and a newline.
std::string leaf_hashes_line(const ExportLeafHashes& l);
/// {"checkpoint":"<signed note>"} and a newline.
std::string checkpoint_line(const ExportCheckpoint& c);

/// Reads one line (without its newline). errc::validation, saying what is wrong, if it is none
/// of the four kinds of lines.
result<ExportLine> parse_line(std::string_view line);

}  // namespace aims::ledger
