// Re-check of classifications saved with an earlier questionnaire: nothing for the current
// version, the open and replaced questions of an old one, and what the same answers mean now.
#include <gtest/gtest.h>

#include "domain/euact/recheck.hpp"
#include "domain/euact/recheck_memo.hpp"
#include "domain/euact/test_support.hpp"

using namespace aims::euact;
using namespace aims::euact::testing;
namespace json = boost::json;

namespace {

json::object saved(const char* version, json::object answers, json::object result) {
  return {{"questionnaire_version", version}, {"answers", std::move(answers)}, {"result", std::move(result)}};
}

std::vector<std::string> strings_of(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& x : v.as_array()) out.emplace_back(x.is_string() ? x.as_string() : x.at("id").as_string());
  return out;
}

}  // namespace

TEST(Recheck, NothingForTheCurrentVersion) {
  EXPECT_TRUE(recheck(questionnaire(), saved(questionnaire().version().c_str(), {}, {})).is_null());
}

TEST(Recheck, AnOldHighRiskDeployerHasReplacedAndNewQuestions) {
  // As saved with questionnaire version 2: a public deployer of a CV-ranking system.
  json::object answers{{"roles", strings({"deployer"})},      {"art5-1-a", false},          {"annex3-areas", strings({"4"})},
                       {"annex3-4-a", true},                  {"annex3-4-b", false},        {"art6-3-profiling", true},
                       {"deployer-public", true},             {"art5-ncii-csam", false}};
  auto r = recheck(questionnaire(), saved("2", answers, {{"class", "high_risk"}, {"basis", "Annex III point 4(a)"}}));
  ASSERT_TRUE(r.is_object());
  EXPECT_TRUE(r.at("needed").as_bool());
  EXPECT_EQ(r.at("questionnaire_version").as_string(), "2");
  EXPECT_EQ(r.at("current_version").as_string(), questionnaire().version());
  EXPECT_EQ(strings_of(r.at("removed_answers")), (std::vector<std::string>{"deployer-public", "art5-ncii-csam"}));
  auto fresh = strings_of(r.at("new_questions"));
  for (auto id : {"art25-1", "art2-scope", "art5-1-ba", "art5-1-bb"})
    EXPECT_NE(std::find(fresh.begin(), fresh.end(), id), fresh.end()) << id;
}

TEST(Recheck, CompleteAnswersNameWhatTheyMeanNow) {
  // Answers that the current questionnaire asks nothing more of, saved when Art. 4 was not listed.
  auto answers = complete({{"roles", strings({"provider", "deployer"})}});
  auto r = recheck(questionnaire(), saved("2", answers, {{"class", "minimal"}, {"basis", ""}, {"obligations", json::array{}}}));
  ASSERT_TRUE(r.is_object());
  EXPECT_TRUE(r.at("needed").as_bool());
  EXPECT_TRUE(r.at("new_questions").as_array().empty());
  EXPECT_EQ(strings_of(r.at("changes")), std::vector<std::string>{"New obligation: Art. 4 (AI literacy)."});
  // The same answers with the result they give today: nothing to re-check.
  auto same = recheck(questionnaire(), saved("2", answers, {{"class", "minimal"}, {"basis", ""},
                                                             {"obligations", json::array{json::object{{"id", "art4"}}}}}));
  EXPECT_FALSE(same.at("needed").as_bool());
}

TEST(Recheck, ServedDocumentsCarryTheField) {
  auto text = with_recheck(questionnaire(), json::serialize(saved(questionnaire().version().c_str(), {}, {})));
  EXPECT_TRUE(json::parse(text).at("recheck").is_null());
}

TEST(Recheck, TheCurrentVersionSavedUnderEarlierRulesNamesTheNewClass) {
  // Saved with this questionnaire when a derogation was recorded as minimal: still readable, and
  // the same answers now give the class of their own.
  auto answers = complete({{"roles", strings({"provider"})}, {"annex3-areas", strings({"4"})}, {"annex3-4-a", true},
                           {"art6-3-profiling", false}, {"art6-3-d", true}});
  const std::string v = questionnaire().version();
  auto basis = "Annex III point 4(a), derogation under Art. 6(3)(d)";
  auto r = recheck(questionnaire(), saved(v.c_str(), answers, {{"class", "minimal"}, {"basis", basis}}));
  ASSERT_TRUE(r.is_object());
  EXPECT_TRUE(r.at("needed").as_bool());
  EXPECT_TRUE(r.at("new_questions").as_array().empty());
  auto changes = strings_of(r.at("changes"));
  EXPECT_NE(std::find(changes.begin(), changes.end(), "Class: minimal becomes high_risk_exempt."), changes.end());
  EXPECT_TRUE(recheck_needed(questionnaire(), saved(v.c_str(), answers, {{"class", "minimal"}, {"basis", basis}})));
  // Saved with the class they give now: nothing to re-check.
  EXPECT_TRUE(recheck(questionnaire(), saved(v.c_str(), answers, {{"class", "high_risk_exempt"}, {"basis", basis}})).is_null());
  EXPECT_FALSE(recheck_needed(questionnaire(), saved(v.c_str(), answers, {{"class", "high_risk_exempt"}, {"basis", basis}})));
}

TEST(Recheck, TheMemoAnswersAsRecheckNeededForEveryText) {
  RecheckMemo memo(questionnaire());
  EXPECT_EQ(&recheck_memo_of(questionnaire()), &recheck_memo_of(questionnaire()));
  auto answers = complete({{"roles", strings({"provider", "deployer"})}});
  auto needed = saved("2", answers, {{"class", "minimal"}, {"basis", ""}, {"obligations", json::array{}}});
  auto current = saved(questionnaire().version().c_str(), {}, {});
  ASSERT_TRUE(recheck_needed(questionnaire(), needed));
  ASSERT_FALSE(recheck_needed(questionnaire(), current));
  for (int round = 0; round < 2; ++round) {  // the second round answers from the memo
    EXPECT_TRUE(memo.needed(json::serialize(needed)));
    EXPECT_FALSE(memo.needed(json::serialize(current)));
    EXPECT_FALSE(memo.needed("not json"));
    EXPECT_FALSE(memo.needed("[1, 2]"));
  }
}
