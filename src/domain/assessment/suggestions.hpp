// Suggested maturity levels for the items of a gap assessment, from the records aims already holds
// (risk register, impact assessments, objectives and readings, evidence links, the SoA, the
// context register). The rules are data (suggestion_rules(), in suggestions_rules.cpp): which
// items, which records under which condition, which level, and why in our words. A suggestion only
// proposes; the user decides. Pure functions over a read transaction; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assessment/scoring.hpp"
#include "store/store.hpp"

namespace aims::assessment {

/// One condition of a rule: at least `min` records of `kind` whose `field` is one of `any_of`
/// (an empty list: the field is set, i.e. not null, empty or withdrawn; no field: any record).
/// Two kinds are about the item itself: "soa_entry" (the item's SoA entry) and "evidence_link"
/// (live evidence linked to the item or to its SoA entry). An empty kind means no record kind
/// exists yet for what the rule needs: the rule is listed but never applies.
struct Need {
  std::string_view kind;
  std::string_view field = {};
  std::vector<std::string_view> any_of = {};
  int min = 1;
  std::string_view wanted = {};  // what the rule needs, for people (used when kind is empty)
};

/// A rule: for `items` ("A.*" every Annex A control, "*" every item), when every need holds,
/// suggest `level` because `basis`.
struct Rule {
  std::string_view id;
  std::vector<std::string_view> items;
  int level = 0;
  std::vector<Need> needs;
  std::string_view basis;
};

/// The rule table, in our own words.
const std::vector<Rule>& suggestion_rules();

/// A record a suggestion rests on.
struct Cited {
  std::string kind, id, label, title;
  std::string parent_id;  // for a record inside another (an objective's reading): that record's id
};

struct Suggestion {
  std::string item_id;
  int level = 0;
  std::string rule;   // Rule::id
  std::string basis;  // Rule::basis
  std::vector<Cited> records;
};

/// The suggestion for each item that has one (the highest level whose rule holds; the first such
/// rule on a tie), in the order of `items`.
std::vector<Suggestion> suggest(store::ReadTx& tx, const std::string& org_id, const std::vector<ScopeItem>& items);

/// The suggestion for one item, if any.
std::optional<Suggestion> suggest_item(store::ReadTx& tx, const std::string& org_id, const std::string& item_id);

boost::json::object suggestion_json(const Suggestion& s);
/// The rule table as served: {id, items, level, needs: [{kind|null, field, any_of, min, wanted}], basis, active}.
boost::json::array rules_json();

}  // namespace aims::assessment
