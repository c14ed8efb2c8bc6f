#include "domain/risk/risk_records.hpp"

#include "domain/records/lifecycle.hpp"
#include "domain/risk/risk_kind.hpp"
#include "domain/risk/risk_view.hpp"

namespace aims::risk {
namespace json = boost::json;

Error risk_not_found(const std::string& id) { return records::not_found(risk_kind(), id); }

result<store::RecordRow> find_risk(store::ReadTx& tx, const std::string& org_id, const std::string& id) {
  return records::find(tx, risk_kind(), org_id, id);
}

status check_if_match(const store::RecordRow& row, const std::optional<std::string>& if_match) {
  return records::check_if_match(risk_kind(), row, if_match);
}

Versioned served_risk(store::ReadTx& tx, const store::RecordRow& row, const Criteria& c, Date today) {
  auto names = system_names(tx, row.org_id, {row});
  return Versioned{row.id, row.version, json::serialize(view_of(row, c, today, names))};
}

result<Versioned> save_risk(store::WriteTx& tx, const accounts::Actor& a, const store::RecordRow& row, json::object after,
                            const std::string& operation, json::array changes, const Criteria& c, Date today,
                            const std::string& now) {
  after["updated_by"] = a.email;
  store::RecordRow next = row;
  next.version = row.version + 1;
  next.updated_at = now;
  next.ref = after.at("system_id").is_string() ? std::string(after.at("system_id").as_string()) : std::string();
  next.doc = json::serialize(after);
  if (auto s = records::save(tx, risk_kind(), a, next, row.version, operation, changes); !s) return s.error();
  return served_risk(tx, next, c, today);
}

}  // namespace aims::risk
