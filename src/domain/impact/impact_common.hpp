// Small helpers shared by the files of ImpactService: the not-found error in the kind's words,
// history rows and field diffs. Internal to src/domain/impact; pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/euact/classification_service.hpp"
#include "domain/euact/system_facts.hpp"
#include "domain/impact/impact_kind.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/versions.hpp"
#include "store/batch_lookups.hpp"
#include "store/store.hpp"

namespace aims::impact::detail {

// The names every file of the service uses (they take them in with `using namespace detail`).
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;
using records::require;

inline Error not_found(const std::string& id) { return records::not_found(impact_kind(), id); }

/// Field-by-field changes between two stored documents, leaving out the bookkeeping members.
inline boost::json::array diff(const boost::json::object& before, const boost::json::object& after) {
  static constexpr std::string_view kSkip[] = {"version", "updated_at", "updated_by", "created_at", "created_by"};
  auto skipped = [](std::string_view k) {
    for (auto s : kSkip)
      if (s == k) return true;
    return false;
  };
  boost::json::array out;
  for (const auto& kv : after) {
    if (skipped(kv.key())) continue;
    auto was = before.if_contains(kv.key());
    if (!was || *was != kv.value())
      out.push_back(boost::json::object{{"field", kv.key()}, {"from", was ? *was : boost::json::value(nullptr)}, {"to", kv.value()}});
  }
  for (const auto& kv : before)
    if (!skipped(kv.key()) && !after.contains(kv.key()))
      out.push_back(boost::json::object{{"field", kv.key()}, {"from", kv.value()}, {"to", nullptr}});
  return out;
}

inline store::HistoryRow history_row(const accounts::Actor& a, std::string_view record_type, const std::string& id,
                                     std::int64_t version, const std::string& at, std::string_view op,
                                     const boost::json::array& changes) {
  return store::HistoryRow{a.org_id, std::string(record_type), id, version, at, a.email, std::string(op),
                           boost::json::serialize(changes)};
}

/// A generic record row with every member given.
inline store::RecordRow make_row(std::string_view kind, const std::string& org_id, const std::string& parent_id,
                                 const std::string& id, std::int64_t version, std::int64_t position, const std::string& ref,
                                 const std::string& created_at, const std::string& updated_at, std::string doc) {
  return store::RecordRow{std::string(kind), org_id, parent_id, id, version, position, ref, created_at, updated_at, std::move(doc)};
}

/// A filter over one kind's records under `parent_id` (all of them, in position order).
inline store::RecordFilter children(std::string_view kind, const std::string& org_id, const std::string& parent_id,
                                    std::optional<std::string> ref = std::nullopt) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = std::string(kind);
  f.parent_id = parent_id;
  f.ref = std::move(ref);
  return f;
}


/// The AI systems among `ids`, each its stored record with its EU AI Act facts under "eu_ai_act"
/// (euact::system_facts: from its saved classification, the one source of whether an FRIA is
/// required), read in two queries (the systems, their classifications); the ids of no system or of
/// an unreadable record are left out.
inline std::map<std::string, boost::json::object> systems_of(store::ReadTx& tx, const std::string& org_id,
                                                              const std::vector<std::string>& ids) {
  std::map<std::string, boost::json::object> out;
  for (const auto& sys : store::systems_by_id(tx, org_id, ids)) {
    boost::system::error_code ec;
    auto v = boost::json::parse(sys.doc, ec);
    if (!ec && v.is_object()) out.emplace(sys.id, std::move(v.as_object()));
  }
  std::vector<std::string> found;
  for (const auto& [id, o] : out) found.push_back(id);
  for (const auto& c : store::records_by_id(tx, org_id, euact::ClassificationService::kKind, "", found)) {
    boost::system::error_code ec;
    auto v = boost::json::parse(c.doc, ec);
    if (auto it = out.find(c.id); it != out.end() && !ec && v.is_object()) it->second["eu_ai_act"] = euact::facts_of(&v.as_object());
  }
  for (auto& [id, o] : out)
    if (!o.contains("eu_ai_act")) o["eu_ai_act"] = euact::facts_of(nullptr);
  return out;
}

/// systems_of for one system; nullopt when there is no such system or its record is unreadable.
inline std::optional<boost::json::object> system_of(store::ReadTx& tx, const std::string& org_id, const std::string& system_id) {
  auto all = systems_of(tx, org_id, {system_id});
  if (all.empty()) return std::nullopt;
  return std::move(all.begin()->second);
}

}  // namespace aims::impact::detail
