// The clock engine at every boundary: the deadline instant itself, one second either side, input
// offsets, the 2/10/15-day clocks, immediate duties, roles, and an awareness changed afterwards.
#include "domain/incidents/clocks.hpp"

#include <gtest/gtest.h>

#include "domain/incidents/clock_rules.hpp"
#include "domain/incidents/incident_kind.hpp"

namespace aims::incidents {
namespace {
namespace json = boost::json;
using namespace std::chrono;

TimePoint at(const char* s) {
  auto t = parse_instant(s);
  EXPECT_TRUE(t) << s;
  return t.value_or(TimePoint{});
}

/// A qualified incident document: aware at `aware`, the organization's roles, category and flags.
json::object incident(std::string aware, json::array roles, std::string category = "a", bool death = false,
                      bool widespread = false, bool serious = true) {
  return json::object{{"occurred_at", "2026-12-01T06:00:00Z"},
                      {"became_aware_at", aware},
                      {"qualification", json::object{{"serious", serious},
                                                     {"roles", roles},
                                                     {"harm_category", category},
                                                     {"death", death},
                                                     {"widespread_infringement", widespread}}},
                      {"reports", json::array{}}};
}

void add_report(json::object& doc, std::string id, std::string type, std::string kind, std::string sent_at) {
  doc["reports"].as_array().push_back(
      json::object{{"id", id}, {"type", type}, {"recipient_kind", kind}, {"sent_at", sent_at}});
}

const ClockState& clock(const std::vector<ClockState>& all, std::string_view id) {
  for (const auto& c : all)
    if (c.rule->id == id) return c;
  throw std::runtime_error("no clock " + std::string(id));
}

std::vector<ClockState> run(const json::object& doc, const char* now) {
  return evaluate(ClockRules::embedded().clocks(), facts_of(doc), at(now));
}

TEST(IncidentClocks, ParsesInstantsWithTheirZones) {
  EXPECT_EQ(format_time(at("2026-12-01T09:30+01:00")), "2026-12-01T08:30:00.000Z");
  EXPECT_EQ(format_time(at("2026-12-01T08:30:00Z")), "2026-12-01T08:30:00.000Z");
  EXPECT_EQ(format_time(at("2026-12-01T03:30:00.25-05:00")), "2026-12-01T08:30:00.250Z");
  EXPECT_EQ(format_time(at("2026-12-31T23:30:00-01:00")), "2027-01-01T00:30:00.000Z");  // another day, another year
  EXPECT_EQ(format_time(at("2026-12-01T00:15:00+14:00")), "2026-11-30T10:15:00.000Z");
  for (const char* bad : {"2026-12-01", "2026-12-01T09:30", "2026-12-01T09:30:00", "2026-02-30T09:30Z", "2026-12-01T24:00Z",
                          "2026-12-01T09:60Z", "2026-12-01T09:30+19:00", "2026-12-01T09:30+0100", "2026-12-01T09:30Zx",
                          "2026-12-01T09:30:00.Z", "2026-12-01 09:30Z", ""})
    EXPECT_FALSE(parse_instant(bad)) << bad;
}

TEST(IncidentClocks, FifteenDaysAfterAwarenessToTheSecond) {
  auto doc = incident("2026-12-01T09:30:00+01:00", json::array{"provider"});  // 08:30Z
  auto c = clock(run(doc, "2026-12-16T08:29:59Z"), "eu-ai-act-73-2");
  EXPECT_EQ(format_time(*c.start), "2026-12-01T08:30:00.000Z");
  EXPECT_EQ(format_time(*c.deadline), "2026-12-16T08:30:00.000Z");
  EXPECT_EQ(c.status, ClockStatus::running);
  EXPECT_EQ(to_json(c, at("2026-12-16T08:29:59Z")).at("time_left_seconds").as_int64(), 1);
  auto exact = clock(run(doc, "2026-12-16T08:30:00Z"), "eu-ai-act-73-2");
  EXPECT_EQ(exact.status, ClockStatus::running);  // the deadline instant is still in time
  EXPECT_EQ(to_json(exact, at("2026-12-16T08:30:00Z")).at("time_left_seconds").as_int64(), 0);
  auto late = clock(run(doc, "2026-12-16T08:30:01Z"), "eu-ai-act-73-2");
  EXPECT_EQ(late.status, ClockStatus::overdue);
  EXPECT_EQ(to_json(late, at("2026-12-16T08:30:01Z")).at("time_left_seconds").as_int64(), -1);
  // The same instant written in another zone gives the same deadline.
  auto other = incident("2026-12-01T03:30:00-05:00", json::array{"provider"});
  EXPECT_EQ(format_time(*clock(run(other, "2026-12-02T00:00:00Z"), "eu-ai-act-73-2").deadline), "2026-12-16T08:30:00.000Z");
}

TEST(IncidentClocks, TwoDaysForCriticalInfrastructureOrAWidespreadInfringement) {
  auto infra = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "b");
  auto c = clock(run(infra, "2026-12-03T08:30:00Z"), "eu-ai-act-73-3");
  EXPECT_EQ(format_time(*c.deadline), "2026-12-03T08:30:00.000Z");
  EXPECT_EQ(c.status, ClockStatus::running);
  EXPECT_EQ(clock(run(infra, "2026-12-03T08:30:01Z"), "eu-ai-act-73-3").status, ClockStatus::overdue);
  auto widespread = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "c", false, true);
  EXPECT_EQ(clock(run(widespread, "2026-12-02T00:00:00Z"), "eu-ai-act-73-3").status, ClockStatus::running);
  auto neither = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "c");
  EXPECT_EQ(clock(run(neither, "2026-12-02T00:00:00Z"), "eu-ai-act-73-3").status, ClockStatus::not_applicable);
}

TEST(IncidentClocks, TenDaysInCaseOfDeath) {
  auto death = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "a", true);
  auto all = run(death, "2026-12-11T08:30:00Z");
  EXPECT_EQ(format_time(*clock(all, "eu-ai-act-73-4").deadline), "2026-12-11T08:30:00.000Z");
  EXPECT_EQ(clock(all, "eu-ai-act-73-4").status, ClockStatus::running);
  EXPECT_EQ(clock(run(death, "2026-12-11T08:30:01Z"), "eu-ai-act-73-4").status, ClockStatus::overdue);
  auto harm = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "a", false);
  EXPECT_EQ(clock(run(harm, "2026-12-02T00:00:00Z"), "eu-ai-act-73-4").status, ClockStatus::not_applicable);
}

TEST(IncidentClocks, AReportAtTheDeadlineMeetsItOneSecondLaterIsLate) {
  auto doc = incident("2026-12-01T08:30:00Z", json::array{"provider"});
  add_report(doc, "RPT-1", "initial", "authority", "2026-12-16T08:30:00Z");
  auto c = clock(run(doc, "2026-12-20T00:00:00Z"), "eu-ai-act-73-2");
  EXPECT_EQ(c.status, ClockStatus::met);
  EXPECT_TRUE(c.on_time);
  EXPECT_EQ(c.met_by_report, "RPT-1");
  auto late = incident("2026-12-01T08:30:00Z", json::array{"provider"});
  add_report(late, "RPT-1", "initial", "authority", "2026-12-16T09:30:01+01:00");
  auto l = clock(run(late, "2026-12-20T00:00:00Z"), "eu-ai-act-73-2");
  EXPECT_EQ(l.status, ClockStatus::met);
  EXPECT_FALSE(l.on_time);
  EXPECT_TRUE(to_json(l, at("2026-12-20T00:00:00Z")).at("time_left_seconds").is_null());
  // A report to the provider does not meet a clock of the authority.
  auto other = incident("2026-12-01T08:30:00Z", json::array{"provider"});
  add_report(other, "RPT-1", "initial", "provider", "2026-12-02T00:00:00Z");
  EXPECT_EQ(clock(run(other, "2026-12-03T00:00:00Z"), "eu-ai-act-73-2").status, ClockStatus::running);
}

TEST(IncidentClocks, DeployersInformTheProviderFirstImmediately) {
  auto doc = incident("2026-12-01T08:30:00Z", json::array{"deployer"});
  auto all = run(doc, "2027-03-01T00:00:00Z");
  EXPECT_EQ(clock(all, "eu-ai-act-73-2").status, ClockStatus::not_applicable);
  auto provider = clock(all, "eu-ai-act-26-5-provider");
  EXPECT_EQ(provider.status, ClockStatus::running);  // no count of days: never overdue
  EXPECT_FALSE(provider.deadline);
  add_report(doc, "RPT-1", "initial", "provider", "2026-12-01T10:00:00Z");
  all = run(doc, "2026-12-02T00:00:00Z");
  EXPECT_EQ(clock(all, "eu-ai-act-26-5-provider").status, ClockStatus::met);
  EXPECT_TRUE(clock(all, "eu-ai-act-26-5-provider").on_time);
  EXPECT_EQ(clock(all, "eu-ai-act-26-5-authority").status, ClockStatus::running);
  // A deployer that is also the provider has no provider to inform.
  auto both = incident("2026-12-01T08:30:00Z", json::array{"provider", "deployer"});
  EXPECT_EQ(clock(run(both, "2026-12-02T00:00:00Z"), "eu-ai-act-26-5-provider").status, ClockStatus::not_applicable);
  EXPECT_EQ(clock(run(both, "2026-12-02T00:00:00Z"), "eu-ai-act-73-2").status, ClockStatus::running);
}

TEST(IncidentClocks, NothingRunsBeforeASeriousQualification) {
  json::object unqualified{{"became_aware_at", "2026-12-01T08:30:00Z"}};
  for (const auto& c : run(unqualified, "2026-12-30T00:00:00Z")) EXPECT_EQ(c.status, ClockStatus::not_applicable);
  auto not_serious = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "none", false, false, false);
  for (const auto& c : run(not_serious, "2026-12-30T00:00:00Z")) EXPECT_EQ(c.status, ClockStatus::not_applicable);
  auto open = open_clocks(ClockRules::embedded().clocks(), facts_of(not_serious));
  EXPECT_FALSE(open.open);
  EXPECT_FALSE(open.next_deadline);
}

TEST(IncidentClocks, AwarenessChangedAfterwardsMovesTheDeadline) {
  auto doc = incident("2026-12-01T08:30:00Z", json::array{"provider"}, "b");
  auto before = open_clocks(ClockRules::embedded().clocks(), facts_of(doc));
  EXPECT_EQ(format_time(*before.next_deadline), "2026-12-03T08:30:00.000Z");  // the 2-day clock first
  doc["became_aware_at"] = "2026-12-02T08:30:00+02:00";
  auto after = open_clocks(ClockRules::embedded().clocks(), facts_of(doc));
  EXPECT_EQ(format_time(*after.next_deadline), "2026-12-04T06:30:00.000Z");
  add_report(doc, "RPT-1", "initial", "authority", "2026-12-03T00:00:00Z");
  auto met = open_clocks(ClockRules::embedded().clocks(), facts_of(doc));
  EXPECT_FALSE(met.open);
  EXPECT_FALSE(met.next_deadline);
}

TEST(IncidentClocks, TheFacetsHoldTheNextDeadlineAndTheSeriousFlag) {
  const auto& k = incident_kind();
  auto doc = incident("2026-12-01T08:30:00Z", json::array{"provider"});
  doc["title"] = "t";
  store::RecordRow row{k.kind, "org", "", "INC-1", 1, 1, "", "t", "t", json::serialize(doc)};
  auto f = k.facets(row, &doc);
  EXPECT_EQ(f.text[static_cast<std::size_t>(kDeadlineSlot)], "2026-12-16T08:30:00.000Z");
  EXPECT_EQ(f.text[static_cast<std::size_t>(kOpenClockSlot)], "open");
  EXPECT_EQ(f.text[static_cast<std::size_t>(kSeriousSlot)], "serious");
  doc.erase("qualification");
  f = k.facets(row, &doc);
  EXPECT_EQ(f.text[static_cast<std::size_t>(kDeadlineSlot)], "");
  EXPECT_EQ(f.text[static_cast<std::size_t>(kSeriousSlot)], "unqualified");
}

TEST(IncidentClocks, TheDataFileIsReadAndCited) {
  const auto& rules = ClockRules::embedded();
  ASSERT_TRUE(rules.find("eu-ai-act-73-2"));
  EXPECT_EQ(rules.find("eu-ai-act-73-2")->days, 15);
  EXPECT_EQ(rules.find("eu-ai-act-73-3")->days, 2);
  EXPECT_EQ(rules.find("eu-ai-act-73-4")->days, 10);
  EXPECT_EQ(rules.find("eu-ai-act-73-4")->citation, "Art. 73(4)");
  EXPECT_FALSE(rules.find("eu-ai-act-26-5-provider")->days);
  EXPECT_THROW(ClockRules::from_json(json::parse(R"({"clocks":[{"id":"x"}]})")), std::runtime_error);
}

}  // namespace
}  // namespace aims::incidents
