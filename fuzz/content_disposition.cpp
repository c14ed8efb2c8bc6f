// Fuzz target: the Content-Disposition header of every download (http::content_disposition), whose
// file name comes from a record's title or an uploaded file's name. Input: byte 0 picks
// attachment or inline; the rest is the name. Properties: the header is printable ASCII with no
// quote inside the quoted `filename`, and `filename*`, percent-decoded, is the name with only the
// characters a file name cannot hold replaced.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/content_disposition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view disposition = (data[0] & 1) ? "inline" : "attachment";
  std::string_view name(reinterpret_cast<const char*>(data + 1), size - 1);
  auto h = aims::http::content_disposition(disposition, name);
  for (unsigned char c : h)
    if (c < 0x20 || c > 0x7e) std::abort();  // a header value must be printable ASCII
  std::string head = std::string(disposition) + "; filename=\"";
  if (h.compare(0, head.size(), head) != 0) std::abort();
  auto close = h.find('"', head.size());
  std::string_view star = "\"; filename*=UTF-8''";
  if (close == std::string::npos || h.compare(close, star.size(), star) != 0) std::abort();
  std::string decoded;
  auto hex = [](char c) { return c <= '9' ? c - '0' : c - 'A' + 10; };
  for (std::size_t i = close + star.size(); i < h.size(); ++i) {
    if (h[i] == '%') {
      if (i + 2 >= h.size()) std::abort();
      decoded += static_cast<char>(hex(h[i + 1]) * 16 + hex(h[i + 2]));
      i += 2;
    } else {
      decoded += h[i];
    }
  }
  if (decoded.size() != name.size()) std::abort();
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool replaced = c < 0x20 || c == 0x7f || c == '/' || c == '\\';
    if (decoded[i] != (replaced ? '_' : name[i])) std::abort();
  }
  return 0;
}
