// The conflict rule between an SoA entry's status and the assessed maturity, over every status and
// maturity (the table of docs/soa.md), a kept decision, and the controls without a justification.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/soa/soa_rules.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

json::object soa_entry(const char* status, json::value maturity, bool applicable = true) {
  json::object e{{"control_id", "A.6.2.2"}, {"applicable", applicable}, {"implementation_status", status}, {"justification", ""}};
  e["latest_answer"] = json::object{{"assessment_id", "asm_1"}, {"maturity", maturity}, {"not_applicable", maturity.is_null()}};
  return e;
}

std::string rule_of(const json::object& e) {
  auto c = soa::conflict_of(e);
  return c.is_null() ? "" : std::string(c.at("rule").as_string());
}

}  // namespace

TEST(SoaRules, ConflictTableOverEveryStatusAndMaturity) {
  for (int m = 0; m <= 5; ++m) {
    EXPECT_EQ(rule_of(soa_entry("implemented", m)), m <= 1 ? "implemented_low_maturity" : "") << m;
    EXPECT_EQ(rule_of(soa_entry("not_started", m)), m >= 4 ? "not_started_high_maturity" : "") << m;
    EXPECT_EQ(rule_of(soa_entry("planned", m)), "") << m;
    EXPECT_EQ(rule_of(soa_entry("partial", m)), "") << m;
    EXPECT_EQ(rule_of(soa_entry("implemented", m, false)), "") << "an excluded control is never in conflict";
  }
  EXPECT_EQ(rule_of(soa_entry("implemented", nullptr)), "") << "a not-applicable answer has no maturity";
  auto none = soa_entry("implemented", 0);
  none["latest_answer"] = nullptr;
  EXPECT_EQ(rule_of(none), "");
}

TEST(SoaRules, AKeptDecisionHoldsOnlyForItsStatusAndMaturity) {
  auto e = soa_entry("implemented", 1);
  e["conflict_decision"] = json::object{{"reason", "Compensating control"}, {"implementation_status", "implemented"},
                                        {"maturity", 1}, {"decided_by", "a@x.test"}, {"decided_at", "2026-01-01T00:00:00Z"}};
  auto c = soa::conflict_of(e);
  ASSERT_TRUE(c.is_object());
  EXPECT_TRUE(c.at("kept").as_bool());
  EXPECT_EQ(c.at("reason").as_string(), "Compensating control");
  e["latest_answer"].as_object()["maturity"] = 0;
  c = soa::conflict_of(e);
  EXPECT_FALSE(c.at("kept").as_bool());
  EXPECT_TRUE(c.at("reason").is_null());
}

TEST(SoaRules, MissingJustificationsAreTheApplicableOnesWithBlankText) {
  json::array items{json::object{{"control_id", "A.2.2"}, {"applicable", true}, {"justification", ""}},
                    json::object{{"control_id", "A.2.3"}, {"applicable", true}, {"justification", "  \n"}},
                    json::object{{"control_id", "A.2.4"}, {"applicable", true}, {"justification", "Needed"}},
                    json::object{{"control_id", "A.3.2"}, {"applicable", false}, {"justification", ""}}};
  EXPECT_EQ(soa::missing_justifications(items), (std::vector<std::string>{"A.2.2", "A.2.3"}));
}
