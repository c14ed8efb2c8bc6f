#include "domain/euact/recheck_scan.hpp"

#include "domain/euact/recheck.hpp"

namespace aims::euact {
namespace json = boost::json;

std::map<std::string, json::object> systems_needing_recheck(const Questionnaire& q, store::ReadTx& tx,
                                                            const std::string& org_id) {
  std::map<std::string, json::object> out;
  for (const auto& r : tx.list_records({.org_id = org_id, .kind = "classification", .parent_id = ""})) {
    boost::system::error_code ec;
    auto doc = json::parse(r.doc, ec);
    if (ec || !doc.is_object()) continue;  // an unreadable record is reported where it is served
    auto rc = recheck(q, doc.as_object());
    if (rc.is_object() && rc.as_object().at("needed").as_bool()) out.emplace(r.id, std::move(rc.as_object()));
  }
  return out;
}

}  // namespace aims::euact
