// The POSIX ustar archive format (IEEE Std 1003.1, "pax" interchange format without extended
// headers) for the backup archive (docs/operations.md): regular files only, names of at most 255
// bytes split over the name and prefix fields, sizes below 8 GiB (11 octal digits). header()
// makes a member's 512-byte header, padding() the zero bytes after its data, end() the two zero
// blocks that close the archive; parse_header() reads a header block back. Pure functions over
// memory; thread-safe.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace aims::tar {

inline constexpr std::size_t kBlock = 512;
inline constexpr std::uint64_t kMaxSize = 077777777777ULL;  // 11 octal digits

struct Member {
  std::string name;
  std::uint64_t size = 0;
  std::uint32_t mode = 0600;
  std::int64_t mtime = 0;  // seconds since 1970
};

/// The 512-byte header of a regular file. errc::validation if the name cannot be stored (empty,
/// longer than 255 bytes or without a '/' where it must be split) or the size is too large.
result<std::string> header(const Member& m);
/// The zero bytes that pad `size` bytes of data to a whole block.
std::string padding(std::uint64_t size);
/// The end of an archive: two zero blocks.
std::string end();

/// Reads one header block (exactly kBlock bytes). nullopt for a zero block (the end of the
/// archive); errc::validation if it is not a valid ustar header of a regular file (bad checksum,
/// not ustar, another type such as a link or directory, a bad number).
result<std::optional<Member>> parse_header(std::string_view block);

}  // namespace aims::tar
