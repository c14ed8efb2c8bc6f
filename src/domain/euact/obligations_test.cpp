// Which obligations follow from a classification, per role, with their application and due dates
// on the timeline as amended by Regulation (EU) 2026/1744.
#include <gtest/gtest.h>

#include <map>

#include "domain/euact/classifier.hpp"
#include "domain/euact/obligations.hpp"
#include "domain/euact/test_support.hpp"

using namespace aims::euact;
using namespace aims::euact::testing;
namespace json = boost::json;

namespace {

std::vector<Derived> obligations_for(json::object given) {
  auto answers = check_answers(questionnaire(), complete(std::move(given)));
  EXPECT_TRUE(answers) << (answers ? "" : answers.error().detail);
  return derive_obligations(data(), classify(questionnaire(), answers ? *answers : json::object{}));
}

std::map<std::string, Derived> by_id(const std::vector<Derived>& v) {
  std::map<std::string, Derived> m;
  for (const auto& d : v) m[d.obligation->id] = d;
  return m;
}

std::vector<std::string> ids(const std::vector<Derived>& v) {
  std::vector<std::string> out;
  for (const auto& d : v) out.push_back(d.obligation->id);
  return out;
}

/// The obligations other than Art. 4 (AI literacy), which every provider and deployer has.
std::vector<Derived> duties(const std::vector<Derived>& v) {
  std::vector<Derived> out;
  for (const auto& d : v)
    if (d.obligation->id != "art4") out.push_back(d);
  return out;
}

json::object annex3_case(std::initializer_list<const char*> roles, const char* area, const char* point) {
  return {{"roles", strings(roles)}, {"annex3-areas", json::array{json::value(area)}}, {point, true}, {"art6-3-profiling", true}};
}

const std::vector<std::string> kProviderHighRisk = {"art9",  "art10", "art11", "art12", "art13", "art14", "art15",
                                                    "art16", "art17", "art18", "art19", "art20", "art21", "art25-4",
                                                    "art43", "art47", "art48", "art49", "art72", "art73"};

}  // namespace

TEST(Obligations, AnnexIiiProviderGetsArticles9To21_25_4_43_47To49_72_73FromDecember2027) {
  auto v = duties(obligations_for(annex3_case({"provider"}, "4", "annex3-4-a")));
  EXPECT_EQ(ids(v), kProviderHighRisk);
  for (const auto& d : v) {
    EXPECT_EQ(d.applies_from, "2027-12-02") << d.obligation->id;
    EXPECT_EQ(d.due, "2027-12-02");
    EXPECT_EQ(d.variant, "high_risk_annex_iii");
    EXPECT_EQ(d.roles, std::vector<std::string>{"provider"});
  }
}

TEST(Obligations, AnnexIiiDeployerGetsArticles25_26_73_86AndNoProviderDuties) {
  auto v = duties(obligations_for(annex3_case({"deployer"}, "4", "annex3-4-a")));
  EXPECT_EQ(ids(v), (std::vector<std::string>{"art25", "art26", "art73", "art86"}));
  for (const auto& d : v) EXPECT_EQ(d.roles, std::vector<std::string>{"deployer"});
}

TEST(Obligations, AProviderThatAlsoDeploysHoldsBothSetsAndSharedOnesOnce) {
  auto m = by_id(obligations_for(annex3_case({"provider", "deployer"}, "5", "annex3-5-b")));
  ASSERT_TRUE(m.count("art73"));
  EXPECT_EQ(m["art73"].roles, (std::vector<std::string>{"provider", "deployer"}));
  EXPECT_TRUE(m.count("art9"));
  EXPECT_TRUE(m.count("art26"));
  // Credit scoring (5(b)): every deployer assesses fundamental-rights impact.
  EXPECT_TRUE(m.count("art27"));
}

TEST(Obligations, FundamentalRightsImpactAssessmentOnlyForPublicDeployersOrPoints5bAnd5c) {
  EXPECT_FALSE(by_id(obligations_for(annex3_case({"deployer"}, "4", "annex3-4-a"))).count("art27"));
  auto pub = annex3_case({"deployer"}, "4", "annex3-4-a");
  pub["deployer-public-service"] = true;
  pub["deployer-public-authority"] = true;
  auto m = by_id(obligations_for(pub));
  EXPECT_TRUE(m.count("art27"));
  EXPECT_TRUE(m.count("art49"));  // public authorities register their use
  EXPECT_TRUE(by_id(obligations_for(annex3_case({"deployer"}, "5", "annex3-5-c"))).count("art27"));
  // Critical infrastructure alone: neither question is asked, so no Art. 27 and no registration of use.
  auto infra = complete(annex3_case({"deployer"}, "2", "annex3-2"));
  EXPECT_FALSE(infra.contains("deployer-public-service"));
  EXPECT_FALSE(infra.contains("deployer-public-authority"));
  auto im = by_id(obligations_for(infra));
  EXPECT_FALSE(im.count("art27"));
  EXPECT_FALSE(im.count("art49"));
  EXPECT_FALSE(im.count("art86"));
}

TEST(Obligations, ImporterDistributorAndAuthorisedRepresentative) {
  EXPECT_EQ(ids(obligations_for(annex3_case({"importer"}, "3", "annex3-3-a"))), (std::vector<std::string>{"art23", "art25"}));
  EXPECT_EQ(ids(obligations_for(annex3_case({"distributor"}, "3", "annex3-3-a"))), (std::vector<std::string>{"art24", "art25"}));
  EXPECT_EQ(ids(obligations_for(annex3_case({"authorised_representative"}, "3", "annex3-3-a"))),
            (std::vector<std::string>{"art22-representative", "art49"}));  // Art. 49(1): provider or representative
}

TEST(Obligations, AProviderOutsideTheEuAppointsARepresentative) {
  EXPECT_FALSE(by_id(obligations_for(annex3_case({"provider"}, "1", "annex3-1-a"))).count("art22"));
  auto given = annex3_case({"provider"}, "1", "annex3-1-a");
  given["provider-outside-eu"] = true;
  EXPECT_TRUE(by_id(obligations_for(given)).count("art22"));
}

TEST(Obligations, AnnexISectionAAppliesFromAugust2028AndHasNoAnnexIiiOnlyDuties) {
  auto v = obligations_for({{"roles", strings({"provider", "deployer"})}, {"art6-1", true}, {"annex1-section", "A"}});
  auto m = by_id(v);
  ASSERT_TRUE(m.count("art9"));
  EXPECT_EQ(m["art9"].applies_from, "2028-08-02");
  EXPECT_EQ(m["art9"].variant, "high_risk_annex_i");
  EXPECT_FALSE(m.count("art49"));  // EU database registration is for Annex III systems
  EXPECT_FALSE(m.count("art27"));
  EXPECT_TRUE(m.count("art26"));
}

TEST(Obligations, AnnexISectionBHasNoAiActObligationsOfItsOwn) {
  EXPECT_TRUE(obligations_for({{"roles", strings({"provider"})}, {"art6-1", true}, {"annex1-section", "B"}}).empty());
}

TEST(Obligations, AProductManufacturerIsTreatedAsTheProviderForAnnexISectionA) {
  auto v = obligations_for({{"roles", strings({"product_manufacturer"})}, {"art6-1", true}, {"annex1-section", "A"}});
  auto m = by_id(v);
  ASSERT_TRUE(m.count("art16"));
  EXPECT_EQ(m["art16"].roles, std::vector<std::string>{"product_manufacturer"});
  EXPECT_TRUE(m.count("art43"));
  // Not for an Annex III system: Art. 25(3) concerns Annex I products.
  EXPECT_TRUE(obligations_for(annex3_case({"product_manufacturer"}, "4", "annex3-4-a")).empty());
}

TEST(Obligations, BothAnnexesTakeTheEarlierDate) {
  auto given = annex3_case({"provider"}, "1", "annex3-1-a");
  given["art6-1"] = true;
  given["annex1-section"] = "A";
  auto m = by_id(obligations_for(given));
  EXPECT_EQ(m["art9"].applies_from, "2027-12-02");
  EXPECT_EQ(m["art9"].variant, "high_risk_annex_iii");
}

TEST(Obligations, ADerogationStillDocumentsAndRegisters) {
  auto v = duties(obligations_for({{"roles", strings({"provider", "deployer"})},
                            {"annex3-areas", strings({"4"})},
                            {"annex3-4-a", true},
                            {"art6-3-profiling", false},
                            {"art6-3-d", true}}));
  // Art. 6(4) documentation and Art. 49(2) registration in the EU database.
  ASSERT_EQ(ids(v), (std::vector<std::string>{"art6-4-record", "art49-2"}));
  for (const auto& d : v) {
    EXPECT_EQ(d.roles, std::vector<std::string>{"provider"});
    EXPECT_EQ(d.applies_from, "2027-12-02");
    EXPECT_EQ(d.variant, "annex_iii_derogation");
  }
}

TEST(Obligations, ProhibitedSystemsGetOnlyArt5ForEveryRoleWithThePracticesDate) {
  auto v = obligations_for({{"roles", strings({"provider", "distributor"})}, {"art5-1-c", true}});
  ASSERT_EQ(ids(v), std::vector<std::string>{"art5"});
  EXPECT_EQ(v[0].roles, (std::vector<std::string>{"provider", "distributor"}));
  EXPECT_EQ(v[0].applies_from, "2025-02-02");
  EXPECT_EQ(v[0].variant, "prohibited");
}

TEST(Obligations, TheBanAddedBy2026_1744AppliesFromDecember2026) {
  auto v = obligations_for({{"roles", strings({"deployer"})}, {"art5-1-ba", true}});
  ASSERT_EQ(ids(v), std::vector<std::string>{"art5"});
  EXPECT_EQ(v[0].applies_from, "2026-12-02");
  EXPECT_EQ(v[0].due, "2026-12-02");
  EXPECT_EQ(v[0].variant, "prohibited_2026_1744");
}

TEST(Obligations, EachArt50ParagraphFallsOnItsOwnRole) {
  struct Case {
    const char* rule;
    const char* obligation;
    const char* role;
    const char* other;
  };
  for (auto c : {Case{"art50-1", "art50-1-disclose", "provider", "deployer"}, Case{"art50-2", "art50-2-mark", "provider", "deployer"},
                 Case{"art50-3", "art50-3-inform", "deployer", "provider"}, Case{"art50-4", "art50-4-label", "deployer", "provider"}}) {
    auto v = duties(obligations_for({{"roles", strings({c.role})}, {c.rule, true}}));
    ASSERT_EQ(ids(v), std::vector<std::string>{c.obligation}) << c.rule;
    EXPECT_EQ(v[0].applies_from, "2026-08-02");
    EXPECT_EQ(v[0].due, "2026-08-02");
    EXPECT_TRUE(duties(obligations_for({{"roles", strings({c.other})}, {c.rule, true}})).empty()) << c.rule << " as " << c.other;
  }
}

TEST(Obligations, TheMarkingDutyOfSystemsAlreadyOnTheMarketIsDueInDecember2026) {
  auto v = duties(obligations_for({{"roles", strings({"provider"})}, {"art50-2", true}, {"art50-2-legacy", true}}));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].applies_from, "2026-08-02");
  ASSERT_TRUE(v[0].grace_until);
  EXPECT_EQ(*v[0].grace_until, "2026-12-02");
  EXPECT_EQ(v[0].due, "2026-12-02");
}

TEST(Obligations, AHighRiskChatbotHasTheDisclosureDutyToo) {
  auto given = annex3_case({"provider"}, "4", "annex3-4-a");
  given["art50-1"] = true;
  auto m = by_id(obligations_for(given));
  ASSERT_TRUE(m.count("art50-1-disclose"));
  EXPECT_EQ(m["art50-1-disclose"].applies_from, "2026-08-02");
  EXPECT_EQ(m["art9"].applies_from, "2027-12-02");
}

TEST(Obligations, GeneralPurposeModelsFromAugust2025WithTheTransitionForOlderModels) {
  auto v = duties(obligations_for({{"roles", strings({"provider"})}, {"gpai-model", true}}));
  ASSERT_EQ(ids(v), std::vector<std::string>{"art53"});
  EXPECT_EQ(v[0].applies_from, "2025-08-02");
  EXPECT_EQ(v[0].due, "2025-08-02");
  auto legacy = duties(obligations_for({{"roles", strings({"provider"})}, {"gpai-model", true}, {"gpai-legacy", true}}));
  EXPECT_EQ(legacy[0].due, "2027-08-02");
}

TEST(Obligations, SystemicRiskAddsArt52AndArt55) {
  auto v = duties(obligations_for(
      {{"roles", strings({"provider"})}, {"gpai-model", true}, {"gpai-systemic-risk", true}, {"gpai-legacy", true}}));
  EXPECT_EQ(ids(v), (std::vector<std::string>{"art52", "art53", "art55"}));
  auto m = by_id(v);
  EXPECT_EQ(m["art52"].due, "2025-08-02");  // notification has no transition
  EXPECT_EQ(m["art55"].due, "2027-08-02");
  EXPECT_EQ(m["art55"].variant, "gpai_systemic");
}

TEST(Obligations, Art54ForProvidersOutsideTheEuButNotForOpenSourceModels) {
  auto v = duties(obligations_for({{"roles", strings({"provider"})}, {"provider-outside-eu", true}, {"gpai-model", true}}));
  EXPECT_EQ(ids(v), (std::vector<std::string>{"art53", "art54"}));
  auto open = duties(obligations_for(
      {{"roles", strings({"provider"})}, {"provider-outside-eu", true}, {"gpai-model", true}, {"gpai-open-source", true}}));
  EXPECT_EQ(ids(open), std::vector<std::string>{"art53"});
  auto rep = obligations_for({{"roles", strings({"authorised_representative"})}, {"gpai-model", true}});
  EXPECT_EQ(ids(rep), std::vector<std::string>{"art54"});
}

TEST(Obligations, MinimalSystemsHaveOnlyAiLiteracy) {
  auto v = obligations_for({{"roles", strings({"provider", "deployer"})}});
  ASSERT_EQ(ids(v), std::vector<std::string>{"art4"});
  EXPECT_EQ(v[0].roles, (std::vector<std::string>{"provider", "deployer"}));
  EXPECT_EQ(v[0].applies_from, "2025-02-02");
}

TEST(Obligations, EveryObligationOfTheDataCanFollowFromSomeClassification) {
  // Guards against data that the engine can never reach (a typo in a role, class or key).
  std::set<std::string> reached;
  std::vector<json::object> cases = {
      annex3_case({"provider", "deployer", "importer", "distributor", "authorised_representative"}, "5", "annex3-5-b"),
      {{"roles", strings({"provider"})}, {"art5-1-a", true}},
      {{"roles", strings({"provider", "deployer"})}, {"art50-1", true}, {"art50-2", true}, {"art50-3", true}, {"art50-4", true}},
      {{"roles", strings({"provider"})}, {"provider-outside-eu", true}, {"gpai-model", true}, {"gpai-systemic-risk", true}},
      {{"roles", strings({"provider"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true}, {"art6-3-profiling", false}, {"art6-3-a", true}},
      {{"roles", strings({"provider"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true}, {"art6-3-profiling", true}, {"art111-2", true}},
  };
  cases[0]["provider-outside-eu"] = true;
  for (const auto& c : cases)
    for (const auto& d : obligations_for(c)) reached.insert(d.obligation->id);
  for (const auto& o : data().obligations()) EXPECT_TRUE(reached.count(o.id)) << o.id << " is never derived";
}
