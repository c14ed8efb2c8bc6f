// Impact assessment rules: outcome derivation under the thresholds, approval conditions, settings
// validation, significant-change detection and re-assessment, input validation, and the Art. 27
// view derived from a record.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/impact/fria.hpp"
#include "domain/impact/impact_fields.hpp"
#include "domain/impact/impact_rules.hpp"

namespace json = boost::json;
using namespace aims;
using namespace aims::impact;

namespace {

json::object entry(const char* type, int severity, int likelihood, const char* category = "individual",
                   const char* party = "Applicants", json::array measures = {}) {
  return json::object{{"id", "e"},         {"category", category},   {"type", type},
                      {"affected_party", party}, {"description", "d"}, {"severity", severity},
                      {"likelihood", likelihood}, {"measures", std::move(measures)}};
}

json::object system() {
  return json::parse(R"json({"id":"sys_1","name":"CV screener","purpose":"Ranks CVs","intended_use":"Help recruiters",
    "foreseeable_misuse":"Auto-reject","model_type":"LLM","data_sources":["CVs"],"third_party_components":[],
    "deployment_context":"HR","affected_people":["Applicants","Recruiters"],"human_oversight":"human_in_the_loop",
    "human_oversight_notes":"Recruiter reviews every ranking.","lifecycle_stage":"deployment","organization_role":"deployer",
    "eu_ai_act_class":"high_risk","eu_ai_act_basis":"Annex III 4(a)","gpai":false,"owner":"HR","tags":["hr"]})json")
      .as_object();
}

std::vector<std::string> impact_fields_of(const std::vector<FieldError>& errs) {
  std::vector<std::string> out;
  for (const auto& e : errs) out.push_back(e.field);
  return out;
}

}  // namespace

TEST(ImpactRules, LevelsFollowTheThresholds) {
  Settings s;  // sensitive from 6, restricted from 12
  EXPECT_EQ(level_of(1, s), Level::normal);
  EXPECT_EQ(level_of(5, s), Level::normal);
  EXPECT_EQ(level_of(6, s), Level::sensitive);
  EXPECT_EQ(level_of(11, s), Level::sensitive);
  EXPECT_EQ(level_of(12, s), Level::restricted);
  EXPECT_EQ(level_of(16, s), Level::restricted);
  s.sensitive_score = 3;
  s.restricted_score = 9;
  EXPECT_EQ(level_of(3, s), Level::sensitive);
  EXPECT_EQ(level_of(9, s), Level::restricted);
}

TEST(ImpactRules, OutcomeIsTheHighestHarmAndBenefitsDoNotCount) {
  Settings s;
  json::array none;
  EXPECT_EQ(annotate_impacts(none, s), Level::normal);

  json::array impacts{entry("benefit", 4, 4), entry("harm", 2, 2)};
  EXPECT_EQ(annotate_impacts(impacts, s), Level::normal) << "a large benefit does not make a use restricted";
  EXPECT_EQ(impacts[0].at("score").as_int64(), 16);
  EXPECT_TRUE(impacts[0].at("level").is_null());
  EXPECT_EQ(impacts[1].at("score").as_int64(), 4);
  EXPECT_EQ(impacts[1].at("level").as_string(), "normal");

  impacts.push_back(entry("harm", 3, 2));
  EXPECT_EQ(annotate_impacts(impacts, s), Level::sensitive);
  impacts.push_back(entry("harm", 4, 3));
  EXPECT_EQ(annotate_impacts(impacts, s), Level::restricted);
  EXPECT_EQ(impacts[3].at("level").as_string(), "restricted");

  auto sum = impact_summary(impacts);
  EXPECT_EQ(sum.at("benefits").as_int64(), 1);
  EXPECT_EQ(sum.at("harms").as_int64(), 3);
  EXPECT_EQ(sum.at("highest_harm_score").as_int64(), 12);
}

TEST(ImpactRules, ApprovalNeedsTheRightRoleANoteAndMeasures) {
  Settings s;
  std::string role_error;
  json::array restricted{entry("harm", 4, 4)};
  auto outcome = annotate_impacts(restricted, s);
  auto p = approval_problems(restricted, outcome, s, accounts::Role::manager, true, role_error);
  EXPECT_FALSE(role_error.empty()) << "restricted uses need an admin by default";
  p = approval_problems(restricted, outcome, s, accounts::Role::admin, false, role_error);
  EXPECT_TRUE(role_error.empty());
  EXPECT_EQ(impact_fields_of(p), (std::vector<std::string>{"note", "impacts[0].measures"}));

  s.restricted_approver = accounts::Role::manager;
  p = approval_problems(restricted, outcome, s, accounts::Role::manager, true, role_error);
  EXPECT_TRUE(role_error.empty());
  EXPECT_EQ(impact_fields_of(p), (std::vector<std::string>{"impacts[0].measures"}));

  json::array treated{entry("harm", 4, 4, "group", "Applicants", json::array{json::object{{"description", "m"}}}),
                      entry("harm", 3, 2)};
  outcome = annotate_impacts(treated, s);
  EXPECT_TRUE(approval_problems(treated, outcome, s, accounts::Role::manager, true, role_error).empty())
      << "a sensitive harm needs no measure while the rule starts at restricted";
  s.measures_required_from = Level::sensitive;
  EXPECT_EQ(impact_fields_of(approval_problems(treated, outcome, s, accounts::Role::manager, true, role_error)),
            (std::vector<std::string>{"impacts[1].measures"}));
  s.measures_required_from = std::nullopt;
  json::array normal{entry("harm", 1, 2)};
  outcome = annotate_impacts(normal, s);
  EXPECT_TRUE(approval_problems(normal, outcome, s, accounts::Role::manager, false, role_error).empty())
      << "a normal use needs no note";
}

TEST(ImpactRules, SettingsAreValidatedAsAWhole) {
  auto ok = parse_settings(json::parse(
      R"({"sensitive_score":4,"restricted_score":9,"restricted_approver":"manager","measures_required_from":"none"})"));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->sensitive_score, 4);
  EXPECT_EQ(ok->restricted_approver, accounts::Role::manager);
  EXPECT_FALSE(ok->measures_required_from.has_value());
  EXPECT_EQ(settings_json(*ok).at("measures_required_from").as_string(), "none");
  EXPECT_EQ(settings_from(settings_json(*ok)).restricted_score, 9);

  auto bad = parse_settings(json::parse(R"({"sensitive_score":10,"restricted_score":8,"restricted_approver":"viewer","x":1})"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::validation);
  auto f = impact_fields_of(bad.error().errors);
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"measures_required_from", "restricted_approver", "restricted_score", "x"}));
  EXPECT_FALSE(parse_settings(json::parse(R"({"sensitive_score":0,"restricted_score":17,"restricted_approver":"admin","measures_required_from":"restricted"})")));
}

TEST(ImpactRules, SignificantChangesOfTheSystemAreDetected) {
  auto sys = system();
  auto snap = system_snapshot(sys);
  EXPECT_FALSE(snap.contains("name")) << "renaming a system is not significant";
  EXPECT_FALSE(snap.contains("owner"));
  EXPECT_TRUE(changed_fields(snap, sys).empty());

  auto later = sys;
  later["name"] = "Renamed";
  later["owner"] = "Someone else";
  later["tags"] = json::array{"x"};
  EXPECT_TRUE(changed_fields(snap, later).empty());

  later["model_type"] = "Gradient boosting";
  later["data_sources"] = json::array{"CVs", "LinkedIn profiles"};
  later["eu_ai_act_class"] = "minimal";
  auto c = changed_fields(snap, later);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].at("field").as_string(), "model_type");
  EXPECT_EQ(c[0].at("from").as_string(), "LLM");
  EXPECT_EQ(c[0].at("to").as_string(), "Gradient boosting");
  EXPECT_EQ(c[1].at("field").as_string(), "data_sources");
  EXPECT_EQ(c[2].at("field").as_string(), "eu_ai_act_class");
  for (auto k : {"purpose", "intended_use", "deployment_context", "affected_people", "lifecycle_stage", "organization_role"})
    EXPECT_TRUE(snap.contains(k)) << k;
}

TEST(ImpactRules, ReassessmentIsDueOnTheDateOrOnAChange) {
  auto sys = system();
  auto snap = system_snapshot(sys);
  auto day = [](const char* d) { return *parse_date(d); };
  auto r = reassessment_due(nullptr, nullptr, sys, day("2030-01-01"));
  EXPECT_FALSE(r.at("due").as_bool()) << "never approved: nothing is due";

  r = reassessment_due(snap, json::value("2027-06-01"), sys, day("2027-05-31"));
  EXPECT_FALSE(r.at("due").as_bool());
  r = reassessment_due(snap, json::value("2027-06-01"), sys, day("2027-06-01"));
  EXPECT_TRUE(r.at("due").as_bool());
  EXPECT_EQ(r.at("reasons"), (json::array{"review_date_passed"}));

  sys["lifecycle_stage"] = "operation_and_monitoring";
  r = reassessment_due(snap, json::value("2027-06-01"), sys, day("2027-07-01"));
  EXPECT_EQ(r.at("reasons"), (json::array{"review_date_passed", "system_changed"}));
  EXPECT_EQ(r.at("changed_fields").at(0).at("field").as_string(), "lifecycle_stage");
  EXPECT_EQ(r.at("next_review_date").as_string(), "2027-06-01");
}

TEST(ImpactFields, InputIsValidatedRowByRowWithNamedFields) {
  int n = 0;
  auto mint = [&] { return "imp_" + std::to_string(++n); };
  std::vector<FieldError> errs;
  auto body = json::parse(R"({
    "title": "  IA  ", "next_review_date": "2027-02-30", "status": "approved", "colour": 1,
    "interested_parties": [{"name": "", "relation": "boss"}],
    "impacts": [
      {"category": "individual", "type": "harm", "affected_party": "A", "description": "d", "severity": 5, "likelihood": 2},
      {"type": "benefit", "affected_party": "B", "description": "d", "severity": 1, "likelihood": 1,
       "measures": [{"description": "", "status": "done"}]}
    ]})").as_object();
  normalize(body, false, errs, mint);
  auto f = impact_fields_of(errs);
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"colour", "impacts[0].severity", "impacts[1].category",
                                         "impacts[1].measures[0].description", "impacts[1].measures[0].status",
                                         "interested_parties[0].name", "interested_parties[0].relation",
                                         "next_review_date", "status"}));

  errs.clear();
  auto good = normalize(json::parse(R"({"title":" IA ","next_review_date":null,"impacts":[
      {"id":"keep-me","category":"group","type":"harm","affected_party":"A","description":"d","severity":2,"likelihood":3,"score":99,"level":"x"},
      {"category":"society","type":"benefit","affected_party":"All","description":"d","severity":1,"likelihood":1}]})").as_object(),
                        false, errs, mint);
  EXPECT_TRUE(errs.empty()) << (errs.empty() ? "" : errs[0].field + " " + errs[0].message);
  EXPECT_EQ(good.at("title").as_string(), "IA");
  EXPECT_TRUE(good.at("next_review_date").is_null());
  const auto& rows = good.at("impacts").as_array();
  EXPECT_EQ(rows[0].at("id").as_string(), "keep-me");
  EXPECT_FALSE(rows[0].as_object().contains("score")) << "derived values are not stored";
  EXPECT_EQ(rows[1].at("id").as_string(), "imp_1");
  EXPECT_EQ(rows[1].at("measures").as_array().size(), 0u);

  errs.clear();
  normalize(json::parse(R"({"system_id":"sys_1"})").as_object(), false, errs, mint);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].message, "is read-only");
}

TEST(ImpactFields, NewAssessmentsArePrefilledFromTheInventory) {
  auto p = prefill_from(system());
  EXPECT_EQ(p.at("title").as_string(), "Impact assessment of CV screener");
  EXPECT_EQ(p.at("purpose").as_string(), "Ranks CVs");
  EXPECT_EQ(p.at("intended_uses").as_string(), "Help recruiters");
  EXPECT_EQ(p.at("unintended_uses").as_string(), "Auto-reject");
  EXPECT_EQ(p.at("data_sources"), (json::array{"CVs"}));
  EXPECT_EQ(p.at("model_type").as_string(), "LLM");
  EXPECT_NE(p.at("human_oversight").as_string().find("Recruiter reviews every ranking."), std::string::npos);
  ASSERT_EQ(p.at("interested_parties").as_array().size(), 2u);
  EXPECT_EQ(p.at("interested_parties").at(0).at("relation").as_string(), "affected");

  auto rec = empty_fields();
  auto missing = completeness_problems(rec);
  EXPECT_EQ(impact_fields_of(missing), (std::vector<std::string>{"scope", "purpose", "intended_uses", "deployment_context", "impacts"}));
}

TEST(Fria, ApplicabilityIsTheSavedClassificationsNotTheInventorys) {
  auto sys = system();  // the inventory says deployer of a high-risk system
  auto a = fria_applicability(sys);
  EXPECT_FALSE(a.at("required").as_bool()) << "no saved classification: nothing is guessed from the inventory";
  EXPECT_FALSE(a.at("classified").as_bool());
  EXPECT_NE(a.at("reason").as_string().find("not classified yet"), std::string::npos);
  sys["organization_role"] = "provider";
  sys["eu_ai_act"] = json::object{{"classified", true}, {"version", 2}, {"class", "high_risk"}, {"basis", "Annex III point 5(b)"},
                                  {"roles", json::array{"provider", "deployer"}}, {"organization_role", "provider"},
                                  {"fria", json::object{{"required", true}, {"reason", "r"}, {"conditions", "c"}}}};
  a = fria_applicability(sys);
  EXPECT_TRUE(a.at("required").as_bool());
  EXPECT_EQ(a.at("roles"), json::value(json::array{"provider", "deployer"}));
  EXPECT_EQ(a.at("classification_version").as_int64(), 2);
  EXPECT_EQ(a.at("eu_ai_act_basis").as_string(), "Annex III point 5(b)");
}

TEST(Fria, ElementsAreFilledFromTheRecordOrFlaggedMissing) {
  auto rec = empty_fields();
  auto f = derive_fria(rec, system());
  EXPECT_FALSE(f.at("complete").as_bool());
  EXPECT_EQ(f.at("missing"), (json::array{"a", "b", "c", "d", "e", "f"}));
  ASSERT_EQ(f.at("elements").as_array().size(), 6u);
  EXPECT_EQ(f.at("elements").at(0).at("reference").as_string(), "Art. 27(1)(a)");

  rec["processes"] = "Shortlisting for open positions";
  rec["period_and_frequency"] = "Continuously, for every application, from 2027";
  rec["human_oversight"] = "A recruiter reviews every ranking";
  rec["interested_parties"] = json::array{json::object{{"name", "Applicants"}, {"relation", "affected"}, {"vulnerable", true}, {"notes", ""}},
                                          json::object{{"name", "Recruiters"}, {"relation", "user"}, {"vulnerable", false}, {"notes", ""}}};
  json::array impacts{entry("harm", 4, 3, "group", "Older applicants"), entry("benefit", 2, 3, "society", "Employers")};
  annotate_impacts(impacts, Settings{});
  rec["impacts"] = impacts;
  f = derive_fria(rec, system());
  EXPECT_EQ(f.at("missing"), (json::array{"f"}));
  const auto& el = f.at("elements").as_array();
  auto names = el[2].at("items").as_array();
  ASSERT_EQ(names.size(), 2u) << "affected parties and the parties of harms and benefits to individuals and groups";
  EXPECT_EQ(names[0].at("name").as_string(), "Applicants");
  EXPECT_TRUE(names[0].at("vulnerable").as_bool());
  EXPECT_EQ(names[1].at("name").as_string(), "Older applicants");
  ASSERT_EQ(el[3].at("items").as_array().size(), 1u) << "only harms are risks";
  EXPECT_EQ(el[3].at("items").at(0).at("level").as_string(), "restricted");
  EXPECT_EQ(el[5].at("status").as_string(), "missing");

  rec["governance_and_complaints"] = "Complaints go to the works council";
  EXPECT_EQ(derive_fria(rec, system()).at("elements").at(5).at("status").as_string(), "partial");
  impacts[0].as_object()["measures"] = json::array{json::object{{"description", "Bias audit"}, {"owner", "HR"}, {"status", "planned"}}};
  rec["impacts"] = impacts;
  f = derive_fria(rec, system());
  EXPECT_TRUE(f.at("complete").as_bool());
  EXPECT_EQ(f.at("elements").at(5).at("items").at(0).at("description").as_string(), "Bias audit");
}
