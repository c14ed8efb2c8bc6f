// The report model's figures and texts, HTML escaping, and that the PDFs are PDFs with numbered
// pages (their text is checked against the API in tests/http/report.test.mjs).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "report/assessment_html.hpp"
#include "report/assessment_pdf.hpp"
#include "report/assessment_report.hpp"
#include "report/cells.hpp"
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
  static const json::object roadmap = json::parse(R"({"start_date":"2027-01-04","capacity":2,"actions":[],
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
