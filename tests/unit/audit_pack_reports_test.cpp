// The reports of the auditor package (docs/formats/audit-pack.md, "Reports"): which ones a package
// holds, the exact bytes of the risk register CSV and of the index, and the SoA CSV being the bytes
// of the SoA export.
#include <gtest/gtest.h>

#include "audit_pack_fixture.hpp"
#include "domain/ledger/audit_pack_reports.hpp"
#include "domain/risk/risk_csv.hpp"
#include "domain/soa/soa_csv.hpp"

using namespace aims;
using namespace aims::ledger;
namespace json = boost::json;

namespace {

json::object risk_row(const std::string& id, std::int64_t number, json::object doc) {
  return json::object{{"id", id},       {"version", 2},      {"created_at", "2026-11-01T10:00:00.000Z"},
                      {"updated_at", "2026-11-02T10:00:00.000Z"}, {"parent_id", ""}, {"position", number},
                      {"ref", ""},      {"doc", std::move(doc)}};
}

}  // namespace

TEST(AuditPackReports, TheRiskRegisterCsvHasOneRowPerRiskInOrderOfNumberWithGuardedCells) {
  json::array rows{risk_row("R-10", 10, json::object{{"title", "=HYPERLINK(\"x\")"}, {"inherent_likelihood", 4},
                                                     {"risk_sources", json::array{"C.3.1", "C.3.4"}}, {"status", "open"}}),
                   risk_row("R-2", 2, json::object{{"title", "Drift, \"silent\""}, {"owner", nullptr}, {"treatment", "modify"}})};
  auto header = std::string("id,number,version,title,description,system_id,risk_sources,objectives,inherent_likelihood,"
                            "inherent_impact,existing_controls,treatment,treatment_plan,planned_controls,residual_likelihood,"
                            "residual_impact,residual_rationale,owner,due_date,review_date,status,created_at,updated_at\r\n");
  EXPECT_EQ(risk::risk_register_csv(rows),
            "\xEF\xBB\xBF" + header +
                "R-2,2,2,\"Drift, \"\"silent\"\"\",,,,,,,,modify,,,,,,,,,,2026-11-01T10:00:00.000Z,2026-11-02T10:00:00.000Z\r\n"
                "R-10,10,2,\"'=HYPERLINK(\"\"x\"\")\",,,C.3.1; C.3.4,,4,,,,,,,,,,,,open,2026-11-01T10:00:00.000Z,"
                "2026-11-02T10:00:00.000Z\r\n");
  EXPECT_EQ(risk::risk_register_csv(json::array{}), "\xEF\xBB\xBF" + header);
  // Rows of unexpected shapes give empty cells, never an exception (the verifier reads any file).
  EXPECT_NO_THROW(risk::risk_register_csv(json::array{1, json::object{{"doc", "x"}, {"position", "y"}}}));
}

TEST(AuditPackReports, ThePlanTakesTheLatestApprovedSoaVersionAndTheLatestAssessment) {
  auto version = [](std::int64_t n) { return json::object{{"id", std::to_string(n)}, {"doc", json::object{{"number", n}, {"items", json::array{}}}}}; };
  auto assessment = [](const std::string& id, const std::string& date, const std::string& created) {
    return json::object{{"id", id}, {"created_at", created}, {"doc", json::object{{"assessment_date", date}}}};
  };
  auto plan = plan_reports(json::array{version(3), version(12), version(5), json::object{{"doc", "bad"}}},
                           json::array{assessment("as_b", "2026-10-01", "2026-11-05"), assessment("as_a", "2026-11-01", "2026-11-01"),
                                       assessment("as_c", "2026-11-01", "2026-10-01")},
                           json::array{json::object{}, json::object{}});
  ASSERT_TRUE(plan.soa_version);
  EXPECT_EQ(plan.soa_number, 12);
  EXPECT_EQ(*plan.assessment_id, "as_a");
  EXPECT_EQ(report_paths(plan), (std::vector<std::string>{"reports/gap-assessment-as_a.pdf", "reports/index.txt",
                                                          "reports/risk-register.csv", "reports/soa-v12.csv",
                                                          "reports/soa-v12.pdf"}));
  EXPECT_NE(reports_index(plan).find("reports/soa-v12.csv\nreports/soa-v12.pdf\n  The Statement of Applicability as "
                                     "approved in version 12 (records/soa_versions.json).\n"),
            std::string::npos);
  EXPECT_NE(reports_index(plan).find("The AI risk register: 2 risks,"), std::string::npos);
  EXPECT_NE(reports_index(plan).find("The report of the latest gap assessment, as_a of 2026-11-01 "), std::string::npos);
  // A hostile id can neither leave reports/ nor add lines to the index.
  plan = plan_reports(json::array{}, json::array{assessment("../x\nFake line", "", "")}, json::array{});
  EXPECT_EQ(plan.assessment_pdf_path(), "reports/gap-assessment-x_Fake_line.pdf");
  EXPECT_NE(reports_index(plan).find("gap assessment, ../x?Fake line (records"), std::string::npos);
}

TEST(AuditPackReports, WithoutApprovedSoaOrAssessmentTheIndexSaysSoAndNoFileIsExpected) {
  auto plan = plan_reports(json::array{}, json::array{}, json::array{json::object{}});
  EXPECT_EQ(report_paths(plan), (std::vector<std::string>{"reports/index.txt", "reports/risk-register.csv"}));
  EXPECT_EQ(reports_index(plan),
            "Reports of this package\n"
            "=======================\n"
            "\n"
            "Readable copies of records of this package, made from them when the package was made. The\n"
            "records files are what the audit log vouches for; `aims audit verify --pack` checks that each\n"
            "CSV report is exactly the one its records file gives, and that this index is the one they give.\n"
            "\n"
            "reports/risk-register.csv\n"
            "  The AI risk register: 1 risk, one row each in order of number (records/risk.json).\n"
            "No version of the Statement of Applicability is approved: the package holds no SoA report.\n"
            "The organization has no gap assessment: the package holds no gap-assessment report.\n");
}

TEST(AuditPackReports, TheSoaCsvIsTheExportsCsvWithGuardedCells) {
  auto csv = soa::soa_csv(json::array{pack_test::soa_item("A.2.2", "implemented", {"R-1", "R-2"})});
  EXPECT_EQ(csv, "\xEF\xBB\xBF"
                 "control_id,area,title,applicable,justification,reasons,implementation_status,owner,evidence_refs,"
                 "policy_refs,latest_maturity,latest_assessment,linked_risks\r\n"
                 "A.2.2,A.2,Control A.2.2,yes,\"Needed, for \"\"reasons\"\"\",risk assessment,implemented,'=CISO,,"
                 "POL-1; POL-2,,,R-1; R-2\r\n");
}

