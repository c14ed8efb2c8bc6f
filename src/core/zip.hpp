// A small ZIP archive writer and reader for the auditor package (docs/formats/audit-pack.md).
// Entries are stored uncompressed (method 0) with their CRC-32 (zlib), so the reader needs no
// inflater; archives of 4 GiB or more (ZIP64) are refused, and so is an entry whose local header
// names another file than the central directory does. layout() gives the headers of an archive
// whose entry bytes are sent piece by piece (never held in memory whole); write() is layout() with
// the bytes in between. Pure functions over memory; thread-safe.
#pragma once
#include <cstdint>
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

/// What the headers of an entry say about it, for an archive written piece by piece.
struct EntryHeader {
  std::string name;
  std::uint32_t crc = 0;  // CRC-32 of the entry's bytes
  std::uint64_t size = 0;
};

/// The bytes of an archive around its entries' bytes: local_headers[i] comes right before entry i's
/// bytes, `tail` (central directory and end record) after the last entry; `size` is the whole.
struct Layout {
  std::vector<std::string> local_headers;
  std::string tail;
  std::uint64_t size = 0;
};

/// CRC-32 of `data` continued from `crc` (0 to start), so that it can be taken piece by piece.
std::uint32_t crc32_update(std::uint32_t crc, std::string_view data);

/// The layout of an archive of these entries, in this order. errc::validation if it would reach
/// 4 GiB or hold 65535 entries or more.
result<Layout> layout(const std::vector<EntryHeader>& entries);

/// Builds the archive. errc::validation if it would reach 4 GiB.
result<std::string> write(const std::vector<Entry>& entries);

/// Reads every entry of an archive written with stored entries. errc::validation, saying what is
/// wrong, for anything else (compressed entries, truncated data). A CRC-32 that does not match
/// is reported per entry (crc_ok), so that the caller can name the changed file.
result<std::vector<Entry>> read(std::string_view archive);

}  // namespace aims::zip
