#include "domain/retention/retention.hpp"

#include "core/date.hpp"
#include "domain/common/stored.hpp"

namespace aims::retention {
namespace json = boost::json;

std::map<std::string, std::int64_t> load_periods(store::ReadTx& tx, const std::string& org_id) {
  std::map<std::string, std::int64_t> out;
  auto r = tx.find_record(org_id, std::string(kSettingsKind), "", std::string(kSettingsId));
  if (!r) return out;
  auto doc = stored::parse_object(r->doc);
  if (auto p = doc.if_contains("periods"); p && p->is_object())
    for (const auto& kv : p->as_object())
      if (kv.value().is_int64()) out[std::string(kv.key())] = kv.value().as_int64();
  return out;
}

std::string hold_id(std::string_view kind, std::string_view record_id) {
  return std::string(kind) + ":" + std::string(record_id);
}

std::optional<json::object> active_hold(store::ReadTx& tx, const std::string& org_id, std::string_view kind,
                                        std::string_view record_id) {
  auto r = tx.find_record(org_id, std::string(kHoldKind), "", hold_id(kind, record_id));
  if (!r) return std::nullopt;
  auto doc = stored::parse_object(r->doc);
  auto active = doc.if_contains("active");
  if (!active || !active->is_bool() || !active->as_bool()) return std::nullopt;
  json::object out;
  for (auto key : {"reason", "held_by", "held_at"}) out[key] = doc.contains(key) ? doc.at(key) : json::value(nullptr);
  return out;
}

std::string add_months(const std::string& from, std::int64_t months) {
  auto d = parse_date(from.substr(0, 10));
  if (!d) return "";
  std::chrono::year_month_day ymd{*d};
  auto moved = ymd + std::chrono::months{months};
  if (!moved.ok()) moved = std::chrono::year_month_day{std::chrono::year_month_day_last{moved.year(), std::chrono::month_day_last{moved.month()}}};
  return format_date(std::chrono::sys_days{moved});
}

void add_to_view(store::ReadTx& tx, const store::RecordRow& row, const json::object& doc, json::object& view) {
  auto periods = load_periods(tx, row.org_id);
  json::value retention = nullptr;
  std::string type;
  if (auto t = doc.if_contains("type"); t && t->is_string()) type = std::string(t->as_string());
  for (const auto& key : {row.kind + ":" + type, row.kind}) {
    auto it = periods.find(key);
    if (type.empty() && key != row.kind) continue;
    if (it == periods.end()) continue;
    retention = json::object{{"period_months", it->second}, {"keep_until", add_months(row.updated_at, it->second)}, {"period_of", key}};
    break;
  }
  view["retention"] = std::move(retention);
  auto hold = active_hold(tx, row.org_id, row.kind, row.id);
  view["legal_hold"] = hold ? json::value(std::move(*hold)) : json::value(nullptr);
}

status require_not_held(store::ReadTx& tx, const std::string& org_id, std::string_view kind, const std::string& title,
                        const std::string& record_id) {
  auto hold = active_hold(tx, org_id, kind, record_id);
  if (!hold) return ok();
  std::string reason = hold->at("reason").is_string() ? std::string(hold->at("reason").as_string()) : "";
  return make_error(errc::conflict, title + " " + record_id + " is under legal hold (" + reason +
                                        ") and cannot be archived until an admin releases the hold.");
}

}  // namespace aims::retention
