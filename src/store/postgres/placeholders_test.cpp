// Unit tests of the `?` → $n rewriting of portable SQL for libpq.
#include <gtest/gtest.h>

#include "store/postgres/pg_connection.hpp"

namespace aims::store::postgres {
namespace {

TEST(ToDollarParams, NumbersPlaceholdersInOrder) {
  EXPECT_EQ(to_dollar_params("SELECT a FROM t WHERE b = ? AND (c, d) > (?, ?) LIMIT ?"),
            "SELECT a FROM t WHERE b = $1 AND (c, d) > ($2, $3) LIMIT $4");
  EXPECT_EQ(to_dollar_params("SELECT 1"), "SELECT 1");
}

TEST(ToDollarParams, LeavesQuotedTextIdentifiersAndCommentsAlone) {
  EXPECT_EQ(to_dollar_params("SELECT '?', 'it''s ?', \"odd?name\" FROM t WHERE x LIKE ? ESCAPE '!'"),
            "SELECT '?', 'it''s ?', \"odd?name\" FROM t WHERE x LIKE $1 ESCAPE '!'");
  EXPECT_EQ(to_dollar_params("SELECT ? -- why?\n, ?"), "SELECT $1 -- why?\n, $2");
}

}  // namespace
}  // namespace aims::store::postgres
