// The one rule of the competence matrix: cells from the expiry and whether a role requires the
// competence, and the expiry derived from a competence's validity.
#include "domain/people/competence_facts.hpp"

#include <gtest/gtest.h>

namespace aims::people {
namespace {

Date on(const char* d) { return *parse_date(d); }

TEST(CompetenceFacts, CellsFromExpiryAndRequirement) {
  const auto today = on("2026-12-07");
  EXPECT_EQ(cell_of(true, std::nullopt, today), Cell::gap);
  EXPECT_EQ(cell_of(false, std::nullopt, today), Cell::not_needed);
  EXPECT_EQ(cell_of(true, std::string(), today), Cell::held) << "no expiry: held for good";
  EXPECT_EQ(cell_of(false, std::string("2026-12-06"), today), Cell::expired);
  EXPECT_EQ(cell_of(true, std::string("2026-12-07"), today), Cell::expiring) << "valid through its expiry day";
  EXPECT_EQ(cell_of(true, std::string("2027-01-06"), today), Cell::expiring) << "30 days ahead";
  EXPECT_EQ(cell_of(true, std::string("2027-01-07"), today), Cell::held);
  EXPECT_EQ(cell_name(Cell::not_needed), "not_needed");
}

TEST(CompetenceFacts, ExpiryFromTheRecordElseTheValidity) {
  CompetenceInfo yearly;
  yearly.id = "COMP-1";
  yearly.validity_months = 12;
  CompetenceInfo lasting;
  lasting.id = "COMP-2";
  boost::json::object rec{{"achieved_on", "2024-02-29"}};
  EXPECT_EQ(effective_expiry(rec, &yearly), "2025-02-28") << "the month's last day when it is shorter";
  EXPECT_EQ(effective_expiry(rec, &lasting), "");
  EXPECT_EQ(effective_expiry(rec, nullptr), "");
  rec["expires_on"] = "2024-06-30";
  EXPECT_EQ(effective_expiry(rec, &yearly), "2024-06-30") << "its own expiry wins";
}

TEST(CompetenceFacts, AssignmentsHoldBetweenTheirDays) {
  EXPECT_TRUE(assignment_holds(boost::json::object{}, "2026-12-07"));
  EXPECT_TRUE(assignment_holds(boost::json::object{{"from", "2026-12-07"}, {"until", "2026-12-07"}}, "2026-12-07"));
  EXPECT_FALSE(assignment_holds(boost::json::object{{"from", "2026-12-08"}}, "2026-12-07"));
  EXPECT_FALSE(assignment_holds(boost::json::object{{"until", "2026-12-06"}}, "2026-12-07"));
}

}  // namespace
}  // namespace aims::people
