#include "domain/demo/demo_records.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "domain/demo/demo_members.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/record_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

/// The id of the demo organization's AI system named `name`, or an internal error.
result<std::string> system_id_named(store::Store& store, const std::string& org_id, const std::string& name) {
  std::optional<std::string> id;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    if (auto s = tx.find_system_by_name_key(org_id, text::lower(name))) id = s->id;
    return ok();
  });
  if (!st) return st.error();
  if (!id) return make_error(errc::internal, "the demo names no AI system '" + name + "'");
  return *id;
}

/// One member field of a kind's demo records: the members the n-th record names in it (e-mails,
/// "@me" for the admin; a single-member field takes the first), in the order of the kind's demo.
struct MemberFill {
  const char* kind;
  const char* field;
  std::vector<std::vector<const char*>> rows;
};

/// Who the demo's context registers, RACI and communication plan name: the demo's members, each
/// in the part of the work that is theirs (the kinds' own demo bodies name at most the admin).
const std::vector<MemberFill>& member_fills() {
  static const std::vector<MemberFill> fills{
      {"interested_party", "owner_id",
       {{kOversightLead}, {kDataSteward}, {kComplianceLead}, {kComplianceLead}, {kComplianceLead}, {kOversightLead},
        {kCto}, {"@me"}, {kDataSteward}, {kCto}, {"@me"}, {kOversightLead}}},
      {"legal_requirement", "owner_id",
       {{kComplianceLead}, {kDataSteward}, {kCto}, {kComplianceLead}, {kOversightLead}, {"@me"}}},
      {"raci_activity", "responsible", {{kDataSteward, kComplianceLead}, {kComplianceLead}, {kDataSteward}}},
      // The first activity keeps the demo's one R = A warning: the compliance lead does and answers for it.
      {"raci_activity", "accountable", {{kComplianceLead}, {"@me"}, {kCto}}},
      {"raci_activity", "consulted", {{kCto}, {kCto, kDataSteward}, {kOversightLead}}},
      {"raci_activity", "informed", {{kAuditor}, {kAuditor}, {kComplianceLead}}},
      {"communication_plan", "owner", {{kOversightLead}, {kComplianceLead}, {kComplianceLead}, {kDataSteward}, {kOversightLead}, {kCto}}},
  };
  return fills;
}

/// The user id a demo body names: "@me" is the admin, an e-mail a demo member.
result<std::string> named_member(store::Store& store, const accounts::Actor& admin, const std::string& name) {
  if (name == "@me") return admin.user_id;
  if (name.find('@') == std::string::npos) return name;  // already an id
  return member_id(store, name);
}

/// Replaces the member names of `body`'s ref = "user" fields by user ids, after filling the
/// fields member_fills() gives for the `row`-th demo record of `k`.
status resolve_members(store::Store& store, const accounts::Actor& admin, const records::KindSpec& k, std::size_t row,
                       json::object& body) {
  for (const auto& fill : member_fills()) {
    if (k.kind != fill.kind || row >= fill.rows.size()) continue;
    const auto* f = records::field_named(k.fields, fill.field);
    if (!f) return make_error(errc::internal, std::string("the demo fills no field ") + fill.kind + "." + fill.field);
    json::array names;
    for (const char* n : fill.rows[row]) names.emplace_back(n);
    body[fill.field] = f->type == records::FieldType::refs ? json::value(std::move(names)) : names.front();
  }
  auto resolve = [&](json::value& v) -> status {
    if (!v.is_string()) return ok();
    auto id = named_member(store, admin, std::string(v.as_string()));
    if (!id) return id.error();
    v = json::string(*id);
    return ok();
  };
  for (const auto& f : k.fields) {
    if (f.ref != "user" || !body.contains(f.name)) continue;
    auto& v = body.at(f.name);
    if (!v.is_array()) {
      if (auto st = resolve(v); !st) return st;
      continue;
    }
    for (auto& e : v.as_array())
      if (auto st = resolve(e); !st) return st;
  }
  return ok();
}

}  // namespace

status seed_records(store::Store& store, const Clock& clock, const accounts::Actor& actor) {
  records::RecordService service(store, clock);
  for (const auto* k : kinds::generic_kinds())
    for (std::size_t row = 0; row < k->demo.size(); ++row) {
      auto body = json::parse(k->demo[row]).as_object();
      if (auto st = resolve_members(store, actor, *k, row, body); !st) return st;
      for (const auto& f : k->fields) {
        if (f.ref != "system" || !body.contains(f.name) || body.at(f.name).is_null()) continue;
        auto& v = body.at(f.name);
        if (v.is_string()) {
          auto id = system_id_named(store, actor.org_id, std::string(v.as_string()));
          if (!id) return id.error();
          v = *id;
        } else if (v.is_array()) {
          for (auto& e : v.as_array()) {
            auto id = system_id_named(store, actor.org_id, std::string(e.as_string()));
            if (!id) return id.error();
            e = *id;
          }
        }
      }
      auto r = service.create(actor, *k, body);
      if (!r) return r.error();
    }
  return ok();
}

}  // namespace aims::demo
