#include "domain/soa/soa_csv.hpp"

#include "domain/inventory/csv.hpp"

namespace aims::soa {
namespace json = boost::json;

namespace {

std::string cell(const json::value* v) {
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_bool()) return v->as_bool() ? "yes" : "no";
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_array()) {
    std::string out;
    for (const auto& e : v->as_array()) out += (out.empty() ? "" : "; ") + (e.is_string() ? std::string(e.as_string()) : json::serialize(e));
    return out;
  }
  return "";
}

const json::value* member(const json::object& o, std::string_view k) { return o.if_contains(k); }

}  // namespace

std::string soa_csv(const json::array& entries) {
  std::string out(csv::kUtf8Bom);
  csv::append_row(out, {"control_id", "area", "title", "applicable", "justification", "reasons", "implementation_status",
                        "owner", "evidence_refs", "policy_refs", "latest_maturity", "latest_assessment", "linked_risks"});
  static const json::object kNone;
  for (const auto& v : entries) {
    const auto& e = v.is_object() ? v.as_object() : kNone;
    std::string maturity, assessment;
    if (auto* la = member(e, "latest_answer"); la && la->is_object()) {
      const auto& l = la->as_object();
      auto* na = member(l, "not_applicable");
      maturity = na && na->is_bool() && na->as_bool() ? "n/a" : cell(member(l, "maturity"));
      assessment = cell(member(l, "assessment_name")) + " (" + cell(member(l, "assessment_date")) + ")";
    }
    csv::Row row{cell(member(e, "control_id")),    cell(member(e, "area_id")),       cell(member(e, "title")),
                 cell(member(e, "applicable")),    cell(member(e, "justification")), cell(member(e, "reasons")),
                 cell(member(e, "implementation_status")), cell(member(e, "owner")), cell(member(e, "evidence_refs")),
                 cell(member(e, "policy_refs")),   maturity,                         assessment,
                 cell(member(e, "linked_risks"))};
    for (auto& c : row) c = csv::guard(std::move(c));
    csv::append_row(out, row);
  }
  return out;
}

}  // namespace aims::soa
