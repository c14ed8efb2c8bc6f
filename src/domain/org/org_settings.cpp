#include "domain/org/org_settings.hpp"

#include "domain/accounts/roles.hpp"
#include "domain/common/input.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/records/versions.hpp"

namespace aims::org {
namespace json = boost::json;
using accounts::Actor;

namespace {

constexpr const char* kId = "settings";
constexpr std::string_view kDuties[] = {"impact_approval", "risk_acceptance", "soa_approval"};

bool& member(Settings& s, std::string_view duty) {
  if (duty == "impact_approval") return s.impact_approval;
  if (duty == "risk_acceptance") return s.risk_acceptance;
  return s.soa_approval;
}

json::object to_json(const Settings& s) {
  return json::object{{"segregation_of_duties", json::object{{"impact_approval", s.impact_approval},
                                                             {"risk_acceptance", s.risk_acceptance},
                                                             {"soa_approval", s.soa_approval}}},
                      {"soa_justification_required", s.soa_justification_required}};
}

Settings from_json(const json::object& o) {
  Settings s;
  if (auto sod = o.if_contains("segregation_of_duties"); sod && sod->is_object())
    for (auto duty : kDuties)
      if (auto v = sod->as_object().if_contains(duty); v && v->is_bool()) member(s, duty) = v->as_bool();
  if (auto v = o.if_contains("soa_justification_required"); v && v->is_bool()) s.soa_justification_required = v->as_bool();
  return s;
}

json::object served(const Settings& s, std::int64_t version, json::value at, json::value by) {
  auto o = to_json(s);
  o["version"] = version;
  o["updated_at"] = std::move(at);
  o["updated_by"] = std::move(by);
  return o;
}

// The organization's profile: its roles under the EU AI Act (the values the classification uses),
// the first month of its fiscal year and how often its records are reviewed by default.
constexpr std::string_view kProfileKeys[] = {"ai_roles", "fiscal_year_start_month", "review_interval_months"};

/// The profile stored in `doc` (absent members: the defaults).
json::object profile_of(const json::object* doc) {
  json::object p{{"ai_roles", json::array{}}, {"fiscal_year_start_month", 1}, {"review_interval_months", 12}};
  if (doc)
    for (auto k : kProfileKeys)
      if (auto v = doc->if_contains(k)) p[k] = *v;
  return p;
}

json::object with_profile(json::object o, const json::object& profile) {
  for (const auto& kv : profile) o[kv.key()] = kv.value();
  return o;
}

/// The settings of a body; `justification_given` tells whether it named soa_justification_required;
/// `profile` gets the profile members it names (the others stay as they are).
result<Settings> parse(const json::value& body, bool& justification_given, json::object& profile) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  // The bookkeeping members of a GET answer are ignored, so that answer can be edited and sent back.
  input::Reader in(body.as_object(), {"segregation_of_duties", "soa_justification_required", "ai_roles", "fiscal_year_start_month",
                                      "review_interval_months", "version", "updated_at", "updated_by"});
  if (auto roles = in.choice_list("ai_roles", {"provider", "deployer", "importer", "distributor", "product_manufacturer",
                                               "authorised_representative"})) {
    json::array a;
    for (const auto& r : *roles) a.push_back(json::value(r));
    profile["ai_roles"] = std::move(a);
  }
  if (auto m = in.integer("fiscal_year_start_month", 1, 12)) profile["fiscal_year_start_month"] = *m;
  if (auto m = in.integer("review_interval_months", 1, 60)) profile["review_interval_months"] = *m;
  Settings s;
  auto required = in.boolean("soa_justification_required");
  justification_given = required.has_value();
  s.soa_justification_required = required.value_or(false);
  auto sod = body.as_object().if_contains("segregation_of_duties");
  if (!sod) in.error("segregation_of_duties", "is required");
  else if (!sod->is_object()) in.error("segregation_of_duties", "must be an object with impact_approval, risk_acceptance and soa_approval");
  else {
    const auto& o = sod->as_object();
    for (const auto& kv : o) {
      bool known = false;
      for (auto duty : kDuties) known = known || kv.key() == duty;
      if (!known) in.error("segregation_of_duties." + std::string(kv.key()), "is not a setting");
    }
    for (auto duty : kDuties) {
      auto field = "segregation_of_duties." + std::string(duty);
      auto v = o.if_contains(duty);
      if (!v) in.error(field, "is required");
      else if (!v->is_bool()) in.error(field, "must be true or false");
      else member(s, duty) = v->as_bool();
    }
  }
  if (!in.ok()) return in.failure("The organization settings are not valid.");
  return s;
}

}  // namespace

Settings load_settings(store::ReadTx& tx, const std::string& org_id) {
  auto r = tx.find_record(org_id, std::string(OrgSettingsService::kKind), "", kId);
  if (!r) return Settings{};
  return from_json(json::parse(r->doc).as_object());
}

status require_segregation(store::ReadTx& tx, const Actor& a, Duty duty, bool is_author, std::string_view reason) {
  if (!is_author || ledger::ActorScope::current() == "system") return ok();
  auto s = load_settings(tx, a.org_id);
  bool on = duty == Duty::impact_approval ? s.impact_approval : duty == Duty::risk_acceptance ? s.risk_acceptance : s.soa_approval;
  if (!on) return ok();
  return make_error(errc::forbidden, "Segregation of duties: " + std::string(reason));
}

result<View> OrgSettingsService::get(const Actor& a) {
  View out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kKind), "", kId);
    if (!r) {
      out = View{0, json::serialize(with_profile(served(Settings{}, 0, nullptr, nullptr), profile_of(nullptr)))};
      return ok();
    }
    auto d = json::parse(r->doc).as_object();
    out = View{r->version, json::serialize(with_profile(served(from_json(d), r->version, json::value(r->updated_at), d.at("updated_by")),
                                                        profile_of(&d)))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<View> OrgSettingsService::put(const Actor& a, const json::value& body, const std::optional<std::string>& if_match) {
  if (!accounts::allowed(a.role, accounts::Action::administer))
    return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) +
                                           ") may not change the organization settings: they decide who may approve, so only admins may.");
  bool justification_given = false;
  json::object given;
  auto parsed = parse(body, justification_given, given);
  if (!parsed) return parsed.error();
  View out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto r = tx.find_record(a.org_id, std::string(kKind), "", kId);
    std::int64_t version = r ? r->version : 0;
    if (!if_match)
      return make_error(errc::precondition_required,
                        "Send If-Match with the ETag you last read (\"v0\" while the defaults apply).");
    if (!records::names_version(*if_match, version))
      return make_error(errc::precondition_failed, "The organization settings were changed by someone else since you read them (now version " +
                                                       std::to_string(version) + "); reload and apply your change again.");
    auto stored = r ? json::parse(r->doc).as_object() : json::object{};
    auto current = r ? from_json(stored) : Settings{};
    if (!justification_given) parsed->soa_justification_required = current.soa_justification_required;
    auto profile_before = profile_of(r ? &stored : nullptr);
    auto profile_after = with_profile(profile_before, given);
    auto before = with_profile(to_json(current), profile_before);
    auto after = with_profile(to_json(*parsed), profile_after);
    if (r && before == after) {
      out = View{version, json::serialize(with_profile(served(*parsed, version, json::value(r->updated_at), stored.at("updated_by")), profile_after))};
      return ok();
    }
    json::array changes;
    const auto& b = before.at("segregation_of_duties").as_object();
    const auto& n = after.at("segregation_of_duties").as_object();
    for (auto duty : kDuties)
      if (!r || b.at(duty) != n.at(duty))
        changes.push_back(json::object{{"field", "segregation_of_duties." + std::string(duty)},
                                       {"from", r ? b.at(duty) : json::value(nullptr)},
                                       {"to", n.at(duty)}});
    if (!r || before.at("soa_justification_required") != after.at("soa_justification_required"))
      changes.push_back(json::object{{"field", "soa_justification_required"},
                                     {"from", r ? before.at("soa_justification_required") : json::value(nullptr)},
                                     {"to", after.at("soa_justification_required")}});
    for (auto k : kProfileKeys)
      if (!r || before.at(k) != after.at(k))
        changes.push_back(json::object{{"field", k}, {"from", r ? before.at(k) : json::value(nullptr)}, {"to", after.at(k)}});
    auto now = clock_.now_text();
    auto doc = after;
    doc["updated_by"] = a.email;
    store::RecordRow row{std::string(kKind), a.org_id, "", kId, version + 1, 0, "", r ? r->created_at : now, now, json::serialize(doc)};
    if (auto s = tx.put_record(row, version); !s) return s;
    store::HistoryRow h{a.org_id, std::string(kKind), kId, row.version, now, a.email, r ? "update" : "create", json::serialize(changes)};
    if (auto s = tx.insert_history(h); !s) return s;
    out = View{row.version, json::serialize(with_profile(served(*parsed, row.version, json::value(now), json::value(a.email)), profile_after))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::org
