// AI objectives: the derived status of each direction at and around its bounds, when readings are
// due for each frequency, the checks on what a client sends, and the list's filters and paging.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/catalog/catalog.hpp"
#include "domain/objectives/objective_input.hpp"
#include "domain/objectives/objective_kind.hpp"
#include "domain/objectives/objective_list.hpp"
#include "domain/objectives/objective_records.hpp"
#include "domain/objectives/objective_rules.hpp"

using namespace aims;
using namespace aims::objectives;
namespace json = boost::json;

namespace {

Date d(const char* s) { return *parse_date(s); }

Targets higher(double target, std::optional<double> warning = std::nullopt) {
  Targets t;
  t.direction = Direction::higher_is_better;
  t.target_value = target;
  t.warning_threshold = warning;
  return t;
}

Targets lower(double target, std::optional<double> warning = std::nullopt) {
  Targets t = higher(target, warning);
  t.direction = Direction::lower_is_better;
  return t;
}

Targets range(double lo, double hi, std::optional<double> margin = std::nullopt) {
  Targets t;
  t.direction = Direction::within_range;
  t.target_min = lo;
  t.target_max = hi;
  t.warning_margin = margin;
  return t;
}

const catalog::Catalog& objectives_catalog() {
  static const auto c = catalog::Catalog::load_embedded();
  return c;
}

std::vector<std::string> fields_of(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.errors) out.push_back(f.field);
  return out;
}

json::object valid_body() {
  return json::parse(R"({"title":"Fair credit decisions","annex_c_objective":"C.2.5","measure":"Approval-rate ratio",
    "owner":"Head of Credit Risk","due_date":"2027-06-30","direction":"higher_is_better","target_value":0.9,
    "warning_threshold":0.8})").as_object();
}

SystemCheck no_systems() {
  return [](const std::string&) -> std::optional<std::string> { return "is not an AI system of this organization"; };
}

}  // namespace

TEST(ObjectiveRules, HigherIsBetterWithAWarningBand) {
  auto t = higher(0.9, 0.8);
  EXPECT_EQ(classify(t, 0.95), Health::on_track);
  EXPECT_EQ(classify(t, 0.9), Health::on_track);  // the target itself is met
  EXPECT_EQ(classify(t, 0.8999), Health::at_risk);
  EXPECT_EQ(classify(t, 0.8), Health::at_risk);  // the threshold itself is still at risk
  EXPECT_EQ(classify(t, 0.7999), Health::off_track);
  EXPECT_EQ(classify(t, -5), Health::off_track);
}

TEST(ObjectiveRules, HigherIsBetterWithoutAWarningBandHasNoAtRisk) {
  auto t = higher(95);
  EXPECT_EQ(classify(t, 95), Health::on_track);
  EXPECT_EQ(classify(t, 94.99), Health::off_track);
}

TEST(ObjectiveRules, LowerIsBetterWithAWarningBand) {
  auto t = lower(200, 250);
  EXPECT_EQ(classify(t, 150), Health::on_track);
  EXPECT_EQ(classify(t, 200), Health::on_track);
  EXPECT_EQ(classify(t, 200.5), Health::at_risk);
  EXPECT_EQ(classify(t, 250), Health::at_risk);
  EXPECT_EQ(classify(t, 250.01), Health::off_track);
  EXPECT_EQ(classify(lower(200), 200.01), Health::off_track);
}

TEST(ObjectiveRules, WithinRangeAndItsMargin) {
  auto t = range(0.8, 1.25, 0.05);
  EXPECT_EQ(classify(t, 1.0), Health::on_track);
  EXPECT_EQ(classify(t, 0.8), Health::on_track);
  EXPECT_EQ(classify(t, 1.25), Health::on_track);
  EXPECT_EQ(classify(t, 0.79), Health::at_risk);
  EXPECT_EQ(classify(t, 0.75), Health::at_risk);
  EXPECT_EQ(classify(t, 1.3), Health::at_risk);
  EXPECT_EQ(classify(t, 0.7499), Health::off_track);
  EXPECT_EQ(classify(t, 1.3001), Health::off_track);
  EXPECT_EQ(classify(range(0.8, 1.25), 0.79), Health::off_track);
  EXPECT_EQ(classify(range(5, 5), 5), Health::on_track);
}

TEST(ObjectiveRules, FormulaNamesTheNumbersAndUnit) {
  auto t = higher(95, 90);
  t.unit = "%";
  EXPECT_EQ(formula(t),
            "higher is better: on track when the value is 95% or more; at risk from 90% up to 95%; off track below 90%.");
  auto l = lower(200);
  l.unit = "ms";
  EXPECT_EQ(formula(l), "lower is better: on track when the value is 200 ms or less; off track above it (no warning band).");
  EXPECT_NE(formula(range(0.8, 1.25, 0.05)).find("0.75 to 1.3"), std::string::npos);
}

TEST(ObjectiveRules, NumbersAreShownShortest) {
  EXPECT_EQ(format_number(0.95), "0.95");
  EXPECT_EQ(format_number(12), "12");
  EXPECT_EQ(format_number(-3.5), "-3.5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
}

TEST(ObjectiveRules, PeriodsKeepTheDayOrTakeTheMonthsLast) {
  EXPECT_EQ(add_period(d("2026-03-10"), Frequency::weekly), d("2026-03-17"));
  EXPECT_EQ(add_period(d("2026-12-29"), Frequency::weekly), d("2027-01-05"));
  EXPECT_EQ(add_period(d("2026-01-31"), Frequency::monthly), d("2026-02-28"));
  EXPECT_EQ(add_period(d("2028-01-31"), Frequency::monthly), d("2028-02-29"));
  EXPECT_EQ(add_period(d("2026-11-15"), Frequency::quarterly), d("2027-02-15"));
  EXPECT_EQ(add_period(d("2026-11-30"), Frequency::quarterly), d("2027-02-28"));
  EXPECT_EQ(add_period(d("2028-02-29"), Frequency::yearly), d("2029-02-28"));
  EXPECT_EQ(add_period(d("2026-05-01"), Frequency::yearly), d("2027-05-01"));
}

TEST(ObjectiveRules, OverdueTheDayAfterTheNextReadingWasDueForEachFrequency) {
  auto t = higher(1);
  struct Case {
    Frequency f;
    const char* last;
    const char* due;
  } cases[] = {{Frequency::weekly, "2026-06-01", "2026-06-08"},
               {Frequency::monthly, "2026-06-01", "2026-07-01"},
               {Frequency::quarterly, "2026-06-01", "2026-09-01"},
               {Frequency::yearly, "2026-06-01", "2027-06-01"}};
  for (const auto& c : cases) {
    Latest l{2, d(c.last)};
    auto on_due = evaluate(t, c.f, true, d("2026-01-01"), l, d(c.due));
    EXPECT_FALSE(on_due.reading_overdue) << name_of(c.f);
    EXPECT_EQ(format_date(*on_due.next_reading_due), c.due);
    auto after = evaluate(t, c.f, true, d("2026-01-01"), l, d(c.due) + std::chrono::days{1});
    EXPECT_TRUE(after.reading_overdue) << name_of(c.f);
    EXPECT_EQ(after.days_overdue, 1);
    EXPECT_EQ(after.status, Health::on_track);  // overdue does not change how the last value compares
    EXPECT_NE(after.explanation.find("reading overdue"), std::string::npos) << after.explanation;
  }
}

TEST(ObjectiveRules, WithoutReadingsTheFirstIsDueOnePeriodAfterTheStart) {
  auto e = evaluate(higher(1), Frequency::monthly, true, d("2026-01-15"), std::nullopt, d("2026-02-15"));
  EXPECT_EQ(e.status, Health::no_data);
  EXPECT_FALSE(e.reading_overdue);
  e = evaluate(higher(1), Frequency::monthly, true, d("2026-01-15"), std::nullopt, d("2026-03-01"));
  EXPECT_TRUE(e.reading_overdue);
  EXPECT_EQ(e.days_overdue, 14);
  EXPECT_EQ(e.explanation.rfind("No reading has been recorded yet.", 0), 0u);
}

TEST(ObjectiveRules, OnlyActiveObjectivesExpectReadings) {
  Latest l{0.5, d("2020-01-01")};
  auto e = evaluate(higher(0.9, 0.8), Frequency::weekly, false, d("2020-01-01"), l, d("2026-01-01"));
  EXPECT_EQ(e.status, Health::off_track);
  EXPECT_FALSE(e.reading_overdue);
  EXPECT_FALSE(e.next_reading_due.has_value());
}

TEST(ObjectiveRules, ExplanationSaysWhy) {
  auto t = higher(0.9, 0.8);
  auto e = evaluate(t, Frequency::monthly, true, d("2026-01-01"), Latest{0.85, d("2026-05-02")}, d("2026-05-10"));
  EXPECT_EQ(e.status, Health::at_risk);
  EXPECT_EQ(e.explanation,
            "The latest reading, 0.85 on 2026-05-02, is below the target of 0.9 but not below the warning threshold of 0.8: "
            "at risk. The next monthly reading is due by 2026-06-02.");
}

TEST(ObjectiveInput, AValidObjectiveGetsItsDefaults) {
  auto r = apply_objective_input(valid_body(), {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->at("frequency").as_string(), "monthly");
  EXPECT_EQ(r->at("status").as_string(), "active");
  EXPECT_EQ(r->at("start_date").as_string(), "2026-05-01");
  EXPECT_TRUE(r->at("system_id").is_null());
  EXPECT_TRUE(r->at("target_min").is_null());
  EXPECT_DOUBLE_EQ(r->at("target_value").as_double(), 0.9);
}

TEST(ObjectiveInput, EveryProblemIsReportedAtOnce) {
  auto b = json::parse(R"({"title":"","annex_c_objective":"C.9","direction":"sideways","target_value":"high",
    "system_id":"sys_nope","frequency":"daily","plans":[{"resources":"Two analysts"},{"action":"Audit","due_date":"soon"}],
    "colour":"blue","key":"OBJ-9"})").as_object();
  auto r = apply_objective_input(b, {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::validation);
  auto f = fields_of(r.error());
  for (const char* want : {"title", "annex_c_objective", "direction", "target_value", "system_id", "frequency", "plans[0].action",
                           "plans[1].due_date", "colour", "key", "measure", "owner", "due_date"})
    EXPECT_NE(std::find(f.begin(), f.end(), want), f.end()) << want;
}

TEST(ObjectiveInput, TargetsMustFitTheDirection) {
  auto b = valid_body();
  b["warning_threshold"] = 0.95;  // above the target although higher is better
  auto r = apply_objective_input(b, {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_FALSE(r);
  EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"warning_threshold"});

  b = valid_body();
  b["direction"] = "lower_is_better";  // the threshold 0.8 is below the target 0.9
  r = apply_objective_input(b, {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_FALSE(r);
  EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"warning_threshold"});

  b = valid_body();
  b["direction"] = "within_range";
  b["target_min"] = 5;
  r = apply_objective_input(b, {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_FALSE(r);
  auto f = fields_of(r.error());
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"target_max", "target_value", "warning_threshold"}));

  b = valid_body();
  b["due_date"] = "2026-04-30";
  r = apply_objective_input(b, {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_FALSE(r);
  EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"due_date"});
}

TEST(ObjectiveInput, ChangingDirectionDropsTheTargetsOfTheOldOne) {
  auto created = apply_objective_input(valid_body(), {}, true, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_TRUE(created);
  auto patch = json::parse(R"({"direction":"within_range","target_min":0.8,"target_max":1.25,"warning_margin":0.05})").as_object();
  auto r = apply_objective_input(patch, *created, false, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_TRUE(r->at("target_value").is_null());
  EXPECT_TRUE(r->at("warning_threshold").is_null());
  EXPECT_DOUBLE_EQ(r->at("target_max").as_double(), 1.25);
  // Clearing a required field is refused; the other fields are kept.
  auto bad = apply_objective_input(json::parse(R"({"title":"  "})").as_object(), *created, false, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_FALSE(bad);
  EXPECT_EQ(fields_of(bad.error()), std::vector<std::string>{"title"});
}

TEST(ObjectiveInput, ASystemIsCheckedOnlyWhenSet) {
  auto b = valid_body();
  b["system_id"] = "sys_known";
  int calls = 0;
  SystemCheck known = [&](const std::string& id) -> std::optional<std::string> {
    ++calls;
    if (id == "sys_known") return std::nullopt;
    return "is not an AI system of this organization";
  };
  auto r = apply_objective_input(b, {}, true, objectives_catalog(), d("2026-05-01"), known);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->at("system_id").as_string(), "sys_known");
  auto p = apply_objective_input(json::parse(R"({"owner":"Someone else"})").as_object(), *r, false, objectives_catalog(), d("2026-05-01"), known);
  ASSERT_TRUE(p);
  EXPECT_EQ(calls, 1);
  // Sending back the system already linked is not checked again (it may have been archived since).
  p = apply_objective_input(json::parse(R"({"system_id":"sys_known","owner":"X"})").as_object(), *r, false, objectives_catalog(), d("2026-05-01"), no_systems());
  ASSERT_TRUE(p) << p.error().detail;
  p = apply_objective_input(json::parse(R"({"system_id":null})").as_object(), *r, false, objectives_catalog(), d("2026-05-01"), known);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->at("system_id").is_null());
}

TEST(ObjectiveInput, ReadingsNeedANumberAndAPastDate) {
  auto today = d("2026-05-10");
  auto r = read_reading(json::parse(R"({"value":0.93})").as_object(), today, false);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->measured_on, "2026-05-10");
  r = read_reading(json::parse(R"({"value":"0.9","measured_on":"2026-05-11","note":1,"id":"x"})").as_object(), today, false);
  ASSERT_FALSE(r);
  auto f = fields_of(r.error());
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"id", "measured_on", "note", "value"}));
  r = read_reading(json::parse(R"({"value":1})").as_object(), today, true, 3);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errors.at(0).field, "objective");
  EXPECT_EQ(r.error().errors.at(0).row, 3);
}

namespace {

json::object view(int n, const char* title, const char* derived, bool overdue, const char* system = nullptr) {
  return json::object{{"id", "obj_" + std::to_string(n)},
                      {"key", "OBJ-" + std::to_string(n)},
                      {"number", n},
                      {"title", title},
                      {"owner", n % 2 ? "Ana" : "Ben"},
                      {"status", "active"},
                      {"annex_c_objective", n % 2 ? "C.2.5" : "C.2.8"},
                      {"system_id", system ? json::value(system) : json::value(nullptr)},
                      {"derived", json::object{{"status", derived}, {"reading_overdue", overdue}}}};
}

/// The sample as the store would hand it over: rows in key order, each with its view.
std::vector<Listed> sample() {
  std::vector<json::object> views{view(1, "Fairness gap", "on_track", false, "sys_a"), view(2, "Robust accuracy", "off_track", true),
                                  view(3, "Latency", "at_risk", false, "sys_a"), view(10, "Drift", "no_data", true),
                                  view(11, "Energy", "off_track", false)};
  std::vector<Listed> out;
  for (auto& v : views) {
    store::RecordRow r;
    r.kind = kObjectiveKind;
    r.id = std::string(v.at("id").as_string());
    r.position = v.at("number").as_int64();
    r.ref = std::string(v.at("key").as_string());
    out.push_back({std::move(r), std::move(v)});
  }
  return out;
}

records::ListQuery query(const records::Params& p) {
  auto q = records::parse_list(objective_kind(), p);
  EXPECT_TRUE(q) << (q ? "" : q.error().detail);
  return q ? *q : records::ListQuery{};
}

std::vector<std::string> keys(const records::MemoryPage& p) {
  std::vector<std::string> out;
  for (const auto& v : p.items) out.emplace_back(v.as_object().at("key").as_string());
  return out;
}

}  // namespace

TEST(ObjectiveList, MemoryFiltersCombine) {
  EXPECT_EQ(keys(select_page(sample(), query({{"derived_status", "off_track"}}), false)),
            (std::vector<std::string>{"OBJ-2", "OBJ-11"}));
  EXPECT_EQ(keys(select_page(sample(), query({{"overdue", "true"}}), false)), (std::vector<std::string>{"OBJ-2", "OBJ-10"}));
  EXPECT_EQ(keys(select_page(sample(), query({{"overdue", "false"}, {"derived_status", "on_track"}}), false)),
            (std::vector<std::string>{"OBJ-1"}));
  // A text matched here (it names an AI system) covers the served fields; else the store applied it.
  EXPECT_EQ(keys(select_page(sample(), query({{"q", " LAT "}, {"overdue", "false"}}), true)), (std::vector<std::string>{"OBJ-3"}));
  EXPECT_EQ(keys(select_page(sample(), query({{"q", "LAT"}, {"overdue", "false"}}), false)).size(), 3u);
}

TEST(ObjectiveList, SortsByNumberNotTextAndPagesWithoutGapsOrRepeats) {
  std::vector<std::string> seen;
  std::optional<std::string> cursor;
  do {
    records::Params p{{"limit", "2"}, {"overdue", "false"}, {"sort", "key"}};
    if (cursor) p.emplace_back("cursor", *cursor);
    auto page = select_page(sample(), query(p), false);
    EXPECT_EQ(page.total, 3);
    for (auto& k : keys(page)) seen.push_back(k);
    cursor = page.next;
  } while (cursor);
  EXPECT_EQ(seen, (std::vector<std::string>{"OBJ-1", "OBJ-3", "OBJ-11"}));
  EXPECT_EQ(keys(select_page(sample(), query({{"sort", "derived_status"}}), false)),
            (std::vector<std::string>{"OBJ-2", "OBJ-11", "OBJ-3", "OBJ-10", "OBJ-1"}));
  auto first = select_page(sample(), query({{"sort", "-derived_status"}, {"limit", "3"}}), false);
  EXPECT_EQ(keys(first), (std::vector<std::string>{"OBJ-1", "OBJ-10", "OBJ-3"}));
  ASSERT_TRUE(first.next);
  EXPECT_EQ(keys(select_page(sample(), query({{"sort", "-derived_status"}, {"limit", "3"}, {"cursor", *first.next}}), false)),
            (std::vector<std::string>{"OBJ-11", "OBJ-2"}));
}

TEST(ObjectiveList, BadParametersAreNamed) {
  auto q = records::parse_list(objective_kind(), {{"sort", "colour"},
                                                  {"derived_status", "green"},
                                                  {"annex_c_objective", "C.3.1"},
                                                  {"overdue", "yes"},
                                                  {"limit", "0"},
                                                  {"cursor", "garbage"},
                                                  {"colour", "red"}});
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().code, errc::bad_request);
  auto f = fields_of(q.error());
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"annex_c_objective", "colour", "cursor", "derived_status", "limit", "overdue", "sort"}));
}
