#include "domain/risk/risk_csv.hpp"

#include <algorithm>
#include <vector>

#include "domain/inventory/csv.hpp"
#include "domain/risk/risk_fields.hpp"

namespace aims::risk {
namespace json = boost::json;

namespace {

std::string cell(const json::value* v) {
  if (!v || v->is_null()) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_bool()) return v->as_bool() ? "yes" : "no";
  if (v->is_array()) {
    std::string out;
    for (const auto& e : v->as_array()) out += (out.empty() ? "" : "; ") + (e.is_string() ? std::string(e.as_string()) : json::serialize(e));
    return out;
  }
  return json::serialize(*v);  // numbers as JSON writes them; objects whole
}

std::int64_t number_of(const json::object& r) {
  auto* p = r.if_contains("position");
  return p && p->is_int64() ? p->as_int64() : 0;
}

std::string id_of(const json::object& r) {
  auto* p = r.if_contains("id");
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}

}  // namespace

std::string risk_register_csv(const json::array& rows) {
  std::string out(csv::kUtf8Bom);
  csv::Row header{"id", "number", "version"};
  for (auto f : editable_fields()) header.emplace_back(f);
  header.emplace_back("created_at");
  header.emplace_back("updated_at");
  csv::append_row(out, header);
  std::vector<const json::object*> sorted;
  for (const auto& v : rows)
    if (v.is_object()) sorted.push_back(&v.as_object());
  std::stable_sort(sorted.begin(), sorted.end(), [](const json::object* x, const json::object* y) {
    auto nx = number_of(*x), ny = number_of(*y);
    return nx != ny ? nx < ny : id_of(*x) < id_of(*y);
  });
  static const json::object kNone;
  for (const auto* r : sorted) {
    const auto* d = r->if_contains("doc");
    const auto& doc = d && d->is_object() ? d->as_object() : kNone;
    csv::Row row{cell(r->if_contains("id")), cell(r->if_contains("position")), cell(r->if_contains("version"))};
    for (auto f : editable_fields()) row.push_back(cell(doc.if_contains(f)));
    row.push_back(cell(r->if_contains("created_at")));
    row.push_back(cell(r->if_contains("updated_at")));
    for (auto& c : row) c = csv::guard(std::move(c));
    csv::append_row(out, row);
  }
  return out;
}

}  // namespace aims::risk
