// A small ZIP archive writer and reader for the auditor package (docs/formats/audit-pack.md).
// Entries are stored uncompressed (method 0) with their CRC-32 (zlib), so the reader needs no
// inflater; archives of 4 GiB or more (ZIP64) are refused, and so is an entry whose local header
// names another file than the central directory does. Pure functions over memory; thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace aims::zip {

struct Entry {
  std::string name;
  std::string data;
  bool crc_ok = true;  // read: false if the data does not match the stored CRC-32
};

/// Builds the archive. errc::validation if it would reach 4 GiB.
result<std::string> write(const std::vector<Entry>& entries);

/// Reads every entry of an archive written with stored entries. errc::validation, saying what is
/// wrong, for anything else (compressed entries, truncated data). A CRC-32 that does not match
/// is reported per entry (crc_ok), so that the caller can name the changed file.
result<std::vector<Entry>> read(std::string_view archive);

}  // namespace aims::zip
