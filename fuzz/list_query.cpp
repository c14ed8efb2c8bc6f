// Fuzz target: the list parameters of every record kind (GET /api/v1/<kind>?...), read by the one
// list parser, records::parse_list, with the kind's filters, sorts, q, limit and cursor.
// Input: byte 0 picks the kind; the rest is a query string "name=value&name=value" (already
// decoded, as the router hands it over). Properties: nothing crashes; an accepted query has a
// limit of 1-500 and its sort is one of the kind's; a cursor made for its sort reads back.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/kinds/registry.hpp"
#include "domain/records/list_query.hpp"

using namespace aims;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto& kinds = kinds::all_kinds();
  const auto& k = *kinds[data[0] % kinds.size()];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  records::Params params;
  while (!rest.empty()) {
    auto amp = rest.find('&');
    auto pair = rest.substr(0, amp);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) params.emplace_back(std::string(pair), "");
    else params.emplace_back(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  auto q = records::parse_list(k, params);
  if (!q) {
    if (q.error().errors.empty()) std::abort();  // a 400 must name what is wrong
    return 0;
  }
  if (q->limit < 1 || q->limit > 500) std::abort();
  bool known = false;
  for (const auto& s : k.sorts) known = known || s.name == q->sort;
  if (!known && !k.sorts.empty()) std::abort();
  store::RecordPosition p{q->text.value_or(""), static_cast<std::int64_t>(size), "id", "parent"};
  auto back = records::decode_cursor(q->sort_param, records::encode_cursor(q->sort_param, p));
  if (!back || back->text != p.text || back->number != p.number || back->id != p.id || back->parent_id != p.parent_id)
    std::abort();
  return 0;
}
