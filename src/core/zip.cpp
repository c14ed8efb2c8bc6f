#include "core/zip.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdint>

namespace aims::zip {
namespace {

constexpr std::uint64_t kLimit = 0xFFFFFFFFull;

void put16(std::string& s, std::uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
std::uint32_t get16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8);
}
std::uint32_t get32(std::string_view s, std::size_t at) { return get16(s, at) | (get16(s, at + 2) << 16); }

std::uint32_t crc_of(std::string_view d) { return crc32_update(0, d); }

Error bad(const std::string& what) { return make_error(errc::validation, "The ZIP archive is not readable: " + what + "."); }

}  // namespace

std::uint32_t crc32_update(std::uint32_t crc, std::string_view d) {
  uLong c = crc;
  std::size_t off = 0;
  while (off < d.size()) {
    auto n = static_cast<uInt>(std::min<std::size_t>(d.size() - off, 1u << 30));
    c = crc32(c, reinterpret_cast<const Bytef*>(d.data() + off), n);
    off += n;
  }
  return static_cast<std::uint32_t>(c);
}

result<Layout> layout(const std::vector<EntryHeader>& entries) {
  Layout l;
  std::string& central = l.tail;
  std::uint64_t at = 0;  // offset of the next local header
  if (entries.size() >= 0xFFFF) return make_error(errc::validation, "Too many files for a ZIP archive without ZIP64.");
  for (const auto& e : entries) {
    if (at + e.size + e.name.size() + 30 >= kLimit)
      return make_error(errc::validation, "The package would reach 4 GiB, which this writer does not support.");
    auto offset = static_cast<std::uint32_t>(at);
    auto size = static_cast<std::uint32_t>(e.size);
    // Local file header: version 2.0, flag bit 11 (UTF-8 names), stored, time/date 1980-01-01.
    std::string out;
    put32(out, 0x04034b50); put16(out, 20); put16(out, 0x0800); put16(out, 0); put16(out, 0); put16(out, 0x21);
    put32(out, e.crc); put32(out, size); put32(out, size);
    put16(out, static_cast<std::uint32_t>(e.name.size())); put16(out, 0);
    out += e.name;
    at += out.size() + e.size;
    l.local_headers.push_back(std::move(out));
    put32(central, 0x02014b50); put16(central, 20); put16(central, 20); put16(central, 0x0800); put16(central, 0);
    put16(central, 0); put16(central, 0x21); put32(central, e.crc); put32(central, size); put32(central, size);
    put16(central, static_cast<std::uint32_t>(e.name.size())); put16(central, 0); put16(central, 0);
    put16(central, 0); put16(central, 0); put32(central, 0); put32(central, offset);
    central += e.name;
  }
  if (at + central.size() + 22 >= kLimit)
    return make_error(errc::validation, "The package would reach 4 GiB, which this writer does not support.");
  auto cd_offset = static_cast<std::uint32_t>(at);
  auto cd_size = static_cast<std::uint32_t>(central.size());
  put32(central, 0x06054b50); put16(central, 0); put16(central, 0);
  put16(central, static_cast<std::uint32_t>(entries.size())); put16(central, static_cast<std::uint32_t>(entries.size()));
  put32(central, cd_size); put32(central, cd_offset); put16(central, 0);
  l.size = at + l.tail.size();
  return l;
}

result<std::string> write(const std::vector<Entry>& entries) {
  std::vector<EntryHeader> headers;
  headers.reserve(entries.size());
  for (const auto& e : entries) headers.push_back({e.name, crc_of(e.data), e.data.size()});
  auto l = layout(headers);
  if (!l) return l.error();
  std::string out;
  out.reserve(l->size);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += l->local_headers[i];
    out += entries[i].data;
  }
  out += l->tail;
  return out;
}

result<std::vector<Entry>> read(std::string_view a) {
  if (a.size() < 22) return bad("too short");
  std::size_t eocd = std::string_view::npos;
  for (std::size_t i = a.size() - 22 + 1; i-- > 0 && a.size() - i <= 22 + 0xFFFF;) {
    if (get32(a, i) == 0x06054b50) { eocd = i; break; }
  }
  if (eocd == std::string_view::npos) return bad("no end of central directory");
  std::size_t count = get16(a, eocd + 10);
  std::size_t at = get32(a, eocd + 16);
  std::vector<Entry> out;
  for (std::size_t k = 0; k < count; ++k) {
    if (at + 46 > a.size() || get32(a, at) != 0x02014b50) return bad("a broken central directory");
    auto method = get16(a, at + 10);
    auto crc = get32(a, at + 16);
    std::size_t csize = get32(a, at + 20), usize = get32(a, at + 24);
    std::size_t nlen = get16(a, at + 28), xlen = get16(a, at + 30), clen = get16(a, at + 32);
    std::size_t local = get32(a, at + 42);
    if (at + 46 + nlen > a.size()) return bad("a broken central directory");
    Entry e;
    e.name = std::string(a.substr(at + 46, nlen));
    at += 46 + nlen + xlen + clen;
    if (method != 0 || csize != usize) return bad("the entry " + e.name + " is compressed; only stored entries are read");
    if (local + 30 > a.size() || get32(a, local) != 0x04034b50) return bad("the entry " + e.name + " has no local header");
    std::size_t lnlen = get16(a, local + 26);
    if (local + 30 + lnlen > a.size() || a.substr(local + 30, lnlen) != e.name)
      return bad("the entry " + e.name + " has another name in its local header");
    std::size_t data = local + 30 + lnlen + get16(a, local + 28);
    if (data + csize > a.size()) return bad("the entry " + e.name + " is truncated");
    e.data = std::string(a.substr(data, csize));
    e.crc_ok = crc_of(e.data) == crc;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace aims::zip
