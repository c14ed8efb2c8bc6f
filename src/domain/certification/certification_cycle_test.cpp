// The certification cycle rule at its boundaries: expiry by default and as stored, expired the day
// after the expiry (not on it), withdrawn stays withdrawn, surveillance due 12 and 24 months after
// the decision (month ends), recertification three months before the expiry, the milestone states
// (done, planned, overdue, due, not recorded) and the words of what is next.
#include <gtest/gtest.h>

#include "domain/certification/certification_kinds.hpp"
#include "domain/certification/certification_service.hpp"

namespace aims::certification {
namespace {
namespace json = boost::json;

Date d(const char* s) { return parse_date(s).value(); }

json::object cert(std::string issued, std::string status = "valid", std::string expires = "") {
  json::object o{{"id", "CERT-1"}, {"certificate_number", "N-1"}, {"certification_body", "Body"}, {"scope_version", 2},
                 {"issued_on", issued}, {"status", status}};
  if (!expires.empty()) o["expires_on"] = expires;
  return o;
}

json::object audit(std::string id, std::string type, std::string status, std::string planned, std::string end = "") {
  json::object o{{"id", id}, {"type", type}, {"status", status}, {"planned_start", planned}};
  if (!end.empty()) o["actual_end"] = end;
  return o;
}

const json::object& milestone(const json::object& cycle, const char* type) {
  for (const auto& m : cycle.at("milestones").as_array())
    if (m.as_object().at("type").as_string() == type) return m.as_object();
  throw std::runtime_error(type);
}

TEST(CertificationCycle, ExpiryAndStatus) {
  EXPECT_EQ(format_date(*expiry_of(cert("2026-03-16"))), "2029-03-16");
  EXPECT_EQ(format_date(*expiry_of(cert("2024-02-29"))), "2027-02-28") << "a leap day moves to the month's end";
  EXPECT_EQ(format_date(*expiry_of(cert("2026-03-16", "valid", "2029-03-15"))), "2029-03-15");
  EXPECT_FALSE(expiry_of(json::object{}));
  EXPECT_EQ(status_on(cert("2026-03-16"), d("2029-03-16")), "valid") << "valid on its expiry day";
  EXPECT_EQ(status_on(cert("2026-03-16"), d("2029-03-17")), "expired");
  EXPECT_EQ(status_on(cert("2026-03-16", "suspended"), d("2027-01-01")), "suspended");
  EXPECT_EQ(status_on(cert("2026-03-16", "suspended"), d("2030-01-01")), "expired");
  EXPECT_EQ(status_on(cert("2026-03-16", "withdrawn"), d("2030-01-01")), "withdrawn");
}

TEST(CertificationCycle, DueDates) {
  auto c = cert("2026-01-31");
  auto cy = cycle_of(&c, {}, d("2026-06-01"));
  EXPECT_EQ(milestone(cy, "surveillance1").at("due").as_string(), "2027-01-31");
  EXPECT_EQ(milestone(cy, "surveillance2").at("due").as_string(), "2028-01-31");
  EXPECT_EQ(milestone(cy, "recertification").at("due").as_string(), "2028-10-31");
  EXPECT_EQ(milestone(cy, "stage1").at("state").as_string(), "not_recorded") << "a certificate implies its stages";
  EXPECT_EQ(cy.at("next").as_object().at("type").as_string(), "surveillance1");
  EXPECT_EQ(cy.at("next").as_object().at("text").as_string(), "next: Surveillance 1 in 7 months");
  EXPECT_EQ(cy.at("certificate").as_object().at("status").as_string(), "valid");
  // The day after the due date with no audit: overdue.
  cy = cycle_of(&c, {}, d("2027-02-01"));
  EXPECT_EQ(milestone(cy, "surveillance1").at("state").as_string(), "overdue");
  EXPECT_EQ(cy.at("next").as_object().at("text").as_string(), "next: Surveillance 1 1 day ago");
  cy = cycle_of(&c, {}, d("2027-01-31"));
  EXPECT_EQ(milestone(cy, "surveillance1").at("state").as_string(), "due") << "due on its day, not overdue";
  EXPECT_EQ(cy.at("next").as_object().at("text").as_string(), "next: Surveillance 1 today");
}

TEST(CertificationCycle, AuditsDecideTheStates) {
  auto c = cert("2026-03-16");
  std::vector<json::object> audits{audit("CERTA-1", "stage1", "completed", "2026-01-12", "2026-01-13"),
                                   audit("CERTA-2", "stage2", "completed", "2026-02-16", "2026-02-18"),
                                   audit("CERTA-5", "surveillance1", "cancelled", "2027-01-10"),
                                   audit("CERTA-3", "surveillance1", "planned", "2027-02-15")};
  auto cy = cycle_of(&c, audits, d("2026-12-07"));
  EXPECT_EQ(milestone(cy, "stage1").at("state").as_string(), "done");
  EXPECT_EQ(milestone(cy, "stage1").at("date").as_string(), "2026-01-13");
  EXPECT_EQ(milestone(cy, "surveillance1").at("state").as_string(), "planned");
  EXPECT_EQ(milestone(cy, "surveillance1").at("audit_id").as_string(), "CERTA-3") << "a planned audit before a cancelled one";
  EXPECT_EQ(cy.at("next").as_object().at("text").as_string(), "next: Surveillance 1 in 2 months");
  EXPECT_EQ(cy.at("next").as_object().at("in_days").as_int64(), 70);
  // The planned start passed without the audit being held: overdue.
  cy = cycle_of(&c, audits, d("2027-02-16"));
  EXPECT_EQ(milestone(cy, "surveillance1").at("state").as_string(), "overdue");
  // Held: the next is surveillance 2, due 24 months after the decision.
  audits[3] = audit("CERTA-3", "surveillance1", "completed", "2027-02-15", "2027-02-16");
  cy = cycle_of(&c, audits, d("2027-03-01"));
  EXPECT_EQ(cy.at("next").as_object().at("type").as_string(), "surveillance2");
  EXPECT_EQ(cy.at("next").as_object().at("date").as_string(), "2028-03-16");
  EXPECT_EQ(cy.at("next").as_object().at("text").as_string(), "next: Surveillance 2 in 12 months");
}

TEST(CertificationCycle, NoCertificate) {
  auto cy = cycle_of(nullptr, {audit("CERTA-1", "stage1", "completed", "2026-01-12", "2026-01-13")}, d("2026-01-20"));
  EXPECT_TRUE(cy.at("certificate").is_null());
  EXPECT_EQ(milestone(cy, "stage1").at("state").as_string(), "done");
  EXPECT_EQ(milestone(cy, "stage2").at("state").as_string(), "due");
  EXPECT_TRUE(milestone(cy, "surveillance1").at("due").is_null());
  EXPECT_EQ(cy.at("next").as_object().at("text").as_string(), "next: Stage 2 (not planned yet)");
}

TEST(CertificationCycle, RequirementsCatalog) {
  const auto& all = requirements();
  ASSERT_GE(all.size(), 16u);
  for (const auto& r : all) EXPECT_TRUE(is_requirement(r.clause)) << r.id;
  EXPECT_TRUE(is_requirement("A.6.2.4"));
  EXPECT_TRUE(is_requirement("9.2.2"));
  EXPECT_FALSE(is_requirement("A.6"));
  EXPECT_FALSE(is_requirement("11"));
}

}  // namespace
}  // namespace aims::certification
