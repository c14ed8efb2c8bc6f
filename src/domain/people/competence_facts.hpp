// What the competence of the organization's people is made of, read in one transaction and
// bounded by the people asked about: the competences and AIMS roles (the catalogue), each
// person's roles held today and competences held with their expiry, and the one rule that turns
// them into a cell of the competence matrix (held / expiring / expired / gap / not needed). The
// gaps of a person are the required cells that are gaps or expired. Pure functions and values on
// the caller's transaction; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date_months.hpp"
#include "store/store.hpp"

namespace aims::people {

struct CompetenceInfo {
  std::string id, name, category;
  std::optional<int> validity_months;  // records without an expiry of their own expire after it
  bool ai_act_art4 = false;
};

struct RoleInfo {
  std::string id, name;
  std::vector<std::string> required;  // competence ids
};

/// The organization's competences (in number order) and AIMS roles, archived ones left out.
struct Catalogue {
  std::vector<CompetenceInfo> competences;
  std::map<std::string, RoleInfo> roles;
  const CompetenceInfo* competence(const std::string& id) const;
};

/// One person's roles held today and competences held: competence id → the latest expiry of its
/// records ("" when one of them never expires).
struct PersonFacts {
  std::vector<std::string> role_ids;
  std::map<std::string, std::string> held;
  /// The open (or in progress) actions that close a gap: competence id → {id, action_type,
  /// due_date, status} of the one due first.
  std::map<std::string, boost::json::object> actions;
  /// The competences the person's roles require.
  std::set<std::string> required(const Catalogue& c) const;
};

enum class Cell { held, expiring, expired, gap, not_needed };
std::string_view cell_name(Cell c);
/// Days before its expiry a held competence counts as expiring.
inline constexpr int kExpiringDays = 30;

/// The one rule: a held competence is expired after its expiry day, expiring within kExpiringDays
/// of it, else held; a competence not held is a gap when required, else not needed.
Cell cell_of(bool required, const std::optional<std::string>& expiry, Date today);

/// The expiry a competence record has: its own expires_on, else the day achieved plus the
/// competence's validity, else none ("").
std::string effective_expiry(const boost::json::object& record, const CompetenceInfo* competence);

Catalogue load_catalogue(store::ReadTx& tx, const std::string& org_id);

/// Whether an assignment (a role_assignment document) holds on `today`.
bool assignment_holds(const boost::json::object& doc, const std::string& today);

/// The facts of each of `people` (user ids; each gets an entry), read with store filters on them.
std::map<std::string, PersonFacts> load_people(store::ReadTx& tx, const std::string& org_id, const Catalogue& c,
                                               const std::vector<std::string>& people, Date today);

/// The people holding AIMS role `role_id` on `today` (user ids, sorted, unique).
std::vector<std::string> holders_of(store::ReadTx& tx, const std::string& org_id, const std::vector<std::string>& role_ids,
                                    Date today);

}  // namespace aims::people
