#include "http/content_disposition.hpp"

#include <cctype>

namespace aims::http {

std::string content_disposition(std::string_view disposition, std::string_view name) {
  static constexpr const char* kHex = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') c = '_';
    if (c < 0x80) ascii += (c == '"' || c == ';' || c == '%') ? '_' : static_cast<char>(c);
    else if (c >= 0xc0) ascii += '_';  // one `_` per UTF-8 character, at its first byte
    if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  return std::string(disposition) + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace aims::http
