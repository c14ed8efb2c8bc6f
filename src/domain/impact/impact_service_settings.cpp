// ImpactService: the organization's thresholds for sensitive and restricted uses (record kind
// impact_settings, one per organization, id "settings"). Everyone reads them; only admins
// change them (they decide who may approve), under If-Match ("v0" while the defaults apply).
#include "domain/impact/impact_common.hpp"
#include "domain/impact/impact_service.hpp"

namespace aims::impact {
using namespace detail;

namespace {

/// The served settings: the values, the scales they apply to, and who changed them last.
std::string settings_view(const Settings& s, std::int64_t version, const json::value& updated_at, const json::value& updated_by) {
  auto o = settings_json(s);
  json::array severity, likelihood;
  for (int i = 1; i <= kScaleMax; ++i) {
    severity.push_back(json::object{{"value", i}, {"name", severity_name(i)}});
    likelihood.push_back(json::object{{"value", i}, {"name", likelihood_name(i)}});
  }
  o["scales"] = json::object{{"severity", std::move(severity)}, {"likelihood", std::move(likelihood)}};
  o["version"] = version;
  o["updated_at"] = updated_at;
  o["updated_by"] = updated_by;
  return json::serialize(o);
}

}  // namespace

result<View> ImpactService::settings(const Actor& a) {
  View out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kSettingsKind), "", "settings");
    if (!r) {
      out = View{"settings", 0, settings_view(Settings{}, 0, nullptr, nullptr)};
      return ok();
    }
    auto d = json::parse(r->doc).as_object();
    out = View{"settings", r->version, settings_view(settings_from(d), r->version, json::value(r->updated_at), d.at("updated_by"))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> ImpactService::put_settings(const Actor& a, const json::value& body, const std::optional<std::string>& if_match) {
  // The thresholds decide who may approve (restricted uses, measures): admins only, or a manager
  // could lift a restriction and then approve what it restricted.
  if (auto st = require(a, Action::administer, "change the impact assessment thresholds: they decide who may approve, so only admins may"); !st)
    return st.error();
  auto parsed = parse_settings(body);
  if (!parsed) return parsed.error();
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kSettingsKind), "", "settings");
    std::int64_t version = r ? r->version : 0;
    if (auto s = records::check_version(if_match, version, true, "This setting", "try again"); !s) return s;
    auto before = r ? json::parse(r->doc).as_object() : settings_json(Settings{});
    auto now = clock_.now_text();
    auto doc = settings_json(*parsed);
    doc["updated_by"] = a.email;
    auto changes = diff(before, doc);
    if (changes.empty() || (changes.size() == 1 && changes[0].at("field") == "updated_by" && r)) {
      out = View{"settings", version, settings_view(*parsed, version, r ? json::value(r->updated_at) : json::value(nullptr),
                                                    r ? before.at("updated_by") : json::value(nullptr))};
      return ok();
    }
    auto row = make_row(kSettingsKind, a.org_id, "", "settings", version + 1, 0, "", r ? r->created_at : now, now,
                        json::serialize(doc));
    if (auto s = tx.put_record(row, version); !s) return s;
    if (auto s = tx.insert_history(history_row(a, kSettingsKind, "settings", version + 1, now, version ? "update" : "create", changes)); !s)
      return s;
    out = View{"settings", version + 1, settings_view(*parsed, version + 1, json::value(now), json::value(a.email))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::impact
