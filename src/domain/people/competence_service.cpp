#include "domain/people/competence_service.hpp"

#include <algorithm>

#include "domain/ledger/audit_entries_page.hpp"
#include "domain/people/competence_facts.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::people {
namespace json = boost::json;

namespace {

constexpr const char* kCursorSort = "person";  // the cursor codec's sort name: people in user id order

/// The organization's members' user ids in id order (the matrix's rows).
std::vector<std::string> member_ids(store::ReadTx& tx, const std::string& org_id) {
  std::vector<std::string> ids;
  for (const auto& m : tx.list_org_members(org_id)) ids.push_back(m.user_id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

/// The cells of one person, in the catalogue's order, and the count of their gaps.
json::object person_row(const Catalogue& c, const PersonFacts& f, Date today, int& gaps) {
  auto required = f.required(c);
  json::object cells;
  gaps = 0;
  for (const auto& comp : c.competences) {
    auto it = f.held.find(comp.id);
    std::optional<std::string> expiry;
    if (it != f.held.end()) expiry = it->second;
    bool req = required.contains(comp.id);
    auto cell = cell_of(req, expiry, today);
    if (req && (cell == Cell::gap || cell == Cell::expired)) ++gaps;
    json::object o{{"status", cell_name(cell)}, {"required", req}};
    if (expiry && !expiry->empty()) o["expires_on"] = *expiry;
    if (auto a = f.actions.find(comp.id); a != f.actions.end() && (cell == Cell::gap || cell == Cell::expired))
      o["action"] = a->second;
    cells[comp.id] = std::move(o);
  }
  return json::object{{"cells", std::move(cells)}, {"gaps", gaps}};
}

}  // namespace

result<std::string> CompetenceService::matrix(const accounts::Actor& a, const records::Params& p) {
  if (auto st = records::require(a, accounts::Action::read, "read the competence matrix"); !st) return st.error();
  std::vector<FieldError> errs;
  std::optional<std::string> role, person, cursor;
  int limit = 50;
  for (const auto& [k, v] : p) {
    if (k == "role") role = v;
    else if (k == "person") person = v;
    else if (k == "cursor") cursor = v;
    else if (k == "limit") {
      auto n = ledger::whole_number(v);
      if (!n || *n < 1 || *n > 200) errs.push_back({"limit", 0, "must be a whole number from 1 to 200"});
      else limit = static_cast<int>(*n);
    } else errs.push_back({k, 0, "is not a parameter of the competence matrix (role, person, limit, cursor)"});
  }
  std::optional<store::RecordPosition> after;
  if (cursor && !(after = records::decode_cursor(kCursorSort, *cursor))) errs.push_back({"cursor", 0, "is not a cursor of this list"});
  if (!errs.empty()) return make_error(errc::bad_request, "The matrix parameters are not valid.", std::move(errs));
  const auto today = date_of(clock_.now());
  json::object out{{"today", format_date(today)}};
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto cat = load_catalogue(tx, a.org_id);
    auto people = member_ids(tx, a.org_id);
    std::vector<FieldError> bad;
    if (role && !cat.roles.contains(*role)) bad.push_back({"role", 0, "no AIMS role " + *role + " in this organization"});
    if (person && !std::binary_search(people.begin(), people.end(), *person))
      bad.push_back({"person", 0, "no member " + *person + " in this organization"});
    if (!bad.empty()) return make_error(errc::bad_request, "The matrix parameters are not valid.", std::move(bad));
    if (role) {
      auto holders = holders_of(tx, a.org_id, {*role}, today);
      std::erase_if(people, [&](const std::string& id) { return !std::binary_search(holders.begin(), holders.end(), id); });
    }
    if (person) std::erase_if(people, [&](const std::string& id) { return id != *person; });
    const auto total = static_cast<std::int64_t>(people.size());
    auto from = after ? std::upper_bound(people.begin(), people.end(), after->id) : people.begin();
    std::vector<std::string> page(from, std::min(people.end(), from + std::min<std::ptrdiff_t>(limit, people.end() - from)));
    bool more = from + static_cast<std::ptrdiff_t>(page.size()) != people.end();
    auto facts = load_people(tx, a.org_id, cat, page, today);
    json::array comps, items;
    for (const auto& c : cat.competences)
      comps.push_back(json::object{{"id", c.id}, {"name", c.name}, {"category", c.category}, {"ai_act_art4", c.ai_act_art4}});
    for (const auto& id : page) {
      const auto& f = facts[id];
      int gaps = 0;
      auto row = person_row(cat, f, today, gaps);
      auto user = tx.find_user(id);
      json::array roles;
      for (const auto& r : f.role_ids)
        if (auto it = cat.roles.find(r); it != cat.roles.end()) roles.push_back(json::object{{"id", r}, {"name", it->second.name}});
      row["user_id"] = id;
      row["email"] = user ? user->email : "";
      row["name"] = user ? user->name : "";
      row["roles"] = std::move(roles);
      items.push_back(std::move(row));
    }
    out["competences"] = std::move(comps);
    out["items"] = std::move(items);
    out["total"] = total;
    if (more && !page.empty()) out["next"] = records::encode_cursor(kCursorSort, store::RecordPosition{"", 0, page.back(), ""});
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

result<json::object> CompetenceService::summary(const accounts::Actor& a) {
  if (auto st = records::require(a, accounts::Action::read, "read the competence matrix"); !st) return st.error();
  const auto today = date_of(clock_.now());
  std::int64_t people_n = 0, with_gaps = 0, gaps = 0, expired = 0, expiring = 0;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto cat = load_catalogue(tx, a.org_id);
    auto people = member_ids(tx, a.org_id);
    people_n = static_cast<std::int64_t>(people.size());
    constexpr std::size_t kBatch = 200;  // people whose records are read at once
    for (std::size_t i = 0; i < people.size(); i += kBatch) {
      std::vector<std::string> batch(people.begin() + static_cast<std::ptrdiff_t>(i),
                                     people.begin() + static_cast<std::ptrdiff_t>(std::min(people.size(), i + kBatch)));
      for (const auto& [id, f] : load_people(tx, a.org_id, cat, batch, today)) {
        int g = 0;
        auto row = person_row(cat, f, today, g);
        gaps += g;
        if (g > 0) ++with_gaps;
        for (const auto& kv : row.at("cells").as_object()) {
          auto s = kv.value().as_object().at("status").as_string();
          if (s == "expired") ++expired;
          if (s == "expiring") ++expiring;
        }
      }
    }
    return ok();
  });
  if (!st) return st.error();
  return json::object{{"people", people_n}, {"people_with_gaps", with_gaps}, {"gaps", gaps},
                      {"expired", expired}, {"expiring", expiring}, {"link", "/competence"}};
}

}  // namespace aims::people
