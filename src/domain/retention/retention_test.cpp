// The date a record is kept until: its last change plus the period in months, on the last day of
// the month when the month is shorter.
#include <gtest/gtest.h>

#include "domain/retention/retention.hpp"

namespace aims::retention {

TEST(RetentionAddMonths, CountsCalendarMonthsFromTheDateOfATimeStamp) {
  EXPECT_EQ(add_months("2026-03-15T10:20:30Z", 1), "2026-04-15");
  EXPECT_EQ(add_months("2026-03-15", 84), "2033-03-15");
  EXPECT_EQ(add_months("2026-11-30", 3), "2027-02-28");
  EXPECT_EQ(add_months("2027-11-30", 3), "2028-02-29");
  EXPECT_EQ(add_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(add_months("2026-12-31", 12), "2027-12-31");
}

TEST(RetentionAddMonths, GivesNothingForAnUnreadableDate) {
  EXPECT_EQ(add_months("", 1), "");
  EXPECT_EQ(add_months("2026-02-30", 1), "");
}

}  // namespace aims::retention
