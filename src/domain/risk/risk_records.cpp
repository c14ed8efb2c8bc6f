#include "domain/risk/risk_records.hpp"

#include "domain/risk/risk_view.hpp"

namespace aims::risk {
namespace json = boost::json;

Error risk_not_found(const std::string& id) { return make_error(errc::not_found, "No risk " + id + " in this organization."); }

result<store::RecordRow> find_risk(store::ReadTx& tx, const std::string& org_id, const std::string& id) {
  auto row = tx.find_record(org_id, kRiskKind, "", id);
  if (!row) return risk_not_found(id);
  return std::move(*row);
}

status check_if_match(const store::RecordRow& row, const std::optional<std::string>& if_match) {
  if (!if_match)
    return make_error(errc::precondition_required,
                      "Send If-Match with the ETag you last read, so that no one else's change is overwritten.");
  if (*if_match != etag(row.version) && *if_match != "W/" + etag(row.version))
    return make_error(errc::precondition_failed, "Risk " + row.id + " was changed by someone else since you read it (now version " +
                                                     std::to_string(row.version) + "); reload and apply your change again.");
  return ok();
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
  if (auto s = tx.put_record(next, row.version); !s) return s.error();
  store::HistoryRow h{a.org_id, kRiskKind, row.id, next.version, now, a.email, operation, json::serialize(changes)};
  if (auto s = tx.insert_history(h); !s) return s.error();
  return served_risk(tx, next, c, today);
}

}  // namespace aims::risk
