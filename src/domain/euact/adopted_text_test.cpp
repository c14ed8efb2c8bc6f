// The rules of Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744, one realistic
// system per row: the class, the basis and the obligations that must (and must not) follow, and
// the wording of the data where the adopted text differs from the Commission's proposal.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/euact/classifier.hpp"
#include "domain/euact/obligations.hpp"
#include "domain/euact/test_support.hpp"

using namespace aims::euact;
using namespace aims::euact::testing;
namespace json = boost::json;

namespace {

struct Result {
  Outcome outcome;
  std::vector<Derived> obligations;
  const Derived* find(std::string_view id) const {
    for (const auto& d : obligations)
      if (d.obligation->id == id) return &d;
    return nullptr;
  }
};

Result run(json::object given) {
  auto answers = check_answers(questionnaire(), complete(std::move(given)));
  EXPECT_TRUE(answers) << (answers ? "" : answers.error().detail);
  Result r{classify(questionnaire(), answers ? *answers : json::object{}), {}};
  r.obligations = derive_obligations(data(), r.outcome);
  return r;
}

bool asked(const json::object& given, std::string_view id) {
  for (const auto* q : questionnaire().asked(complete(given)))
    if (q->id == id) return true;
  return false;
}

json::object annex3(std::initializer_list<const char*> roles, const char* area, const char* point, bool profiling = true) {
  return {{"roles", strings(roles)}, {"annex3-areas", json::array{json::value(area)}}, {point, true}, {"art6-3-profiling", profiling}};
}

json::object with(json::object o, std::initializer_list<std::pair<const char*, json::value>> more) {
  for (const auto& [k, v] : more) o[k] = v;
  return o;
}

struct Case {
  const char* name;
  json::object given;
  const char* cls;
  const char* basis;                         // prefix of the basis
  std::vector<std::string> must, must_not;   // obligation ids
  std::vector<std::string> roles;            // the roles of the result, if not empty
};

std::vector<Case> cases() {
  return {
      // Item 1: a CV-sorting tool its provider considers not high-risk under Art. 6(3)(a) must still register.
      {"DerogationMustRegister",
       with(annex3({"provider"}, "4", "annex3-4-a", false), {{"art6-3-a", true}}),
       "high_risk_exempt", "Annex III point 4(a), derogation under Art. 6(3)(a)", {"art4", "art6-4-record", "art49-2"}, {"art9", "art49"}, {}},
      // Item 2: every provider and deployer supports AI literacy, whatever the class.
      {"AiLiteracyForAMinimalRiskDeployer", {{"roles", strings({"deployer"})}}, "minimal", "", {"art4"}, {}, {}},
      // Item 3: a welding robot's collision-avoidance component: machinery is Annex I Section B point 21.
      {"MachineryIsSectionB", {{"roles", strings({"provider"})}, {"art6-1", true}, {"annex1-section", "B"}},
       "high_risk", "Art. 6(1) + Annex I Section B", {}, {"art4", "art9", "art43"}, {}},
      // Item 4: a general image generator whose provider has no safeguards against intimate deepfakes.
      {"GeneralImageGeneratorWithoutSafeguards",
       {{"roles", strings({"provider"})}, {"art5-1-ba", false}, {"art5-1-ba-foreseeable", true}},
       "prohibited", "Art. 5(1)(ba)", {"art5"}, {"art4", "art50-2-mark"}, {}},
      {"ChildSexualAbuseMaterialAsForeseeableOutcome",
       {{"roles", strings({"provider", "deployer"})}, {"art5-1-bb", false}, {"art5-1-bb-foreseeable", true}},
       "prohibited", "Art. 5(1)(bb)", {"art5"}, {}, {}},
      // Item 5: a private hospital's triage tool for access to healthcare: FRIA, no registration of use.
      {"PrivateHospitalOwesFriaButNoRegistration",
       with(annex3({"deployer"}, "5", "annex3-5-a"), {{"deployer-public-service", true}, {"deployer-public-authority", false}}),
       "high_risk", "Annex III point 5(a)", {"art26", "art27", "art86"}, {"art49"}, {}},
      {"MunicipalityRegistersItsUse",
       with(annex3({"deployer"}, "5", "annex3-5-a"), {{"deployer-public-service", true}, {"deployer-public-authority", true}}),
       "high_risk", "Annex III point 5(a)", {"art27", "art49"}, {}, {}},
      // Item 7: a credit-scoring model on the market since 2024, without a significant change since.
      {"LegacyHighRiskSystemIsWatched",
       with(annex3({"provider", "deployer"}, "5", "annex3-5-b"), {{"art111-2", true}, {"art111-2-change", false}}),
       "high_risk", "Annex III point 5(b)", {"art4", "art111-2-watch"}, {"art9", "art26", "art27", "art49"}, {}},
      {"LegacySystemWithASignificantChangeIsCaught",
       with(annex3({"provider"}, "5", "annex3-5-b"), {{"art111-2", true}, {"art111-2-change", true}}),
       "high_risk", "Annex III point 5(b)", {"art9", "art49"}, {"art111-2-watch"}, {}},
      // Item 9: sentiment analysis of staff e-mails is not emotion recognition from biometric data.
      {"TextSentimentToolOnStaff", {{"roles", strings({"deployer"})}, {"art5-1-f", false}}, "minimal", "", {"art4"}, {"art5"}, {}},
      // Item 14: a university lab's model built only for research.
      {"ResearchExclusion", {{"roles", strings({"provider"})}, {"art2-scope", strings({"art2-6"})}},
       "minimal", "Outside the scope: Art. 2(6)", {}, {"art4"}, {}},
      {"OpenSourceMinimalSystemIsOutOfScope", {{"roles", strings({"provider"})}, {"art2-scope", strings({"art2-12"})}},
       "minimal", "Outside the scope: Art. 2(12)", {}, {"art4"}, {}},
      {"OpenSourceChatbotKeepsArt50", {{"roles", strings({"provider"})}, {"art2-scope", strings({"art2-12"})}, {"art50-1", true}},
       "transparency", "Art. 50(1)", {"art4", "art50-1-disclose"}, {}, {}},
      // Item 14: a deployer that sells a recruitment system under its own brand becomes its provider.
      {"DeployerWhoRebrandsBecomesProvider",
       with(annex3({"deployer"}, "4", "annex3-4-a"), {{"art25-1", strings({"art25-1-a"})}}),
       "high_risk", "Annex III point 4(a)", {"art16", "art26", "art49", "art25-4"}, {}, {"provider", "deployer"}},
      {"RebrandingAMinimalSystemChangesNothing", {{"roles", strings({"distributor"})}, {"art25-1", strings({"art25-1-a"})}},
       "minimal", "", {}, {"art4", "art16"}, {"distributor"}},
  };
}

class AdoptedText : public ::testing::TestWithParam<Case> {};

TEST_P(AdoptedText, ClassBasisAndObligations) {
  const auto& c = GetParam();
  auto r = run(c.given);
  EXPECT_EQ(r.outcome.cls, c.cls) << r.outcome.rationale;
  EXPECT_EQ(r.outcome.basis.rfind(c.basis, 0), 0u) << r.outcome.basis;
  for (const auto& id : c.must) EXPECT_NE(r.find(id), nullptr) << id << " missing\n" << r.outcome.rationale;
  for (const auto& id : c.must_not) EXPECT_EQ(r.find(id), nullptr) << id << " should not apply";
  if (!c.roles.empty()) {
    EXPECT_EQ(r.outcome.roles, c.roles);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, AdoptedText, ::testing::ValuesIn(cases()), [](const auto& info) { return info.param.name; });

TEST(AdoptedText, AiLiteracyAppliesSinceFebruary2025ToProvidersAndDeployersOnly) {
  auto r = run({{"roles", strings({"provider", "deployer", "importer"})}});
  const auto* d = r.find("art4");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->applies_from, "2025-02-02");
  EXPECT_EQ(d->roles, (std::vector<std::string>{"provider", "deployer"}));
}

TEST(AdoptedText, TheForeseeableOutcomeQuestionIsForThoseWhoPlaceOnTheMarket) {
  EXPECT_TRUE(asked({{"roles", strings({"provider"})}, {"art5-1-ba", false}}, "art5-1-ba-foreseeable"));
  EXPECT_FALSE(asked({{"roles", strings({"deployer"})}, {"art5-1-ba", false}}, "art5-1-ba-foreseeable"));
  // A yes to the purpose question is already a hit; the second question is not asked.
  EXPECT_FALSE(asked({{"roles", strings({"provider"})}, {"art5-1-ba", true}}, "art5-1-ba-foreseeable"));
  auto r = run({{"roles", strings({"provider"})}, {"art5-1-ba", false}, {"art5-1-ba-foreseeable", true}});
  EXPECT_EQ(r.outcome.applies_from, "2026-12-02");
  EXPECT_NE(r.outcome.rationale.find("Art. 5(1a)(a)(ii)"), std::string::npos);
}

TEST(AdoptedText, MachineryMovedFromSectionAToSectionB) {
  const auto* q = questionnaire().find("annex1-section");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->options[0].description.find("achinery"), std::string::npos);
  EXPECT_NE(q->options[1].description.find("2023/1230, point 21"), std::string::npos);
  auto r = run({{"roles", strings({"provider"})}, {"art6-1", true}, {"annex1-section", "B"}, {"art50-1", true}});
  EXPECT_TRUE(r.obligations.empty()) << "Art. 2(2) leaves only Art. 6(1), 60a and 102-112";
  EXPECT_NE(r.outcome.rationale.find("Art. 60a"), std::string::npos);
}

TEST(AdoptedText, LegacySystemsForPublicAuthoritiesComplyBy2030) {
  auto r = run(with(annex3({"provider"}, "5", "annex3-5-a"),
                    {{"art111-2", true}, {"art111-2-change", false}, {"art111-2-public", true}}));
  const auto* d = r.find("art9");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->applies_from, "2027-12-02");
  ASSERT_TRUE(d->grace_until);
  EXPECT_EQ(d->due, "2030-08-02");
  EXPECT_NE(r.find("art111-2-watch"), nullptr);
  EXPECT_TRUE(r.outcome.legacy_public);
  // Not asked of a system that is not high-risk.
  EXPECT_FALSE(asked({{"roles", strings({"provider"})}}, "art111-2"));
}

TEST(AdoptedText, ResearchExclusionEndsTheQuestionnaire) {
  for (const auto* q : questionnaire().asked(complete({{"roles", strings({"provider"})}, {"art2-scope", strings({"art2-6"})}})))
    EXPECT_TRUE(q->step == "role" || q->step == "scope") << q->id;
  auto r = run({{"roles", strings({"provider"})}, {"art2-scope", strings({"art2-6"})}});
  EXPECT_TRUE(r.outcome.out_of_scope);
  EXPECT_TRUE(r.obligations.empty());
  auto j = to_json(r.outcome);
  EXPECT_TRUE(j.at("scope").at("excluded").as_bool());
  EXPECT_EQ(j.at("scope").at("exclusions").as_array()[0].at("article").as_string(), "Art. 2(6)");
}

TEST(AdoptedText, AProviderIsNotAskedTheArt25Triggers) {
  EXPECT_FALSE(asked({{"roles", strings({"provider", "deployer"})}}, "art25-1"));
  EXPECT_TRUE(asked({{"roles", strings({"importer"})}}, "art25-1"));
  // A re-branding deployer is asked what a provider is asked.
  EXPECT_TRUE(asked({{"roles", strings({"deployer"})}, {"art25-1", strings({"art25-1-a"})}}, "provider-outside-eu"));
}

TEST(AdoptedText, WordingFollowsTheAdoptedText) {
  const auto& d = data();
  auto has = [](const std::string& s, std::string_view x) { return s.find(x) != std::string::npos; };
  // Item 8: safety components (Art. 6(1a)-(1c), Art. 3(14)).
  EXPECT_TRUE(has(d.rule("art6-1")->summary, "Art. 6(1a)–(1c)"));
  EXPECT_TRUE(has(d.rule("art6-1")->question, "convenience"));
  // Item 9: emotion recognition from biometric data.
  EXPECT_TRUE(has(d.practice("art5-1-f")->question, "biometric data"));
  EXPECT_TRUE(has(d.practice("art5-1-f")->summary, "text"));
  // Item 10: the Art. 26(5) chain and Art. 73 when the provider cannot be reached.
  EXPECT_TRUE(has(*d.obligation("art73")->condition, "cannot be reached"));
  EXPECT_TRUE(has(d.obligation("art26")->summary, "importer or distributor and the market surveillance authority"));
  // Item 11: Art. 111(4) covers systems placed on the market only.
  EXPECT_EQ(questionnaire().find("art50-2-legacy")->text, "Was the system placed on the market before 2 August 2026?");
  // Item 12.
  EXPECT_TRUE(has(d.obligation("art11")->summary, "small mid-cap"));
  EXPECT_NE(std::find(d.obligation("art49")->roles.begin(), d.obligation("art49")->roles.end(), "authorised_representative"),
            d.obligation("art49")->roles.end());
  for (auto id : {"art20", "art49", "art52", "art73"}) {
    const auto& c = d.obligation(id)->iso42001_controls;
    EXPECT_EQ(std::find(c.begin(), c.end(), "A.8.3"), c.end()) << id;
    EXPECT_NE(std::find(c.begin(), c.end(), "A.8.5"), c.end()) << id;
  }
  EXPECT_TRUE(has(d.point("annex3-6-a")->summary, "Union institutions"));
  EXPECT_TRUE(has(d.point("annex3-7-b")->summary, "Union institutions"));
  EXPECT_TRUE(has(d.point("annex3-1-a")->summary, "without their active involvement"));
  // Item 15: the obligations that were missing.
  for (auto id : {"art4", "art21", "art25-4", "art49-2", "art86"}) EXPECT_NE(d.obligation(id), nullptr) << id;
}

TEST(AdoptedText, NoItemSaysItIsUnverifiedAndEveryItemCitesItsSource) {
  const auto& d = data();
  for (const auto& n : d.notes()) EXPECT_EQ(n.find("did not check"), std::string::npos) << n;
  for (const auto& p : d.practices()) EXPECT_FALSE(p.note) << p.id;
  for (const auto& r : d.rules()) EXPECT_FALSE(r.note) << r.id;
  for (const auto& o : d.obligations()) EXPECT_FALSE(o.note) << o.id;
  for (const auto& p : d.practices()) EXPECT_TRUE(p.source) << p.id;
  for (const auto& p : d.points()) EXPECT_TRUE(p.source) << p.id;
  for (const auto& r : d.rules()) EXPECT_TRUE(r.source) << r.id;
  for (const auto& o : d.obligations()) EXPECT_TRUE(o.source) << o.id;
}

}  // namespace
