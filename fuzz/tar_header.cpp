// Fuzz target: the ustar header blocks of a backup archive (aims restore reads them from a file
// given by an operator), read by tar::parse_header. Input: one 512-byte block (shorter inputs are
// padded with zeros, longer ones cut). Properties: nothing crashes; a member read from a block,
// written again by tar::header, reads back the same (name, size, permission bits, time).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/tar.hpp"

using namespace aims;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string block(reinterpret_cast<const char*>(data), size < tar::kBlock ? size : tar::kBlock);
  block.resize(tar::kBlock, '\0');
  auto m = tar::parse_header(block);
  if (!m || !*m) return 0;
  const auto& member = **m;
  auto again = tar::header(member);
  if (!again) return 0;
  auto back = tar::parse_header(*again);
  if (!back || !*back) std::abort();  // the writer wrote what the reader refuses
  const auto& b = **back;
  // The writer keeps the permission bits only and 11 octal digits of the time, as ustar does.
  bool mtime_fits = member.mtime < 0100000000000;  // 8^11
  if (b.name != member.name || b.size != member.size || b.mode != (member.mode & 07777) ||
      (mtime_fits && b.mtime != member.mtime))
    std::abort();
  return 0;
}
