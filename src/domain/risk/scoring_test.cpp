// Risk criteria, scoring, the rules of a risk and who may accept which risk: table-driven checks
// of the pure functions of src/domain/risk.
#include <gtest/gtest.h>

#include "domain/risk/criteria.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/scoring.hpp"

using namespace aims;
using namespace aims::risk;
using accounts::Role;
namespace json = boost::json;

namespace {

const catalog::Catalog& cat() {
  static catalog::Catalog c = catalog::Catalog::load_embedded();
  return c;
}

Date day(const char* s) { return *parse_date(s); }

std::vector<std::string> scoring_fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

/// The default criteria as a client would send them, changed by `edit`.
json::object body_with(const std::function<void(json::object&)>& edit) {
  auto b = to_json(default_criteria());
  edit(b);
  return b;
}

}  // namespace

TEST(RiskScoring, DefaultMatrixLevelsCellsByScore) {
  auto c = default_criteria();
  struct Case {
    int l, i;
    const char* level;
  } cases[] = {{1, 1, "low"},    {2, 2, "low"},  {1, 4, "low"},       {1, 5, "medium"},    {3, 3, "medium"},
               {2, 4, "medium"}, {2, 5, "high"}, {3, 5, "high"},      {5, 3, "high"},      {4, 4, "critical"},
               {5, 4, "critical"}, {5, 5, "critical"}};
  for (const auto& k : cases) {
    auto s = score_json(c, k.l, k.i);
    EXPECT_EQ(s.at("score").as_int64(), k.l * k.i) << k.l << "×" << k.i;
    EXPECT_EQ(s.at("level").at("id").as_string(), k.level) << k.l << "×" << k.i;
  }
  EXPECT_EQ(c.levels[static_cast<std::size_t>(c.acceptance_threshold)].id, "medium");
  EXPECT_TRUE(may_accept(c, Role::admin));
  EXPECT_TRUE(may_accept(c, Role::manager));
  EXPECT_FALSE(may_accept(c, Role::contributor));
}

TEST(RiskCriteria, TheDefaultsRoundTripThroughJson) {
  std::vector<FieldError> errors;
  auto parsed = parse_criteria(to_json(default_criteria()), errors);
  ASSERT_TRUE(parsed) << (errors.empty() ? "" : errors[0].field + ": " + errors[0].message);
  EXPECT_EQ(to_json(*parsed), to_json(default_criteria()));
}

TEST(RiskCriteria, InvalidCriteriaNameTheField) {
  struct Case {
    const char* what;
    std::function<void(json::object&)> edit;
    std::string field;
  } cases[] = {
      {"two likelihood steps", [](json::object& b) { b["likelihood"].as_array().resize(2); }, "likelihood"},
      {"eight impact steps",
       [](json::object& b) {
         auto& a = b["impact"].as_array();
         while (a.size() < 8) a.push_back(json::object{{"label", "x" + std::to_string(a.size())}});
       },
       "impact"},
      {"an empty label", [](json::object& b) { b["impact"].as_array()[1].as_object()["label"] = ""; }, "impact[1].label"},
      {"a repeated label", [](json::object& b) { b["impact"].as_array()[1].as_object()["label"] = "negligible"; }, "impact[1].label"},
      {"a colour that is not #rrggbb", [](json::object& b) { b["levels"].as_array()[2].as_object()["colour"] = "orange"; }, "levels[2].colour"},
      {"a repeated level id", [](json::object& b) { b["levels"].as_array()[1].as_object()["id"] = "low"; }, "levels[1].id"},
      {"a level id with capitals", [](json::object& b) { b["levels"].as_array()[0].as_object()["id"] = "Low"; }, "levels[0].id"},
      {"one level", [](json::object& b) { b["levels"].as_array().resize(1); }, "levels"},
      {"a missing matrix row", [](json::object& b) { b["matrix"].as_array().pop_back(); }, "matrix"},
      {"a short matrix row", [](json::object& b) { b["matrix"].as_array()[2].as_array().pop_back(); }, "matrix[2]"},
      {"an unknown level in a cell", [](json::object& b) { b["matrix"].as_array()[0].as_array()[3] = "severe"; }, "matrix[0][3]"},
      {"a cell lower than its less severe neighbour", [](json::object& b) { b["matrix"].as_array()[4].as_array()[4] = "high"; }, "matrix[4][4]"},
      {"a cell lower than its less likely neighbour", [](json::object& b) { b["matrix"].as_array()[1].as_array()[0] = "low"; b["matrix"].as_array()[0].as_array()[0] = "medium"; }, "matrix[1][0]"},
      {"an unknown threshold", [](json::object& b) { b["acceptance_threshold"] = "moderate"; }, "acceptance_threshold"},
      {"no accepting role", [](json::object& b) { b["accept_roles"] = json::array(); }, "accept_roles"},
      {"a viewer accepting", [](json::object& b) { b["accept_roles"] = json::array{"manager", "viewer"}; }, "accept_roles"},
      {"an unknown field", [](json::object& b) { b["colour_blind"] = true; }, "colour_blind"},
  };
  for (const auto& k : cases) {
    std::vector<FieldError> errors;
    auto parsed = parse_criteria(body_with(k.edit), errors);
    EXPECT_FALSE(parsed) << k.what;
    auto f = scoring_fields_of(errors);
    EXPECT_NE(std::find(f.begin(), f.end(), k.field), f.end()) << k.what << ": no error on " << k.field;
  }
}

TEST(RiskCriteria, AThreeByThreeMatrixWithContributorsAccepting) {
  json::object b{{"likelihood", json::array{json::object{{"label", "Low"}}, json::object{{"label", "Medium"}}, json::object{{"label", "High"}}}},
                 {"impact", json::array{json::object{{"label", "Low"}}, json::object{{"label", "Medium"}}, json::object{{"label", "High"}}}},
                 {"levels", json::array{json::object{{"id", "green"}, {"name", "Green"}, {"colour", "#00AA00"}},
                                        json::object{{"id", "red"}, {"name", "Red"}, {"colour", "#aa0000"}}}},
                 {"matrix", json::array{json::array{"green", "green", "red"}, json::array{"green", "red", "red"},
                                        json::array{"red", "red", "red"}}},
                 {"acceptance_threshold", "green"},
                 {"accept_roles", json::array{"contributor", "admin", "contributor"}},
                 {"version", 4}};
  std::vector<FieldError> errors;
  auto c = parse_criteria(b, errors);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->levels[1].colour, "#aa0000");
  EXPECT_EQ(c->levels[0].colour, "#00aa00");  // stored lower-case
  EXPECT_EQ(level_of(*c, 2, 2), 1);
  EXPECT_EQ(c->accept_roles, (std::vector<Role>{Role::admin, Role::contributor}));
  EXPECT_EQ(to_json(*c).at("accept_roles"), (json::array{"admin", "contributor"}));
}

TEST(RiskAcceptance, WhoMayAcceptWhichRisk) {
  auto c = default_criteria();  // medium and below, by admin and manager
  auto with_contributors = c;
  with_contributors.accept_roles.push_back(Role::contributor);
  struct Case {
    const Criteria* criteria;
    Role role;
    int l, i;
    const char* status;
    std::optional<errc> expected;
    const char* field;
  } cases[] = {
      {&c, Role::admin, 2, 2, "open", std::nullopt, ""},
      {&c, Role::manager, 3, 3, "monitoring", std::nullopt, ""},            // medium: at the threshold
      {&c, Role::manager, 1, 5, "treating", std::nullopt, ""},              // medium
      {&c, Role::manager, 3, 4, "monitoring", errc::validation, "residual"},  // high
      {&c, Role::admin, 5, 5, "open", errc::validation, "residual"},        // critical
      {&c, Role::contributor, 1, 1, "open", errc::forbidden, ""},
      {&c, Role::auditor, 1, 1, "open", errc::forbidden, ""},
      {&c, Role::viewer, 1, 1, "open", errc::forbidden, ""},
      {&c, Role::contributor, 5, 5, "open", errc::forbidden, ""},          // the role is checked first
      {&c, Role::admin, 1, 1, "closed", errc::validation, "status"},
      {&with_contributors, Role::contributor, 2, 3, "open", std::nullopt, ""},
      {&with_contributors, Role::viewer, 1, 1, "open", errc::forbidden, ""},
  };
  for (const auto& k : cases) {
    auto s = check_acceptance(*k.criteria, k.role, k.l, k.i, k.status);
    std::string what = std::string(accounts::role_name(k.role)) + " " + std::to_string(k.l) + "×" + std::to_string(k.i) + " " + k.status;
    if (!k.expected) {
      EXPECT_TRUE(s) << what << ": " << s.error().detail;
      continue;
    }
    ASSERT_FALSE(s) << what;
    EXPECT_EQ(s.error().code, *k.expected) << what;
    EXPECT_FALSE(s.error().detail.empty()) << what;
    if (*k.field) {
      ASSERT_EQ(s.error().errors.size(), 1u) << what;
      EXPECT_EQ(s.error().errors[0].field, k.field) << what;
    }
  }
  auto refused = check_acceptance(c, Role::manager, 3, 4, "open");
  EXPECT_NE(refused.error().detail.find("High"), std::string::npos) << refused.error().detail;
  EXPECT_NE(refused.error().detail.find("up to Medium"), std::string::npos) << refused.error().detail;
}

TEST(RiskAcceptance, StateAsOfADay) {
  auto c = default_criteria();
  auto strict = c;
  strict.acceptance_threshold = 0;  // only low may be accepted now
  json::object given{{"accepted_by", "m@x.test"}, {"accepted_at", "2026-01-10T09:00:00.000Z"}, {"expires_on", "2026-07-01"}};
  auto withdrawn = given;
  withdrawn["withdrawn_at"] = "2026-02-01T09:00:00.000Z";
  struct Case {
    json::value acceptance;
    const Criteria* criteria;
    int l, i;
    const char* today;
    AcceptanceState expected;
  } cases[] = {
      {nullptr, &c, 2, 2, "2026-03-01", AcceptanceState::none},
      {given, &c, 2, 2, "2026-03-01", AcceptanceState::accepted},
      {given, &c, 2, 2, "2026-06-30", AcceptanceState::accepted},  // the day before it lapses
      {given, &c, 2, 2, "2026-07-01", AcceptanceState::expired},   // lapses on its date
      {given, &c, 2, 2, "2027-01-01", AcceptanceState::expired},
      {withdrawn, &c, 2, 2, "2026-03-01", AcceptanceState::withdrawn},
      {withdrawn, &c, 2, 2, "2026-08-01", AcceptanceState::withdrawn},  // withdrawn before it lapsed
      {given, &strict, 3, 3, "2026-03-01", AcceptanceState::exceeds_threshold},
      {given, &strict, 3, 3, "2026-07-02", AcceptanceState::expired},
      {given, &strict, 1, 2, "2026-03-01", AcceptanceState::accepted},
  };
  for (const auto& k : cases)
    EXPECT_EQ(acceptance_state(k.acceptance, *k.criteria, k.l, k.i, day(k.today)), k.expected)
        << json::serialize(k.acceptance) << " on " << k.today;
}

TEST(RiskFields, ReadingChecksTypesAndCatalogIds) {
  struct Case {
    json::object body;
    std::vector<std::string> fields;  // fields with an error, in order
  } cases[] = {
      {{{"title", "Bias"}, {"inherent_likelihood", 3}, {"inherent_impact", 4}}, {}},
      {{}, {"title", "inherent_likelihood", "inherent_impact"}},
      {{{"title", "  "}, {"inherent_likelihood", 0}, {"inherent_impact", "4"}}, {"title", "inherent_likelihood", "inherent_impact"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"risk_sources", json::array{"C.3.4", "C.3.9"}}}, {"risk_sources"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"objectives", json::array{"C.3.1"}}}, {"objectives"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"planned_controls", json::array{"A.6.2.4", "Quarterly bias review"}}}, {}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"planned_controls", json::array{"A.6.2.9"}}}, {"planned_controls"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"planned_controls", json::array{"A.6"}}}, {"planned_controls"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"treatment", "transfer"}, {"status", "done"}}, {"treatment", "status"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"due_date", "2026-02-30"}, {"review_date", nullptr}}, {"due_date"}},
      {{{"title", "x"}, {"inherent_likelihood", 1}, {"inherent_impact", 1}, {"id", "R-9"}, {"colour", "red"}}, {"id", "colour"}},
  };
  for (const auto& k : cases) {
    std::vector<FieldError> errors;
    read_fields(k.body, true, cat(), errors);
    EXPECT_EQ(scoring_fields_of(errors), k.fields) << json::serialize(k.body);
  }
  std::vector<FieldError> errors;
  read_fields(json::object{{"id", "R-9"}}, false, cat(), errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "is read-only");
}

TEST(RiskFields, RulesOfAWholeRisk) {
  auto c = default_criteria();
  struct Case {
    json::object fields;
    std::vector<std::string> errors;
  } cases[] = {
      {{{"inherent_likelihood", 4}, {"inherent_impact", 4}}, {}},
      {{{"inherent_likelihood", 6}, {"inherent_impact", 4}}, {"inherent_likelihood", "residual_likelihood"}},  // residual defaults to it
      {{{"inherent_likelihood", 2}, {"inherent_impact", 2}, {"residual_likelihood", 3}}, {"residual_likelihood"}},
      {{{"inherent_likelihood", 2}, {"inherent_impact", 2}, {"residual_impact", 4}}, {"residual_impact"}},
      {{{"inherent_likelihood", 2}, {"inherent_impact", 2}, {"residual_impact", 4}, {"residual_rationale", "The new data source adds exposure."}}, {}},
      {{{"inherent_likelihood", 2}, {"inherent_impact", 2}, {"status", "treating"}}, {"treatment"}},
      {{{"inherent_likelihood", 2}, {"inherent_impact", 2}, {"status", "monitoring"}, {"treatment", "retain"}}, {}},
      {{{"inherent_likelihood", 2}, {"inherent_impact", 2}, {"status", "closed"}}, {}},
  };
  for (const auto& k : cases) {
    auto risk = with_defaults(k.fields);
    std::vector<FieldError> errors;
    check_rules(risk, c, errors);
    EXPECT_EQ(scoring_fields_of(errors), k.errors) << json::serialize(k.fields);
  }
  auto risk = with_defaults({{"inherent_likelihood", 4}, {"inherent_impact", 3}});
  EXPECT_EQ(risk.at("residual_likelihood").as_int64(), 4);
  EXPECT_EQ(risk.at("residual_impact").as_int64(), 3);
  EXPECT_EQ(risk.at("status").as_string(), "open");
}

TEST(RiskFields, HistoryDiffListsChangedFieldsAndTheAcceptance) {
  auto before = with_defaults({{"title", "A"}, {"inherent_likelihood", 2}, {"inherent_impact", 2}});
  before["acceptance"] = nullptr;
  auto after = before;
  after["title"] = "B";
  after["acceptance"] = json::object{{"accepted_by", "m@x.test"}};
  auto d = diff(before, after);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].at("field").as_string(), "title");
  EXPECT_EQ(d[1].at("field").as_string(), "acceptance");
  EXPECT_TRUE(diff(before, before).empty());
}
