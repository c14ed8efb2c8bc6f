// Fuzz target: the opaque keyset cursor of every list (the `cursor` parameter), read by
// records::decode_cursor. Input: the sort parameter, a newline, the cursor as sent.
// Properties: nothing crashes; base64url reads back what it writes; the position of an accepted
// cursor, encoded again, reads back the same; no other sort accepts it.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/crypto.hpp"
#include "domain/records/list_query.hpp"

using namespace aims;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  std::string sort(nl == std::string_view::npos ? std::string_view() : in.substr(0, nl));
  std::string cursor(nl == std::string_view::npos ? in : in.substr(nl + 1));
  std::string raw;
  if (crypto::base64url_decode(cursor, raw)) {
    std::string twice;
    if (!crypto::base64url_decode(crypto::base64url_encode(raw), twice) || twice != raw) std::abort();
  }
  auto p = records::decode_cursor(sort, cursor);
  if (!p) return 0;
  auto again = records::decode_cursor(sort, records::encode_cursor(sort, *p));
  if (!again || again->text != p->text || again->number != p->number || again->id != p->id ||
      again->parent_id != p->parent_id)
    std::abort();
  if (records::decode_cursor(sort + "x", cursor)) std::abort();
  return 0;
}
