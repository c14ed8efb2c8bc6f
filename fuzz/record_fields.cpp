// Fuzz target: the body of a create or PATCH request of every record kind, through what
// records::save does before the store: the kind's field reading (read_fields: types, lengths,
// ranges, allowed values, required fields), its rule across fields (check), the facets lists
// page by (derive_facets) and the served view (record_view). Also a stored document of any shape
// under every kind's facets and view: a stored record never makes a list or page fail.
// Input: byte 0 picks the kind, byte 1 create or patch, the rest is the JSON body.
// Properties: nothing crashes; a create body accepted once is accepted again as it was stored,
// unchanged (reading is idempotent).
#include <boost/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/json_text.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/field_spec.hpp"
#include "domain/records/kind_spec.hpp"
#include "domain/records/record_service.hpp"

namespace json = boost::json;
using namespace aims;

namespace {

store::RecordRow row_of(const records::KindSpec& k, std::string doc) {
  store::RecordRow row;
  row.kind = k.kind;
  row.org_id = "org_fuzz";
  row.id = "1";
  row.position = 1;
  row.created_at = row.updated_at = "2026-12-07T10:00:00.000Z";
  row.doc = std::move(doc);
  return row;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const auto& generic = kinds::generic_kinds();
  const auto& all = kinds::all_kinds();
  bool create = data[1] & 1;
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  json::parse_options po;
  po.max_depth = 32;
  boost::system::error_code ec;
  auto body = parse_json_exact(text, ec, po);
  if (ec) return 0;

  // Any stored document, under any kind (hand-made ones included).
  const auto& any = *all[data[0] % all.size()];
  auto stored = row_of(any, std::string(text));
  (void)records::derive_facets(any, stored);
  if (any.generic) (void)records::record_view(any, stored);

  if (!body.is_object()) return 0;
  const auto& k = *generic[data[0] % generic.size()];
  std::vector<FieldError> errors;
  auto doc = records::read_fields(k.fields, body.as_object(), create, errors);
  if (!create) {
    // A patch lands on the kind's first demo record, as an update merges it onto the stored one.
    json::object before;
    if (!k.demo.empty()) {
      std::vector<FieldError> demo_errors;
      auto demo = parse_json_exact(k.demo.front(), ec);
      if (!ec && demo.is_object()) before = records::read_fields(k.fields, demo.as_object(), true, demo_errors);
    }
    for (const auto& [name, value] : doc) before[name] = value;
    doc = std::move(before);
  }
  if (errors.empty() && k.check) k.check(doc, errors);
  if (!errors.empty()) return 0;
  auto row = row_of(k, to_json_text(doc));
  (void)records::derive_facets(k, row);
  (void)records::record_view(k, row);
  if (create) {
    std::vector<FieldError> again_errors;
    auto again = records::read_fields(k.fields, doc, true, again_errors);
    if (!again_errors.empty() || again != doc) std::abort();  // a stored record would not read back
  }
  return 0;
}
