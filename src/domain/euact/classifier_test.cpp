// The EU AI Act classification engine, table by table: every Annex III point, each Art. 6(3)
// derogation and the profiling rule, each Art. 5 practice (with the ban added by Regulation (EU)
// 2026/1744 and its date), Annex I safety components, the Art. 50 duties, general-purpose AI
// models and systemic risk, roles, and the rationale.
#include <gtest/gtest.h>

#include "domain/euact/classifier.hpp"
#include "domain/euact/test_support.hpp"

using namespace aims::euact;
using namespace aims::euact::testing;
namespace json = boost::json;

namespace {

Outcome outcome_of(json::object given) {
  auto answers = check_answers(questionnaire(), complete(std::move(given)));
  EXPECT_TRUE(answers) << (answers ? "" : answers.error().detail);
  return classify(questionnaire(), answers ? *answers : json::object{});
}

std::vector<std::string> point_ids(const Outcome& o) {
  std::vector<std::string> out;
  for (const auto* p : o.points) out.push_back(p->point);
  return out;
}

}  // namespace

// ---- Annex III -------------------------------------------------------------------------------

struct PointCase {
  const char* id;
  int area;
  const char* point;
};

// Every point of Annex III, pinned so that a point missing from the data fails here.
const PointCase kPoints[] = {
    {"annex3-1-a", 1, "1(a)"}, {"annex3-1-b", 1, "1(b)"}, {"annex3-1-c", 1, "1(c)"}, {"annex3-2", 2, "2"},
    {"annex3-3-a", 3, "3(a)"}, {"annex3-3-b", 3, "3(b)"}, {"annex3-3-c", 3, "3(c)"}, {"annex3-3-d", 3, "3(d)"},
    {"annex3-4-a", 4, "4(a)"}, {"annex3-4-b", 4, "4(b)"}, {"annex3-5-a", 5, "5(a)"}, {"annex3-5-b", 5, "5(b)"},
    {"annex3-5-c", 5, "5(c)"}, {"annex3-5-d", 5, "5(d)"}, {"annex3-6-a", 6, "6(a)"}, {"annex3-6-b", 6, "6(b)"},
    {"annex3-6-c", 6, "6(c)"}, {"annex3-6-d", 6, "6(d)"}, {"annex3-6-e", 6, "6(e)"}, {"annex3-7-a", 7, "7(a)"},
    {"annex3-7-b", 7, "7(b)"}, {"annex3-7-c", 7, "7(c)"}, {"annex3-7-d", 7, "7(d)"}, {"annex3-8-a", 8, "8(a)"},
    {"annex3-8-b", 8, "8(b)"},
};

class AnnexIiiPoint : public ::testing::TestWithParam<PointCase> {};

TEST_P(AnnexIiiPoint, IsHighRiskWithItsPointAsBasisFromDecember2027) {
  const auto& c = GetParam();
  auto o = outcome_of({{"roles", strings({"provider"})},
                {"annex3-areas", json::array{json::value(std::to_string(c.area))}},
                {c.id, true}});
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_EQ(o.basis, std::string("Annex III point ") + c.point);
  EXPECT_EQ(point_ids(o), std::vector<std::string>{c.point});
  EXPECT_TRUE(o.annex_iii_high_risk);
  EXPECT_FALSE(o.annex_i);
  EXPECT_EQ(o.applies_from, "2027-12-02");
  EXPECT_NE(o.rationale.find(questionnaire().find(c.id)->text), std::string::npos) << o.rationale;
}

TEST_P(AnnexIiiPoint, IsAskedOnlyWhenItsAreaIsPicked) {
  const auto& c = GetParam();
  auto other = std::to_string(c.area % 8 + 1);
  json::object a{{"roles", strings({"provider"})}, {"annex3-areas", json::array{json::value(other)}}};
  for (const auto* q : questionnaire().asked(a)) EXPECT_NE(q->id, c.id);
  a["annex3-areas"] = json::array{json::value(std::to_string(c.area))};
  bool asked = false;
  for (const auto* q : questionnaire().asked(a)) asked = asked || q->id == c.id;
  EXPECT_TRUE(asked);
}

INSTANTIATE_TEST_SUITE_P(EveryPoint, AnnexIiiPoint, ::testing::ValuesIn(kPoints),
                         [](const auto& info) { return std::string(info.param.id).substr(7) == "2" ? std::string("p2")
                                                       : "p" + std::string(info.param.id).substr(7).replace(1, 1, "_"); });

TEST(AnnexIii, TheDataHasExactlyThePinnedPoints) {
  ASSERT_EQ(data().points().size(), std::size(kPoints));
  for (std::size_t i = 0; i < std::size(kPoints); ++i) {
    EXPECT_EQ(data().points()[i].id, kPoints[i].id);
    EXPECT_EQ(data().points()[i].point, kPoints[i].point);
  }
}

TEST(AnnexIii, SeveralPointsAreNamedTogether) {
  auto o = outcome_of({{"roles", strings({"deployer"})},
                {"annex3-areas", strings({"4", "5"})},
                {"annex3-4-a", true},
                {"annex3-4-b", true},
                {"annex3-5-b", true}});
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_EQ(o.basis, "Annex III points 4(a), 4(b) and 5(b)");
}

TEST(AnnexIii, AnAreaWithNoPointAnsweredYesIsNotHighRisk) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"annex3-areas", strings({"5"})}});
  EXPECT_EQ(o.cls, "minimal");
  EXPECT_EQ(o.basis, "");
  // The derogation questions are only asked when a point applies.
  for (const auto* q : questionnaire().asked(complete({{"roles", strings({"provider"})}, {"annex3-areas", strings({"5"})}})))
    EXPECT_NE(q->id, "art6-3-profiling");
}

// ---- Art. 6(3) -------------------------------------------------------------------------------

struct DerogationCase {
  const char* id;
  const char* article;
};

class ArtSixDerogation : public ::testing::TestWithParam<DerogationCase> {};

TEST_P(ArtSixDerogation, TakesAnAnnexIiiSystemOutOfHighRisk) {
  const auto& c = GetParam();
  auto o = outcome_of({{"roles", strings({"provider"})},
                {"annex3-areas", strings({"4"})},
                {"annex3-4-a", true},
                {"art6-3-profiling", false},
                {c.id, true}});
  EXPECT_EQ(o.cls, "high_risk_exempt");
  ASSERT_NE(o.derogation, nullptr);
  EXPECT_EQ(o.derogation->id, c.id);
  EXPECT_FALSE(o.annex_iii_high_risk);
  EXPECT_EQ(o.basis, std::string("Annex III point 4(a), derogation under ") + c.article);
  EXPECT_NE(o.rationale.find("Art. 6(4)"), std::string::npos);
}

TEST_P(ArtSixDerogation, DoesNotApplyWhenTheSystemProfilesPeople) {
  const auto& c = GetParam();
  // The derogation is not even asked once profiling is answered yes; a stale answer is dropped.
  json::object given = complete({{"roles", strings({"provider"})},
                                 {"annex3-areas", strings({"4"})},
                                 {"annex3-4-a", true},
                                 {"art6-3-profiling", true}});
  given[c.id] = true;
  auto checked = check_answers(questionnaire(), given);
  ASSERT_TRUE(checked);
  EXPECT_FALSE(checked->contains(c.id));
  auto o = classify(questionnaire(), *checked);
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_TRUE(o.profiling);
  EXPECT_EQ(o.derogation, nullptr);
  EXPECT_EQ(o.basis, "Annex III point 4(a)");
  EXPECT_NE(o.rationale.find("Profiles natural persons"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(EachCondition, ArtSixDerogation,
                         ::testing::Values(DerogationCase{"art6-3-a", "Art. 6(3)(a)"}, DerogationCase{"art6-3-b", "Art. 6(3)(b)"},
                                           DerogationCase{"art6-3-c", "Art. 6(3)(c)"}, DerogationCase{"art6-3-d", "Art. 6(3)(d)"}),
                         [](const auto& info) { return std::string(1, info.param.id[7]); });

TEST(Profiling, WithoutAnyDerogationAnAnnexIiiSystemIsHighRisk) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"annex3-areas", strings({"5"})}, {"annex3-5-b", true}, {"art6-3-profiling", false}});
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_FALSE(o.profiling);
  EXPECT_EQ(o.derogation, nullptr);
}

// ---- Art. 5 ----------------------------------------------------------------------------------

struct PracticeCase {
  const char* id;
  const char* article;
  const char* applies_from;
  bool has_exception;
};

const PracticeCase kPractices[] = {
    {"art5-1-a", "Art. 5(1)(a)", "2025-02-02", false},
    {"art5-1-b", "Art. 5(1)(b)", "2025-02-02", false},
    {"art5-1-c", "Art. 5(1)(c)", "2025-02-02", false},
    {"art5-1-d", "Art. 5(1)(d)", "2025-02-02", true},
    {"art5-1-e", "Art. 5(1)(e)", "2025-02-02", false},
    {"art5-1-f", "Art. 5(1)(f)", "2025-02-02", true},
    {"art5-1-g", "Art. 5(1)(g)", "2025-02-02", true},
    {"art5-1-h", "Art. 5(1)(h)", "2025-02-02", true},
    {"art5-1-ba", "Art. 5(1)(ba)", "2026-12-02", false},
    {"art5-1-bb", "Art. 5(1)(bb)", "2026-12-02", false},
};

class ArtFivePractice : public ::testing::TestWithParam<PracticeCase> {};

TEST_P(ArtFivePractice, MakesTheSystemProhibitedFromItsDate) {
  const auto& c = GetParam();
  auto o = outcome_of({{"roles", strings({"provider", "deployer"})}, {c.id, true}});
  EXPECT_EQ(o.cls, "prohibited");
  EXPECT_EQ(o.basis, c.article);
  ASSERT_EQ(o.practices.size(), 1u);
  EXPECT_EQ(o.practices[0]->id, c.id);
  EXPECT_EQ(o.applies_from, c.applies_from);
  EXPECT_NE(o.rationale.find(long_date(c.applies_from)), std::string::npos) << o.rationale;
  // Nothing after the screening is asked of a prohibited system.
  for (const auto* q : questionnaire().asked(complete({{"roles", strings({"provider"})}, {c.id, true}})))
    EXPECT_TRUE(q->step == "role" || q->step == "scope" || q->step == "prohibited") << q->id;
}

TEST_P(ArtFivePractice, ItsExceptionLiftsTheBan) {
  const auto& c = GetParam();
  std::string follow_up = std::string(c.id) + "-exception";
  EXPECT_EQ(questionnaire().find(follow_up) != nullptr, c.has_exception);
  if (!c.has_exception) return;
  auto o = outcome_of({{"roles", strings({"provider"})}, {c.id, true}, {follow_up, true}});
  EXPECT_NE(o.cls, "prohibited");
  EXPECT_TRUE(o.practices.empty());
}

INSTANTIATE_TEST_SUITE_P(EachPractice, ArtFivePractice, ::testing::ValuesIn(kPractices),
                         [](const auto& info) {
                           std::string s = std::string(info.param.id).substr(5);
                           for (auto& ch : s) if (ch == '-') ch = '_';
                           return s;
                         });

TEST(Prohibited, TheDataHasThePinnedPracticesAndThe2026BanDate) {
  ASSERT_EQ(data().practices().size(), std::size(kPractices));
  const auto* ban = data().practice("art5-1-ba");
  ASSERT_NE(ban, nullptr);
  EXPECT_EQ(ban->applies_from, "2026-12-02");
  ASSERT_TRUE(ban->amendment);
  EXPECT_NE(ban->amendment->find("2026/1744"), std::string::npos);
}

TEST(Prohibited, SeveralPracticesDateFromTheEarliest) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"art5-1-bb", true}, {"art5-1-a", true}});
  EXPECT_EQ(o.cls, "prohibited");
  EXPECT_EQ(o.practices.size(), 2u);
  EXPECT_EQ(o.applies_from, "2025-02-02");
}

// ---- Annex I ---------------------------------------------------------------------------------

TEST(AnnexI, SectionASafetyComponentIsHighRiskFromAugust2028) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"art6-1", true}, {"annex1-section", "A"}});
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_EQ(o.basis, "Art. 6(1) + Annex I Section A");
  EXPECT_TRUE(o.annex_i);
  EXPECT_EQ(o.annex_i_section, "A");
  EXPECT_EQ(o.applies_from, "2028-08-02");
}

TEST(AnnexI, SectionBProductIsHighRiskThroughItsSectorLaw) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"art6-1", true}, {"annex1-section", "B"}});
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_EQ(o.basis, "Art. 6(1) + Annex I Section B");
  EXPECT_NE(o.rationale.find("Art. 2(2)"), std::string::npos);
}

TEST(AnnexI, TheSectionIsAskedOnlyForASafetyComponent) {
  auto asked = [](bool yes) {
    for (const auto* q : questionnaire().asked(complete({{"roles", strings({"provider"})}, {"art6-1", yes}})))
      if (q->id == "annex1-section") return true;
    return false;
  };
  EXPECT_TRUE(asked(true));
  EXPECT_FALSE(asked(false));
}

TEST(AnnexI, TogetherWithAnnexIiiBothBasesAreNamedAndTheEarlierDateApplies) {
  auto o = outcome_of({{"roles", strings({"provider"})},
                {"art6-1", true},
                {"annex1-section", "A"},
                {"annex3-areas", strings({"1"})},
                {"annex3-1-a", true},
                {"art6-3-profiling", true}});
  EXPECT_EQ(o.basis, "Art. 6(1) + Annex I Section A; Annex III point 1(a)");
  EXPECT_EQ(o.applies_from, "2027-12-02");
}

// ---- Art. 50 ---------------------------------------------------------------------------------

struct TransparencyCase {
  const char* id;
  const char* basis;
};

class ArtFiftyParagraph : public ::testing::TestWithParam<TransparencyCase> {};

TEST_P(ArtFiftyParagraph, EachParagraphGivesTheTransparencyClassFromAugust2026) {
  const auto& c = GetParam();
  auto o = outcome_of({{"roles", strings({"provider", "deployer"})}, {c.id, true}});
  EXPECT_EQ(o.cls, "transparency");
  EXPECT_EQ(o.basis, c.basis);
  ASSERT_EQ(o.transparency.size(), 1u);
  EXPECT_EQ(o.transparency[0]->id, c.id);
  EXPECT_EQ(o.applies_from, "2026-08-02");
}

INSTANTIATE_TEST_SUITE_P(EachParagraph, ArtFiftyParagraph,
                         ::testing::Values(TransparencyCase{"art50-1", "Art. 50(1)"}, TransparencyCase{"art50-2", "Art. 50(2)"},
                                           TransparencyCase{"art50-3", "Art. 50(3)"}, TransparencyCase{"art50-4", "Art. 50(4)"}),
                         [](const auto& info) { return std::string("p") + info.param.id[6]; });

TEST(Transparency, SeveralParagraphsAreNamedTogether) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"art50-1", true}, {"art50-2", true}});
  EXPECT_EQ(o.basis, "Art. 50(1) and 50(2)");
}

TEST(Transparency, AHighRiskSystemKeepsItsClassAndGetsTheDutiesAsWell) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true},
                {"art6-3-profiling", true}, {"art50-1", true}});
  EXPECT_EQ(o.cls, "high_risk");
  ASSERT_EQ(o.transparency.size(), 1u);
  EXPECT_NE(o.rationale.find("Art. 50(1) apply as well"), std::string::npos);
}

TEST(Transparency, TheMarkingTransitionIsAskedOfProvidersOnly) {
  auto asked = [](const char* role) {
    for (const auto* q : questionnaire().asked(complete({{"roles", strings({role})}, {"art50-2", true}})))
      if (q->id == "art50-2-legacy") return true;
    return false;
  };
  EXPECT_TRUE(asked("provider"));
  EXPECT_TRUE(asked("product_manufacturer"));
  EXPECT_FALSE(asked("deployer"));
}

// ---- General-purpose AI models ---------------------------------------------------------------

TEST(Gpai, AModelProviderGetsTheFlagAndArt53AsBasis) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"gpai-model", true}});
  EXPECT_EQ(o.cls, "gpai_model");
  EXPECT_TRUE(o.gpai);
  EXPECT_FALSE(o.gpai_systemic);
  EXPECT_EQ(o.basis, "Art. 53 (general-purpose AI model)");
}

TEST(Gpai, SystemicRiskIsFlaggedAndTheOpenSourceQuestionIsNotAsked) {
  auto given = complete({{"roles", strings({"provider"})}, {"gpai-model", true}, {"gpai-systemic-risk", true}});
  for (const auto* q : questionnaire().asked(given)) EXPECT_NE(q->id, "gpai-open-source");
  auto o = outcome_of({{"roles", strings({"provider"})}, {"gpai-model", true}, {"gpai-systemic-risk", true}});
  EXPECT_TRUE(o.gpai_systemic);
  EXPECT_FALSE(o.gpai_open_source);
  EXPECT_EQ(o.basis, "Art. 51–55 (general-purpose AI model with systemic risk)");
  EXPECT_NE(o.rationale.find("Art. 55"), std::string::npos);
}

TEST(Gpai, OpenSourceAndLegacyFlags) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"gpai-model", true}, {"gpai-open-source", true}, {"gpai-legacy", true}});
  EXPECT_TRUE(o.gpai_open_source);
  EXPECT_TRUE(o.gpai_legacy);
}

TEST(Gpai, NotAskedOfADeployer) {
  for (const auto* q : questionnaire().asked(complete({{"roles", strings({"deployer"})}})))
    EXPECT_NE(q->step, "gpai") << q->id;
  auto o = outcome_of({{"roles", strings({"deployer"})}});
  EXPECT_FALSE(o.gpai);
}

TEST(Gpai, AHighRiskSystemCanAlsoBeAModel) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"annex3-areas", strings({"3"})}, {"annex3-3-b", true},
                {"art6-3-profiling", true}, {"gpai-model", true}});
  EXPECT_EQ(o.cls, "high_risk");
  EXPECT_TRUE(o.gpai);
  EXPECT_EQ(o.basis, "Annex III point 3(b)");
}

// ---- The classes of their own: which case gets which -------------------------------------------

struct ClassCase {
  const char* name;
  boost::json::object answers;
  const char* cls;
  const char* basis;
  const char* applies_from;
};

class OwnClass : public ::testing::TestWithParam<ClassCase> {};

TEST_P(OwnClass, GetsItsClassBasisAndDate) {
  const auto& c = GetParam();
  auto o = outcome_of(c.answers);
  EXPECT_EQ(o.cls, c.cls);
  EXPECT_EQ(o.basis, c.basis);
  EXPECT_EQ(o.applies_from, c.applies_from);
}

namespace {
boost::json::object provider(boost::json::object more) {
  more["roles"] = strings({"provider"});
  return more;
}
const boost::json::object kAnnexIii4a{{"annex3-areas", strings({"4"})}, {"annex3-4-a", true}, {"art6-3-profiling", false}};
boost::json::object answers_with(boost::json::object base, boost::json::object more) {
  for (auto& kv : more) base[kv.key()] = kv.value();
  return base;
}
}  // namespace

INSTANTIATE_TEST_SUITE_P(
    Cases, OwnClass,
    ::testing::Values(
        ClassCase{"DerogationIsHighRiskExempt", provider(answers_with(kAnnexIii4a, {{"art6-3-d", true}})), "high_risk_exempt",
                  "Annex III point 4(a), derogation under Art. 6(3)(d)", "2027-12-02"},
        ClassCase{"DerogationWithArt50KeepsTheExemptClassAndNamesBoth",
                  provider(answers_with(kAnnexIii4a, {{"art6-3-a", true}, {"art50-1", true}})), "high_risk_exempt",
                  "Annex III point 4(a), derogation under Art. 6(3)(a); Art. 50(1)", "2026-08-02"},
        ClassCase{"GpaiModelWithoutSystemicRisk", provider({{"gpai-model", true}}), "gpai_model",
                  "Art. 53 (general-purpose AI model)", "2025-08-02"},
        ClassCase{"GpaiModelWithSystemicRisk", provider({{"gpai-model", true}, {"gpai-systemic-risk", true}}),
                  "gpai_systemic", "Art. 51–55 (general-purpose AI model with systemic risk)", "2025-08-02"},
        ClassCase{"GpaiModelWithArt50IsAModelFirst", provider({{"gpai-model", true}, {"art50-2", true}}), "gpai_model",
                  "Art. 53 (general-purpose AI model); Art. 50(2)", "2025-08-02"},
        ClassCase{"GpaiModelRelyingOnADerogationIsAModelFirst",
                  provider(answers_with(kAnnexIii4a, {{"art6-3-b", true}, {"gpai-model", true}})), "gpai_model",
                  "Art. 53 (general-purpose AI model); Annex III point 4(a), derogation under Art. 6(3)(b)", "2025-08-02"},
        ClassCase{"GpaiBasedHighRiskSystemStaysHighRisk",
                  provider(answers_with(kAnnexIii4a, {{"art6-3-profiling", true}, {"gpai-model", true}, {"gpai-systemic-risk", true}})),
                  "high_risk", "Annex III point 4(a)", "2027-12-02"},
        ClassCase{"OpenSourceDerogationIsOutsideTheScope",
                  provider(answers_with(kAnnexIii4a, {{"art6-3-c", true}, {"art2-scope", strings({"art2-12"})}})), "minimal",
                  "Outside the scope: Art. 2(12); Annex III point 4(a), derogation under Art. 6(3)(c)", ""},
        ClassCase{"OpenSourceModelKeepsItsModelClass",
                  provider({{"gpai-model", true}, {"gpai-open-source", true}, {"art2-scope", strings({"art2-12"})}}),
                  "gpai_model", "Outside the scope: Art. 2(12); Art. 53 (general-purpose AI model)", "2025-08-02"},
        ClassCase{"NothingIsMinimal", provider({}), "minimal", "", ""}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(OwnClassRationale, SaysWhatTheClassMeans) {
  for (auto cls : {"high_risk_exempt", "gpai_model", "gpai_systemic"}) {
    auto o = outcome_of(cls == std::string("high_risk_exempt") ? provider(answers_with(kAnnexIii4a, {{"art6-3-d", true}}))
                 : cls == std::string("gpai_model")     ? provider({{"gpai-model", true}})
                                                        : provider({{"gpai-model", true}, {"gpai-systemic-risk", true}}));
    EXPECT_EQ(o.cls, cls);
    EXPECT_NE(o.rationale.find(cls == std::string("high_risk_exempt") ? "not high-risk" : "General-purpose AI model"),
              std::string::npos)
        << o.rationale;
  }
}

// ---- Minimal, roles, rationale ---------------------------------------------------------------

TEST(Minimal, AllNoAnswersGiveMinimalRisk) {
  auto o = outcome_of({{"roles", strings({"provider"})}});
  EXPECT_EQ(o.cls, "minimal");
  EXPECT_EQ(o.basis, "");
  EXPECT_EQ(o.applies_from, "");
  EXPECT_NE(o.rationale.find("No prohibited practice"), std::string::npos);
  EXPECT_NE(o.rationale.find("No use listed in Annex III"), std::string::npos);
}

TEST(Roles, TheInventoryRoleFollowsAPrecedence) {
  EXPECT_EQ(inventory_role({"provider", "deployer"}), "provider");
  EXPECT_EQ(inventory_role({"deployer", "product_manufacturer"}), "provider");
  EXPECT_EQ(inventory_role({"importer", "distributor"}), "importer");
  EXPECT_EQ(inventory_role({"distributor"}), "distributor");
  EXPECT_EQ(inventory_role({"authorised_representative"}), "partner");
  EXPECT_EQ(inventory_role({"deployer"}), "deployer");
}

TEST(Roles, AreReportedInQuestionnaireOrder) {
  auto o = outcome_of({{"roles", strings({"deployer", "provider"})}});
  EXPECT_EQ(o.roles, (std::vector<std::string>{"provider", "deployer"}));
  EXPECT_EQ(o.organization_role, "provider");
  ASSERT_FALSE(o.reasons.empty());
  EXPECT_EQ(o.reasons.front().question, "roles");
  EXPECT_EQ(o.reasons.front().answer, "Provider, Deployer");
}

TEST(Rationale, NamesTheAnswersThatLedToTheResult) {
  auto o = outcome_of({{"roles", strings({"provider"})}, {"annex3-areas", strings({"5"})}, {"annex3-5-b", true},
                {"art6-3-profiling", true}});
  EXPECT_EQ(o.rationale.rfind("High-risk under Annex III point 5(b).", 0), 0u) << o.rationale;
  EXPECT_NE(o.rationale.find("answered yes to “" + questionnaire().find("annex3-5-b")->text + "”"), std::string::npos);
  EXPECT_NE(o.rationale.find("answered yes to “" + questionnaire().find("art6-3-profiling")->text + "”"), std::string::npos);
  EXPECT_NE(o.rationale.find("2 December 2027"), std::string::npos);
  auto j = to_json(o);
  EXPECT_EQ(j.at("class").as_string(), "high_risk");
  EXPECT_EQ(j.at("high_risk").at("annex_iii_points").as_array().size(), 1u);
  EXPECT_EQ(j.at("rationale").as_string(), o.rationale);
}

TEST(Rationale, IsAPureFunctionOfTheAnswers) {
  json::object given{{"roles", strings({"deployer"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true}};
  EXPECT_EQ(json::serialize(to_json(outcome_of(given))), json::serialize(to_json(outcome_of(given))));
}
