#include "core/tar.hpp"

#include <algorithm>
#include <cstdio>

namespace aims::tar {
namespace {

Error bad(const std::string& what) { return make_error(errc::validation, what); }

/// Writes `value` as `width - 1` octal digits and a NUL into field[0, width).
void put_octal(std::string& block, std::size_t at, std::size_t width, std::uint64_t value) {
  for (std::size_t i = width - 1; i-- > 0;) {
    block[at + i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
  block[at + width - 1] = '\0';
}

std::optional<std::uint64_t> get_octal(std::string_view block, std::size_t at, std::size_t width) {
  std::uint64_t v = 0;
  std::size_t i = at, stop = at + width;
  while (i < stop && block[i] == ' ') ++i;
  bool any = false;
  for (; i < stop && block[i] >= '0' && block[i] <= '7'; ++i) {
    v = (v << 3) | static_cast<std::uint64_t>(block[i] - '0');
    any = true;
  }
  for (; i < stop; ++i)
    if (block[i] != '\0' && block[i] != ' ') return std::nullopt;
  if (!any) return std::nullopt;
  return v;
}

std::string field(std::string_view block, std::size_t at, std::size_t width) {
  auto f = block.substr(at, width);
  auto nul = f.find('\0');
  return std::string(nul == std::string_view::npos ? f : f.substr(0, nul));
}

std::uint64_t checksum(std::string_view block) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i)
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
  return sum;
}

}  // namespace

result<std::string> header(const Member& m) {
  if (m.name.empty()) return bad("a member needs a name");
  if (m.size > kMaxSize) return bad("the member " + m.name + " is too large for a ustar archive");
  std::string name = m.name, prefix;
  if (name.size() > 100) {
    // Split at a '/' so that the prefix has at most 155 bytes and the rest at most 100.
    auto cut = name.rfind('/', 155);
    while (cut != std::string::npos && name.size() - cut - 1 > 100) cut = std::string::npos;
    if (cut == std::string::npos || cut == 0) return bad("the member name " + m.name + " is too long for a ustar archive");
    prefix = name.substr(0, cut);
    name = name.substr(cut + 1);
  }
  std::string block(kBlock, '\0');
  std::copy(name.begin(), name.end(), block.begin());
  put_octal(block, 100, 8, m.mode & 07777);
  put_octal(block, 108, 8, 0);  // uid
  put_octal(block, 116, 8, 0);  // gid
  put_octal(block, 124, 12, m.size);
  put_octal(block, 136, 12, static_cast<std::uint64_t>(std::max<std::int64_t>(m.mtime, 0)));
  block[156] = '0';  // regular file
  block.replace(257, 6, std::string_view("ustar\0", 6));
  block.replace(263, 2, "00");
  std::copy(prefix.begin(), prefix.end(), block.begin() + 345);
  // The checksum: six octal digits, a NUL and a space.
  std::uint64_t sum = checksum(block);
  put_octal(block, 148, 7, sum);
  block[155] = ' ';
  return block;
}

std::string padding(std::uint64_t size) {
  auto rest = size % kBlock;
  return std::string(rest == 0 ? 0 : kBlock - rest, '\0');
}

std::string end() { return std::string(2 * kBlock, '\0'); }

result<std::optional<Member>> parse_header(std::string_view block) {
  if (block.size() != kBlock) return bad("a header block is not 512 bytes (the archive is cut short)");
  if (std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; })) return std::optional<Member>();
  auto stored = get_octal(block, 148, 8);
  if (!stored || *stored != checksum(block)) return bad("a member header's checksum does not match");
  if (block.substr(257, 5) != "ustar") return bad("a member header is not in the ustar format");
  char type = block[156];
  if (type != '0' && type != '\0') return bad("the member " + field(block, 0, 100) + " is not a regular file");
  auto size = get_octal(block, 124, 12);
  auto mode = get_octal(block, 100, 8);
  auto mtime = get_octal(block, 136, 12);
  if (!size || !mode || !mtime) return bad("a member header holds a malformed number");
  Member m;
  auto prefix = field(block, 345, 155);
  m.name = prefix.empty() ? field(block, 0, 100) : prefix + "/" + field(block, 0, 100);
  m.size = *size;
  m.mode = static_cast<std::uint32_t>(*mode);
  m.mtime = static_cast<std::int64_t>(*mtime);
  return std::optional<Member>(std::move(m));
}

}  // namespace aims::tar
