#include "domain/risk/links.hpp"

#include <boost/json.hpp>

#include "domain/common/stored.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/risk_view.hpp"

namespace aims::risk {
namespace json = boost::json;

std::map<std::string, std::vector<std::string>> risks_by_control(store::ReadTx& tx, const std::string& org_id) {
  std::map<std::string, std::vector<std::string>> out;
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = kRiskKind;
  f.parent_id = "";
  for (const auto& row : tx.list_records(f)) {  // ordered by number
    // A risk stored in a form that cannot be read links nothing (logged); the others still do.
    try {
      auto doc = stored::parse_object(row.doc);
      if (doc.at("status").as_string() == "closed") continue;
      for (const auto& c : doc.at("planned_controls").as_array()) {
        std::string id(c.as_string());
        if (is_annex_a_ref(id)) out[id].push_back(row.id);
      }
    } catch (const std::exception& e) {
      (void)stored::error_row(kRiskKind, org_id, row.id, e);
    }
  }
  return out;
}

}  // namespace aims::risk
