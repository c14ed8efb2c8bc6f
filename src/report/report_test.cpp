// The report model's figures and texts, HTML escaping, and that the PDFs are PDFs with numbered
// pages (their text is checked against the API in tests/http/report.test.mjs).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "report/assessment_html.hpp"
#include "report/assessment_pdf.hpp"
#include "report/assessment_report.hpp"
#include "report/cells.hpp"
#include "report/file_names.hpp"
#include "report/impact_json.hpp"
#include "report/soa_pdf.hpp"

namespace json = boost::json;
using namespace aims::report;

// fontconfig and pango keep their font caches for the life of the process (in a per-thread font
// map and pango's font-loading thread); LeakSanitizer reports them at exit. Not our allocations:
// every leak report checked points into these libraries.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango-1.0.so\nleak:libpangoft2-1.0.so\nleak:libpangocairo-1.0.so\n";
}

namespace {

json::object model() {
  static const json::object assessment = json::parse(R"({"id":"asm_1","name":"<Q1> & \"x\"","approach":"clauses",
    "target_maturity":3,"owner":"Zoë","assessment_date":"2026-03-02","status":"in_progress"})").as_object();
  static const json::object answers = json::parse(R"({"items":[
    {"item_id":"4.1","kind":"clause","title":"Context","maturity":1,"not_applicable":false,"skipped":false,"owner":"A","notes":"<b>n</b>"},
    {"item_id":"4.2","kind":"clause","title":"Parties","maturity":null,"not_applicable":false,"skipped":true,"owner":"","notes":""},
    {"item_id":"5.1","kind":"clause","title":"Leadership","maturity":5,"not_applicable":false,"skipped":false,"owner":"","notes":""}]})")
                                      .as_object();
  static const json::object results = json::parse(R"({"target_maturity":3,"overall_maturity":2,"answered":2,"total":3,
    "not_applicable":0,"readiness":{"percent":44.4,"achieved":4,"required":9,"formula":"f"},
    "by_clause":[{"id":"4","title":"Context of the organization","maturity":0.5,"items":2,"answered":1,"below_target":2},
                 {"id":"5","title":"Leadership","maturity":5,"items":1,"answered":1,"below_target":0},
                 {"id":"6","title":"Planning","maturity":null,"items":0,"answered":0,"below_target":0}],
    "by_area":[],
    "gaps":[{"item_id":"4.2","kind":"clause","title":"Parties","maturity":0,"target":3,"gap":3,"priority":"stage1","answered":false},
            {"item_id":"4.1","kind":"clause","title":"Context","maturity":1,"target":3,"gap":2,"priority":"stage1","answered":true}]})")
                                      .as_object();
  // Actions in the roadmap's own (audit) order; the report sorts them by phase, then start.
  static const json::object roadmap = json::parse(R"({"start_date":"2027-01-04","capacity":2,"actions":[
    {"id":"act-5.1","item_id":"5.1","title":"T5","suggested_action":"Do 5","phase":2,"effort":"S","start_date":"2027-01-04","target_date":"2027-01-11","owner":"","status":"open"},
    {"id":"act-4.2","item_id":"4.2","title":"T42","suggested_action":"Do 4.2","phase":1,"effort":"S","start_date":"2027-01-11","target_date":"2027-01-18","owner":"","status":"done"},
    {"id":"act-4.1","item_id":"4.1","title":"T41","suggested_action":"Do 4.1","phase":1,"effort":"M","start_date":"2027-01-04","target_date":"2027-01-25","owner":"A","status":"open"},
    {"id":"act-4.3","item_id":"4.3","title":"T43","suggested_action":"","phase":1,"effort":"S","start_date":"2027-01-11","target_date":"2027-01-18","owner":"","status":"open"}],
    "phases":[{"phase":1,"name":"Foundations","actions":2,"start_date":"2027-01-04","end_date":"2027-02-01"}]})")
                                      .as_object();
  return assessment_report({"Org", "2026-03-02T10:00:00.000Z", assessment, answers, results, roadmap});
}

}  // namespace

TEST(Report, DatesArePrintedForPeopleInOneStyle) {
  EXPECT_EQ(people_date("2026-12-06"), "6 Dec 2026");
  EXPECT_EQ(people_date("2027-01-31T23:59:59.123Z"), "31 Jan 2027");
  EXPECT_EQ(people_date_time("2026-03-02T10:05:00.000Z"), "2 Mar 2026, 10:05 UTC");
  EXPECT_EQ(people_date_time("2026-03-02"), "2 Mar 2026");
  EXPECT_EQ(people_date_time("2026-03-02T10:05:00+02:00"), "2 Mar 2026") << "a time in UTC only";
  for (auto s : {"", "soon", "2026-13-01", "2026-02-30", "2026-12-06x"}) {
    EXPECT_EQ(people_date(s), s);
    EXPECT_EQ(people_date_time(s), s);
  }
  EXPECT_EQ(std::string(kXlsxDate), "d mmm yyyy");
}

TEST(Report, FiguresAreFormattedOnceForEveryRendering) {
  EXPECT_EQ(maturity_text(json::value(2.5)), "2.50");
  EXPECT_EQ(maturity_text(json::value(3)), "3.00");
  EXPECT_EQ(maturity_text(json::value(nullptr)), "N/A");
  EXPECT_EQ(percent_text(json::value(90.6)), "90.6%");
  auto m = model();
  const auto& sum = m.at("summary").as_object();
  EXPECT_EQ(sum.at("overall_maturity_text").as_string(), "2.00");
  EXPECT_EQ(sum.at("readiness").at("percent_text").as_string(), "44.4%");
  EXPECT_EQ(sum.at("top_gaps").as_array().size(), 2u);
  EXPECT_EQ(sum.at("top_gaps").at(0).at("maturity_text").as_string(), "unanswered");
  EXPECT_EQ(sum.at("top_gaps").at(1).at("owner").as_string(), "A");
  const auto& items = m.at("items").as_array();
  EXPECT_EQ(items.at(0).at("gap").as_int64(), 2);
  EXPECT_EQ(items.at(1).at("status").as_string(), "skipped");
  EXPECT_EQ(items.at(1).at("gap").as_int64(), 3);
  EXPECT_EQ(items.at(2).at("gap").as_int64(), 0);
  EXPECT_EQ(m.at("by_clause").at(2).at("maturity_text").as_string(), "N/A");
}

TEST(Report, HtmlEscapesUserText) {
  EXPECT_EQ(html_escape(R"(<a href="x">'&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  auto html = assessment_report_html(model());
  EXPECT_NE(html.find("&lt;Q1&gt; &amp; &quot;x&quot;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;n&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>n</b>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Not in the scope of this assessment."), std::string::npos) << "no Annex A areas";
}

TEST(Report, PdfsArePdfs) {
  auto pdf = assessment_report_pdf(model());
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  auto soa = json::parse(R"({"version":null,"exported_at":"2026-03-02T10:00:00.000Z","summary":{"applicable":1},
    "items":[{"control_id":"A.2.2","area_id":"A.2","title":"AI policy","applicable":true,"justification":"",
    "reasons":["legal_requirement"],"implementation_status":"planned","owner":"","evidence_refs":[],"policy_refs":[],
    "latest_answer":null}]})")
                 .as_object();
  auto spdf = soa_pdf(soa, "Org");
  ASSERT_TRUE(spdf);
  EXPECT_EQ(spdf->substr(0, 5), "%PDF-");
}

TEST(Report, RoadmapActionsAreSortedByPhaseThenStartWithTheirActionText) {
  auto m = model();
  std::vector<std::string> order;
  for (const auto& a : m.at("roadmap").at("actions").as_array()) order.emplace_back(a.at("item_id").as_string());
  // 4.2 and 4.3 start the same day: the roadmap's order among them stays.
  EXPECT_EQ(order, (std::vector<std::string>{"4.1", "4.2", "4.3", "5.1"}));
  EXPECT_EQ(m.at("roadmap").at("actions").at(0).at("suggested_action").as_string(), "Do 4.1");
  auto html = assessment_report_html(m);
  EXPECT_NE(html.find("T41<br><span class=\"muted\">Do 4.1</span>"), std::string::npos);
  EXPECT_LT(html.find("T41"), html.find("T42"));
  EXPECT_LT(html.find("T43"), html.find("T5"));
  EXPECT_EQ(html.find("2027-01-"), std::string::npos) << "dates for people";
  EXPECT_NE(html.find("4 Jan 2027"), std::string::npos);
}

// The structure tree itself (headings, one row per item, the roadmap's order) is read back with
// poppler in tests/http/report.test.mjs.
TEST(Report, PdfsAreTaggedWithTheirMetadata) {
  auto pdf = assessment_report_pdf(model());
  ASSERT_TRUE(pdf);
  EXPECT_NE(pdf->find("/MarkInfo << /Marked true >>"), std::string::npos) << "a tagged PDF";
  EXPECT_NE(pdf->find("/StructTreeRoot"), std::string::npos);
  EXPECT_NE(pdf->find("/Author (Org)"), std::string::npos);
}

TEST(Report, FileNamesSayOrganizationDocumentAndDate) {
  EXPECT_EQ(gap_assessment_file_stem(model()), "Org gap assessment 2026-03-02");
  EXPECT_EQ(file_stem("", "gap assessment", "2026-03-02T10:00:00Z"), "gap assessment 2026-03-02");
  auto soa = json::parse(R"({"version":3,"exported_at":"2026-12-06T23:59:00.000Z"})").as_object();
  EXPECT_EQ(soa_file_stem(soa, "Zoë AG"), "Zoë AG statement of applicability v3 2026-12-06");
  soa["version"] = nullptr;
  EXPECT_EQ(soa_file_stem(soa, "Zoë AG"), "Zoë AG statement of applicability working copy 2026-12-06");
  auto impact = json::parse(R"({"organization":"Acme","exported_at":"2026-12-06T10:00:00Z","source":{"kind":"version","number":2},
    "assessment":{"ref":"IA-3"}})").as_object();
  EXPECT_EQ(impact_file_stem(impact), "Acme impact assessment IA-3 v2 2026-12-06");
  impact["source"] = json::object{{"kind", "working"}};
  EXPECT_EQ(impact_file_stem(impact), "Acme impact assessment IA-3 working copy 2026-12-06");
}
