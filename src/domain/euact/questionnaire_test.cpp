// The questionnaire's structure (conditions refer only to earlier questions, every data item is
// asked) and the checks on submitted answers (missing, unknown, wrongly typed, not asked).
#include <gtest/gtest.h>

#include <set>

#include "domain/euact/test_support.hpp"

using namespace aims;
using namespace aims::euact;
using namespace aims::euact::testing;
namespace json = boost::json;

namespace {

/// Question ids a condition refers to.
void referenced(const Questionnaire& q, const json::value& c, std::set<std::string>& out) {
  if (c.is_null() || c.is_bool()) return;
  const auto& o = c.as_object();
  for (auto k : {"all", "any"})
    if (auto p = o.if_contains(k))
      for (const auto& x : p->as_array()) referenced(q, x, out);
  if (auto p = o.if_contains("not")) referenced(q, *p, out);
  if (auto p = o.if_contains("condition")) {
    auto doc = json::parse(q.json_text());
    referenced(q, doc.at("conditions").at(p->as_string()), out);
  }
  if (auto p = o.if_contains("answer")) out.insert(std::string(p->as_string()));
}

std::set<std::string> questionnaire_fields_of(const Error& e) {
  std::set<std::string> out;
  for (const auto& f : e.errors) out.insert(f.field);
  return out;
}

}  // namespace

TEST(Questionnaire, ConditionsReferOnlyToEarlierQuestions) {
  const auto& q = questionnaire();
  std::set<std::string> before;
  for (const auto& qu : q.questions()) {
    std::set<std::string> refs;
    referenced(q, qu.show_if, refs);
    for (const auto& r : refs) EXPECT_TRUE(before.count(r)) << qu.id << " depends on " << r << ", which is not asked before it";
    EXPECT_TRUE(before.insert(qu.id).second) << "question id repeated: " << qu.id;
  }
}

TEST(Questionnaire, AsksEveryPracticePointAndRuleOfTheData) {
  const auto& q = questionnaire();
  for (const auto& p : data().practices()) EXPECT_NE(q.find(p.id), nullptr) << p.id;
  for (const auto& p : data().points()) EXPECT_NE(q.find(p.id), nullptr) << p.id;
  for (auto id : {"art6-1", "art6-3-a", "art6-3-b", "art6-3-c", "art6-3-d", "art6-3-profiling", "art50-1", "art50-2", "art50-3",
                  "art50-4", "gpai-model", "gpai-systemic-risk", "gpai-open-source"})
    EXPECT_NE(q.find(id), nullptr) << id;
  // Every step used by a question is a step of the questionnaire.
  std::set<std::string> steps;
  for (const auto& s : q.steps()) steps.insert(s.id);
  for (const auto& qu : q.questions()) EXPECT_TRUE(steps.count(qu.step)) << qu.id;
}

TEST(Questionnaire, ServedJsonCarriesQuestionsConditionsAndTheDataNotes) {
  auto doc = json::parse(questionnaire().json_text()).as_object();
  EXPECT_EQ(doc.at("questions").as_array().size(), questionnaire().questions().size());
  EXPECT_TRUE(doc.at("conditions").as_object().contains("prohibited"));
  EXPECT_FALSE(doc.at("notes").as_array().empty());
  EXPECT_EQ(doc.at("amending_acts").as_array().at(0).as_string(), "Regulation (EU) 2026/1744");
  const auto& roles = doc.at("questions").as_array().at(0).as_object();
  EXPECT_EQ(roles.at("id").as_string(), "roles");
  EXPECT_EQ(roles.at("type").as_string(), "multi_choice");
  EXPECT_EQ(roles.at("options").as_array().size(), 6u);
}

TEST(CheckAnswers, NoAnswersNameEveryQuestionFirstAsked) {
  auto r = check_answers(questionnaire(), json::object{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::validation);
  auto f = questionnaire_fields_of(r.error());
  EXPECT_TRUE(f.count("answers.roles"));
  EXPECT_TRUE(f.count("answers.art5-1-a"));
  EXPECT_TRUE(f.count("answers.art2-scope"));
  EXPECT_TRUE(f.count("answers.art5-1-ba"));
  EXPECT_TRUE(f.count("answers.art5-1-bb"));
  EXPECT_TRUE(f.count("answers.annex3-areas"));
  EXPECT_TRUE(f.count("answers.art50-4"));
  EXPECT_FALSE(f.count("answers.art5-1-d-exception"));  // only after a yes
  EXPECT_NE(r.error().detail.find("not answered"), std::string::npos);
}

TEST(CheckAnswers, AFollowUpBecomesRequiredOnceItsQuestionIsAnsweredYes) {
  auto given = complete({{"roles", strings({"provider"})}});
  given["annex3-areas"] = strings({"6"});
  auto r = check_answers(questionnaire(), given);
  ASSERT_FALSE(r);
  EXPECT_EQ(questionnaire_fields_of(r.error()), (std::set<std::string>{"answers.annex3-6-a", "answers.annex3-6-b", "answers.annex3-6-c",
                                                         "answers.annex3-6-d", "answers.annex3-6-e"}));
}

TEST(CheckAnswers, UnknownQuestionsAndWrongTypesAreNamed) {
  auto given = complete({{"roles", strings({"provider"})}});
  given["no-such-question"] = true;
  given["art5-1-a"] = "yes";
  given["annex3-areas"] = strings({"9"});
  given["roles"] = json::array{};
  auto r = check_answers(questionnaire(), given);
  ASSERT_FALSE(r);
  EXPECT_EQ(questionnaire_fields_of(r.error()),
            (std::set<std::string>{"answers.no-such-question", "answers.art5-1-a", "answers.annex3-areas", "answers.roles"}));
  given = complete({{"roles", strings({"provider"})}, {"art6-1", true}});
  given["annex1-section"] = "C";
  EXPECT_EQ(questionnaire_fields_of(check_answers(questionnaire(), given).error()), std::set<std::string>{"answers.annex1-section"});
  given["annex1-section"] = "A";
  given["roles"] = strings({"provider", "provider"});
  EXPECT_EQ(questionnaire_fields_of(check_answers(questionnaire(), given).error()), std::set<std::string>{"answers.roles"});
  EXPECT_FALSE(check_answers(questionnaire(), json::value("not an object")));
}

TEST(CheckAnswers, AnswersToQuestionsNotAskedAreDroppedAndTheRestKeptInOrder) {
  auto given = complete({{"roles", strings({"deployer"})}});
  given["gpai-model"] = true;        // not asked of a deployer
  given["annex3-4-a"] = true;        // area 4 not picked
  auto r = check_answers(questionnaire(), given);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_FALSE(r->contains("gpai-model"));
  EXPECT_FALSE(r->contains("annex3-4-a"));
  EXPECT_EQ(r->begin()->key(), "roles");
}
