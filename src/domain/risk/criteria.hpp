// The risk criteria of an organization (ISO/IEC 42001 6.1.2): the likelihood and impact scales, the
// levels the cells of the likelihood × impact matrix map to, the acceptance threshold and the roles
// that may accept a risk. Values and pure functions; thread-safe as values are.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/roles.hpp"
#include "store/store.hpp"

namespace aims::risk {

/// One step of a likelihood or impact scale (step 1 is the least likely / least severe).
struct Step {
  std::string label;
  std::string description;
};

/// A risk level a matrix cell maps to, e.g. "high".
struct Level {
  std::string id;      // [a-z][a-z0-9_]*, unique
  std::string name;    // for people, unique
  std::string colour;  // #rrggbb
};

struct Criteria {
  std::vector<Step> likelihood;              // 3 to 7 steps
  std::vector<Step> impact;                  // 3 to 7 steps
  std::vector<Level> levels;                 // 2 to 6, lowest first
  std::vector<std::vector<int>> matrix;      // matrix[likelihood - 1][impact - 1] = index into levels
  int acceptance_threshold = 0;              // index into levels: the highest level that may be accepted
  std::vector<accounts::Role> accept_roles;  // a non-empty subset of admin, manager, contributor
};

constexpr int kMinSteps = 3;
constexpr int kMaxSteps = 7;

/// The criteria an organization starts with: 5 × 5, low / medium / high / critical by score
/// (likelihood × impact: up to 4 low, up to 9 medium, up to 15 high, above critical), medium and
/// below acceptable, accepted by managers and admins.
Criteria default_criteria();

/// Checks a criteria document as sent by a client. Every problem goes to `errors` with the field
/// it concerns (e.g. `levels[1].colour`, `matrix[3][2]`); nullopt if there is any.
std::optional<Criteria> parse_criteria(const boost::json::object& body, std::vector<FieldError>& errors);

/// The criteria as JSON (likelihood, impact, levels, matrix by level id, acceptance_threshold,
/// accept_roles); from_json reads what to_json wrote.
boost::json::object to_json(const Criteria& c);
Criteria from_json(const boost::json::object& doc);

/// The level index of a cell; likelihood and impact must be on the scales.
int level_of(const Criteria& c, int likelihood, int impact);
/// The index of a level id, or -1.
int level_index(const Criteria& c, std::string_view id);
bool may_accept(const Criteria& c, accounts::Role role);

/// The organization's stored criteria and their version (0 and the defaults when never set).
struct StoredCriteria {
  Criteria criteria;
  std::int64_t version = 0;
  std::optional<store::RecordRow> row;
};
StoredCriteria load_criteria(store::ReadTx& tx, const std::string& org_id);

/// Record kind and id of the criteria (one record per organization).
inline constexpr const char* kCriteriaKind = "risk_criteria";
inline constexpr const char* kCriteriaId = "current";

}  // namespace aims::risk
