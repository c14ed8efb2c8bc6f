#include "domain/risk/criteria_service.hpp"

#include <map>
#include <set>

#include "domain/records/versions.hpp"
#include "domain/risk/criteria.hpp"
#include "domain/risk/risk_view.hpp"

namespace aims::risk {
namespace json = boost::json;
using accounts::Actor;

namespace {

json::object served(const StoredCriteria& s) {
  auto o = to_json(s.criteria);
  o["version"] = s.version;
  json::value at = nullptr, by = nullptr;
  if (s.row) {
    at = json::value(s.row->updated_at);
    auto d = json::parse(s.row->doc).as_object();
    if (auto u = d.if_contains("updated_by")) by = *u;
  }
  o["updated_at"] = at;
  o["updated_by"] = by;
  return o;
}

/// "R-3 and R-7" / "R-1, R-2 and 3 more".
std::string risk_list(const std::set<std::int64_t>& numbers) {
  std::vector<std::string> ids;
  for (auto n : numbers) ids.push_back("R-" + std::to_string(n));
  if (ids.size() == 1) return ids[0];
  if (ids.size() > 5) return ids[0] + ", " + ids[1] + ", " + ids[2] + " and " + std::to_string(ids.size() - 3) + " more";
  std::string out;
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) out += (i ? ", " : "") + ids[i];
  return out + " and " + ids.back();
}

/// Field errors for every scale the organization's risks use beyond the new one.
void check_fit(store::ReadTx& tx, const std::string& org_id, const Criteria& c, std::vector<FieldError>& errors) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = kRiskKind;
  f.parent_id = "";
  std::map<std::int64_t, std::set<std::int64_t>> too_likely, too_severe;  // step -> risk numbers
  const auto nl = static_cast<std::int64_t>(c.likelihood.size()), ni = static_cast<std::int64_t>(c.impact.size());
  for (const auto& row : tx.list_records(f)) {
    auto d = json::parse(row.doc).as_object();
    for (auto k : {"inherent_likelihood", "residual_likelihood"})
      if (auto v = d.at(k).as_int64(); v > nl) too_likely[v].insert(row.position);
    for (auto k : {"inherent_impact", "residual_impact"})
      if (auto v = d.at(k).as_int64(); v > ni) too_severe[v].insert(row.position);
  }
  auto report = [&](const std::map<std::int64_t, std::set<std::int64_t>>& m, const char* field, const char* axis) {
    if (m.empty()) return;
    std::set<std::int64_t> all;
    for (const auto& [step, ns] : m) all.insert(ns.begin(), ns.end());
    auto highest = m.rbegin()->first;
    errors.push_back({field, 0,
                      risk_list(all) + (all.size() == 1 ? " uses " : " use ") + axis + " " + std::to_string(highest) + "; keep at least " +
                          std::to_string(highest) + " " + axis + " steps, or re-score those risks first"});
  };
  report(too_likely, "likelihood", "likelihood");
  report(too_severe, "impact", "impact");
}

}  // namespace

result<Versioned> CriteriaService::get(const Actor& a) {
  Versioned out{kCriteriaId, 0, {}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto s = load_criteria(tx, a.org_id);
    out.version = s.version;
    out.json = json::serialize(served(s));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> CriteriaService::put(const Actor& a, const json::value& body, const std::optional<std::string>& if_match) {
  // The criteria decide who may accept which risks (levels, threshold, accept roles): admins only.
  if (!accounts::allowed(a.role, accounts::Action::administer))
    return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) +
                                           ") may not change the risk criteria: they decide who may accept risks, so only admins may.");
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  std::vector<FieldError> errors;
  auto parsed = parse_criteria(body.as_object(), errors);
  if (!parsed) return make_error(errc::validation, "The risk criteria are not valid.", std::move(errors));
  Versioned out{kCriteriaId, 0, {}};
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto current = load_criteria(tx, a.org_id);
    if (!if_match)
      return make_error(errc::precondition_required,
                        "Send If-Match with the ETag you last read (\"v0\" while the criteria were never changed).");
    if (!records::names_version(*if_match, current.version))
      return make_error(errc::precondition_failed, "The risk criteria were changed by someone else since you read them (now version " +
                                                       std::to_string(current.version) + "); reload and apply your change again.");
    std::vector<FieldError> fit;
    check_fit(tx, a.org_id, *parsed, fit);
    if (!fit.empty())
      return make_error(errc::validation, "Existing risks are scored on steps the new scales do not have; nothing was changed.",
                        std::move(fit));
    auto before = to_json(current.criteria);
    auto after = to_json(*parsed);
    if (current.row && before == after) {
      out.version = current.version;
      out.json = json::serialize(served(current));
      return ok();
    }
    json::array changes;
    for (const auto& kv : after)
      if (!current.row || before.at(kv.key()) != kv.value())
        changes.push_back(json::object{{"field", kv.key()}, {"from", current.row ? before.at(kv.key()) : json::value(nullptr)}, {"to", kv.value()}});
    auto now = clock_.now_text();
    auto doc = after;
    doc["updated_by"] = a.email;
    store::RecordRow r{kCriteriaKind, a.org_id, "", kCriteriaId, current.version + 1, 0, "",
                       current.row ? current.row->created_at : now, now, json::serialize(doc)};
    if (auto s = tx.put_record(r, current.version); !s) return s;
    store::HistoryRow h{a.org_id, kCriteriaKind, kCriteriaId, r.version, now, a.email, current.row ? "update" : "create",
                        json::serialize(changes)};
    if (auto s = tx.insert_history(h); !s) return s;
    StoredCriteria next{*parsed, r.version, r};
    out.version = r.version;
    out.json = json::serialize(served(next));
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::risk
