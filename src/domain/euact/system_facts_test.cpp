// The EU AI Act facts of a system from its saved classification: roles, class and whether an
// Art. 27 FRIA is required agree with the obligations the classification derived; without a
// saved classification nothing is guessed.
#include <gtest/gtest.h>

#include "domain/euact/classifier.hpp"
#include "domain/euact/obligations.hpp"
#include "domain/euact/system_facts.hpp"
#include "domain/euact/test_support.hpp"

namespace json = boost::json;
using namespace aims::euact;
using namespace aims::euact::testing;

namespace {

/// A saved classification document as ClassificationService writes it.
json::object saved_facts(json::object given) {
  auto outcome = classify(questionnaire(), complete(std::move(given)));
  auto res = to_json(outcome);
  json::array obs;
  for (const auto& d : derive_obligations(data(), outcome)) obs.push_back(to_json(d));
  res["obligations"] = std::move(obs);
  return json::object{{"system_id", "sys_1"}, {"version", 3}, {"classified_at", "2026-12-06T10:00:00Z"}, {"result", std::move(res)}};
}

}  // namespace

TEST(SystemFacts, CreditScoringProviderAndDeployerNeedsAnFria) {
  auto doc = saved_facts({{"roles", strings({"provider", "deployer"})}, {"annex3-areas", strings({"5"})}, {"annex3-5-b", true},
                    {"art6-3-profiling", true}});
  auto f = facts_of(&doc);
  EXPECT_TRUE(f.at("classified").as_bool());
  EXPECT_EQ(f.at("version").as_int64(), 3);
  EXPECT_EQ(f.at("class").as_string(), "high_risk");
  EXPECT_EQ(f.at("roles"), json::value(strings({"provider", "deployer"})));
  EXPECT_EQ(f.at("organization_role").as_string(), "provider") << "the inventory's single role is not what decides";
  EXPECT_TRUE(f.at("fria").at("required").as_bool());
  EXPECT_NE(f.at("fria").at("reason").as_string().find("provider and deployer"), std::string::npos);
  const auto& obs = f.at("obligations").as_array();
  EXPECT_NE(std::find(obs.begin(), obs.end(), json::value("art27")), obs.end());
}

TEST(SystemFacts, NoFriaWithoutTheDeployerRoleOrForCriticalInfrastructure) {
  auto provider = saved_facts({{"roles", strings({"provider"})}, {"annex3-areas", strings({"5"})}, {"annex3-5-b", true},
                         {"art6-3-profiling", true}});
  auto f = facts_of(&provider);
  EXPECT_FALSE(f.at("fria").at("required").as_bool());
  EXPECT_NE(f.at("fria").at("reason").as_string().find("deployers only"), std::string::npos);
  auto infra = saved_facts({{"roles", strings({"deployer"})}, {"annex3-areas", strings({"2"})}, {"annex3-2", true},
                      {"art6-3-profiling", true}, {"deployer-public-service", true}});
  EXPECT_EQ(facts_of(&infra).at("class").as_string(), "high_risk");
  EXPECT_FALSE(facts_of(&infra).at("fria").at("required").as_bool()) << "critical infrastructure is exempt";
  auto hr = saved_facts({{"roles", strings({"deployer"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true},
                   {"art6-3-profiling", true}, {"deployer-public-service", false}});
  EXPECT_FALSE(facts_of(&hr).at("fria").at("required").as_bool()) << "a private deployer outside 5(b)/(c)";
  hr = saved_facts({{"roles", strings({"deployer"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true},
              {"art6-3-profiling", true}, {"deployer-public-service", true}});
  EXPECT_TRUE(facts_of(&hr).at("fria").at("required").as_bool()) << "a public-service deployer";
}

TEST(SystemFacts, WithoutASavedClassificationNothingIsGuessed) {
  auto f = facts_of(nullptr);
  EXPECT_FALSE(f.at("classified").as_bool());
  EXPECT_EQ(f.at("class").as_string(), "unclassified");
  EXPECT_TRUE(f.at("roles").as_array().empty());
  EXPECT_FALSE(f.at("fria").at("required").as_bool());
  EXPECT_NE(f.at("fria").at("reason").as_string().find("not classified yet"), std::string::npos);
  json::object broken{{"result", "not an object"}};
  EXPECT_FALSE(facts_of(&broken).at("classified").as_bool());
}
