#include "domain/risk/risk_view.hpp"

#include "domain/risk/scoring.hpp"

namespace aims::risk {
namespace json = boost::json;

namespace {

int int_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_int64() ? static_cast<int>(p->as_int64()) : 1;
}

/// A date field before today (false when null).
bool before(const json::object& o, std::string_view key, Date today) {
  auto p = o.if_contains(key);
  if (!p || !p->is_string()) return false;
  auto d = parse_date(std::string(p->as_string()));
  return d && *d < today;
}

/// A cell that is off the criteria's scales (which the service prevents) is clamped, so that a
/// read never fails.
int clamp(int v, std::size_t max) { return v < 1 ? 1 : v > static_cast<int>(max) ? static_cast<int>(max) : v; }

}  // namespace

json::object view_of(const store::RecordRow& row, const Criteria& c, Date today,
                     const std::map<std::string, std::string>& names) {
  auto doc = json::parse(row.doc).as_object();
  const int il = clamp(int_of(doc, "inherent_likelihood"), c.likelihood.size());
  const int ii = clamp(int_of(doc, "inherent_impact"), c.impact.size());
  const int rl = clamp(int_of(doc, "residual_likelihood"), c.likelihood.size());
  const int ri = clamp(int_of(doc, "residual_impact"), c.impact.size());
  json::object v;
  v["id"] = row.id;
  v["number"] = row.position;
  for (auto& kv : doc) {
    if (kv.key() == "created_at" || kv.key() == "updated_at" || kv.key() == "created_by" || kv.key() == "updated_by") continue;
    v[kv.key()] = kv.value();
  }
  const auto& sys = doc.at("system_id");
  if (sys.is_string()) {
    auto n = names.find(std::string(sys.as_string()));
    v["system_name"] = n == names.end() ? json::value(nullptr) : json::value(n->second);
  } else {
    v["system_name"] = nullptr;
  }
  v["inherent"] = score_json(c, il, ii);
  v["residual"] = score_json(c, rl, ri);
  const auto& acc = doc.contains("acceptance") ? doc.at("acceptance") : json::value(nullptr);
  v["acceptance"] = acc;
  v["acceptance_state"] = state_name(acceptance_state(acc, c, rl, ri, today));
  const auto& status = doc.at("status").as_string();
  v["review_overdue"] = status != "closed" && before(doc, "review_date", today);
  v["treatment_overdue"] = (status == "open" || status == "treating") && before(doc, "due_date", today);
  v["version"] = row.version;
  v["created_at"] = row.created_at;
  v["updated_at"] = row.updated_at;
  v["created_by"] = doc.contains("created_by") ? doc.at("created_by") : json::value("");
  v["updated_by"] = doc.contains("updated_by") ? doc.at("updated_by") : json::value("");
  return v;
}

std::map<std::string, std::string> system_names(store::ReadTx& tx, const std::string& org_id,
                                                const std::vector<store::RecordRow>& rows) {
  std::map<std::string, std::string> out;
  for (const auto& r : rows) {
    if (r.ref.empty() || out.count(r.ref)) continue;
    if (auto s = tx.find_system(org_id, r.ref)) {
      auto d = json::parse(s->doc).as_object();
      out[r.ref] = std::string(d.at("name").as_string());
    }
  }
  return out;
}

}  // namespace aims::risk
