// Gap assessment scoring, audit order and roadmap scheduling, checked against hand-computed
// examples.
#include <gtest/gtest.h>

#include <set>

#include "core/date.hpp"
#include "domain/assessment/roadmap.hpp"
#include "domain/assessment/scoring.hpp"

using namespace aims;
using namespace aims::assessment;
namespace json = boost::json;

namespace {

const catalog::Catalog& assessment_catalog() {
  static catalog::Catalog c = catalog::Catalog::load_embedded();
  return c;
}

/// Clauses assessment, target 3: every leaf at 3 except 4.1=1, 4.3=0, 5.2=2, 6.2=5, 9.1 unanswered.
std::map<std::string, Score> example_answers() {
  std::map<std::string, Score> a;
  for (const auto& si : scope(assessment_catalog(), "clauses")) a[si.item->id] = Score{3, false};
  a["4.1"] = Score{1, false};
  a["4.3"] = Score{0, false};
  a["5.2"] = Score{2, false};
  a["6.2"] = Score{5, false};
  a.erase("9.1");
  return a;
}

}  // namespace

TEST(Scoring, ScopeFollowsTheApproach) {
  EXPECT_EQ(scope(assessment_catalog(), "clauses").size(), 32u);
  EXPECT_EQ(scope(assessment_catalog(), "annex_a").size(), 38u);
  auto both = scope(assessment_catalog(), "both");
  ASSERT_EQ(both.size(), 70u);
  EXPECT_EQ(both.front().item->id, "4.1");
  EXPECT_EQ(both.front().group, "4");
  EXPECT_EQ(both.back().item->id, "A.10.4");
  EXPECT_EQ(both.back().group, "A.10");
}

TEST(Scoring, HandComputedResults) {
  auto items = scope(assessment_catalog(), "clauses");
  auto r = results(assessment_catalog(), items, example_answers(), 3, "asm_x");
  // 27 leaves at 3 (81) + 1 + 0 + 2 + 5 + 0 (9.1) = 89 over 32 applicable items.
  EXPECT_DOUBLE_EQ(r.at("overall_maturity").as_double(), 2.78);
  // min(m, 3): 81 + 1 + 0 + 2 + 3 + 0 = 87 of 96.
  EXPECT_EQ(r.at("readiness").at("achieved").as_int64(), 87);
  EXPECT_EQ(r.at("readiness").at("required").as_int64(), 96);
  EXPECT_DOUBLE_EQ(r.at("readiness").at("percent").as_double(), 90.6);
  EXPECT_EQ(r.at("answered").as_int64(), 31);
  EXPECT_EQ(r.at("total").as_int64(), 32);
  // Clause 4: 4.1=1, 4.2=3, 4.3=0, 4.4=3 -> 7/4.
  const auto& c4 = r.at("by_clause").as_array()[0].as_object();
  EXPECT_EQ(c4.at("id").as_string(), "4");
  EXPECT_DOUBLE_EQ(c4.at("maturity").as_double(), 1.75);
  EXPECT_EQ(c4.at("below_target").as_int64(), 2);
  EXPECT_EQ(r.at("by_clause").as_array().size(), 7u);
  EXPECT_TRUE(r.at("by_area").as_array().empty());
}

TEST(Scoring, GapsComeInAuditOrder) {
  auto g = gaps(scope(assessment_catalog(), "clauses"), example_answers(), 3);
  std::vector<std::string> ids;
  for (const auto& x : g) ids.push_back(x.item->id);
  // Stage 1 first (4.3 gap 3, then 5.2 gap 1), then documented information (9.1, R), then 4.1.
  EXPECT_EQ(ids, (std::vector<std::string>{"4.3", "5.2", "9.1", "4.1"}));
  EXPECT_EQ(g[2].priority, Priority::documented_information);
  EXPECT_FALSE(g[2].answered);
  EXPECT_EQ(g[2].maturity, 0);
}

TEST(Scoring, NotApplicableControlsAreLeftOut) {
  auto items = scope(assessment_catalog(), "annex_a");
  std::map<std::string, Score> a;
  for (const auto& si : items) a[si.item->id] = Score{4, false};
  a["A.10.4"] = Score{std::nullopt, true};
  auto r = results(assessment_catalog(), items, a, 3, "asm_y");
  EXPECT_EQ(r.at("not_applicable").as_int64(), 1);
  EXPECT_DOUBLE_EQ(r.at("overall_maturity").as_double(), 4.0);
  EXPECT_DOUBLE_EQ(r.at("readiness").at("percent").as_double(), 100.0);
  EXPECT_EQ(r.at("readiness").at("required").as_int64(), 37 * 3);
  EXPECT_TRUE(r.at("gaps").as_array().empty());
  EXPECT_EQ(r.at("by_area").as_array().size(), 9u);
}

TEST(Roadmap, PrerequisitesComeFirstAndCapacityOneRunsInSequence) {
  auto g = gaps(scope(assessment_catalog(), "clauses"), example_answers(), 3);
  Date start = *parse_date("2026-01-05");
  auto acts = plan(assessment_catalog(), g, start, 1, {{"4.3", "Scope owner"}}, "Lead");
  ASSERT_EQ(acts.size(), 4u);
  std::map<std::string, PlannedAction> by_id;
  for (const auto& a : acts) by_id[a.id] = a;
  // 4.3 needs 4.1 (in the roadmap) and 4.2 (already at target); 5.2 needs 4.3.
  EXPECT_EQ(by_id["act-4.3"].depends_on, std::vector<std::string>{"act-4.1"});
  EXPECT_EQ(by_id["act-5.2"].depends_on, std::vector<std::string>{"act-4.3"});
  // 4.1 is pulled into phase 1 because a stage 1 action needs it.
  EXPECT_EQ(by_id["act-4.1"].phase, 1);
  EXPECT_EQ(by_id["act-9.1"].phase, 2);
  EXPECT_EQ(by_id["act-4.3"].owner, "Scope owner");
  EXPECT_EQ(by_id["act-4.1"].owner, "Lead");
  // With one action at a time: 4.1, 4.3, 5.2 (phase 1), then 9.1, back to back.
  auto weeks = [](const PlannedAction& a) { return std::chrono::days(7 * effort_weeks(a.effort)); };
  const auto& a41 = by_id["act-4.1"];
  const auto& a43 = by_id["act-4.3"];
  const auto& a52 = by_id["act-5.2"];
  const auto& a91 = by_id["act-9.1"];
  EXPECT_EQ(a41.start, start);
  EXPECT_EQ(a41.target, start + weeks(a41));
  EXPECT_EQ(a43.start, a41.target);
  EXPECT_EQ(a52.start, a43.target);
  EXPECT_EQ(a91.start, a52.target);
  EXPECT_EQ(a91.target, a91.start + weeks(a91));
}

TEST(Roadmap, MoreCapacityRunsIndependentActionsTogetherButNeverBeforeTheirPrerequisites) {
  auto items = scope(assessment_catalog(), "both");
  std::map<std::string, Score> none;  // nothing answered: every item is a gap
  auto g = gaps(items, none, 3);
  ASSERT_EQ(g.size(), 70u);
  Date start = *parse_date("2026-03-02");
  auto acts = plan(assessment_catalog(), g, start, 3, {}, "");
  std::map<std::string, PlannedAction> by_id;
  for (const auto& a : acts) by_id[a.id] = a;
  for (const auto& a : acts) {
    EXPECT_GE(a.start, start) << a.id;
    for (const auto& d : a.depends_on) {
      EXPECT_GE(a.start, by_id[d].target) << a.id << " starts before " << d << " ends";
      EXPECT_LE(by_id[d].phase, a.phase) << d << " is in a later phase than " << a.id;
    }
  }
  // At any start date no more than 3 actions are running.
  for (const auto& a : acts) {
    int running = 0;
    for (const auto& b : acts)
      if (b.start <= a.start && a.start < b.target) ++running;
    EXPECT_LE(running, 3) << "at " << format_date(a.start);
  }
  auto phases = phases_json([&] {
    json::array arr;
    for (const auto& a : acts) arr.push_back(action_json(a, 1));
    return arr;
  }());
  EXPECT_EQ(phases.size(), 3u);
  EXPECT_EQ(phases[0].at("start_date").as_string(), "2026-03-02");
}

TEST(Dates, ParseAndFormat) {
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("2026-1-05"));
  EXPECT_EQ(format_date(*parse_date("2026-12-31") + std::chrono::days(1)), "2027-01-01");
}
