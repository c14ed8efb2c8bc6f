// The obligations register's filters, order and cursors.
#include <gtest/gtest.h>

#include "domain/euact/obligation_query.hpp"

using namespace aims;
using namespace aims::euact;
namespace json = boost::json;

namespace {

/// A row as row_of reads it from a stored record's JSON text.
ObligationRow row(const char* system, const char* id, const char* article, int index, const char* status, const char* applies,
                  const char* due, bool retired = false, std::initializer_list<const char*> roles = {"provider"}) {
  json::array r;
  for (auto x : roles) r.emplace_back(x);
  auto out = row_of(json::serialize(json::object{{"system_id", system}, {"obligation_id", id}, {"status", status},
                                                 {"applies_from", applies}, {"due", due}, {"retired", retired},
                                                 {"roles", std::move(r)}, {"notes", "not read"}}));
  out.article = article;
  out.data_index = index;
  out.system_key = std::string(system) + " name";
  return out;
}

}  // namespace

TEST(ObligationQuery, BadParametersAreNamed) {
  ObligationParams p;
  p.status = "done";
  p.role = "owner";
  p.due_before = "2027-02-30";
  p.overdue = "maybe";
  p.retired = "sometimes";
  p.sort = "title";
  p.limit = "0";
  p.cursor = "!!";
  auto q = parse_query(p);
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().code, errc::bad_request);
  std::vector<std::string> fields;
  for (const auto& e : q.error().errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"status", "role", "due_before", "overdue", "retired", "sort", "limit", "cursor"}));
}

TEST(ObligationQuery, FiltersByEveryField) {
  const std::string today = "2027-01-15";
  auto open_past = row("sys_a", "art50-1-disclose", "Art. 50(1)", 30, "in_progress", "2026-08-02", "2026-08-02");
  auto met_past = row("sys_a", "art53", "Art. 53", 35, "met", "2025-08-02", "2025-08-02");
  auto future = row("sys_b", "art26", "Art. 26", 20, "not_started", "2027-12-02", "2027-12-02", false, {"deployer"});
  auto gone = row("sys_b", "art9", "Art. 9", 2, "not_started", "2027-12-02", "2027-12-02", true);
  auto check = [&](ObligationParams p, std::vector<bool> want) {
    auto q = parse_query(p);
    ASSERT_TRUE(q);
    std::vector<bool> got;
    for (const auto* r : {&open_past, &met_past, &future, &gone}) got.push_back(matches(*q, *r, today));
    EXPECT_EQ(got, want);
  };
  check({}, {true, true, true, false});
  check({.retired = "true"}, {false, false, false, true});
  check({.retired = "all"}, {true, true, true, true});
  check({.system = "sys_b"}, {false, false, true, false});
  check({.status = "met"}, {false, true, false, false});
  check({.article = "Art. 50"}, {true, false, false, false});
  check({.article = "art. 50(1)"}, {true, false, false, false});
  check({.article = "art26"}, {false, false, true, false});
  check({.article = "Art. 5"}, {false, false, false, false});  // not a prefix match without "("
  check({.role = "deployer"}, {false, false, true, false});
  check({.due_before = "2026-01-01"}, {false, true, false, false});
  check({.overdue = "true"}, {true, false, false, false});
  check({.applies_from = "2027-12-02"}, {false, false, true, false});
  EXPECT_TRUE(is_overdue(open_past, today));
  EXPECT_FALSE(is_overdue(met_past, today));
  EXPECT_FALSE(is_overdue(future, today));
  EXPECT_EQ(open_past.roles, std::vector<std::string>{"provider"});
  EXPECT_EQ(row_of("not json").system_id, "");
}

TEST(ObligationQuery, SortKeysOrderByValueThenSystemThenArticle) {
  auto q = parse_query({});
  ASSERT_TRUE(q);
  auto a = sort_key(*q, row("sys_b", "art9", "Art. 9", 2, "met", "2027-12-02", "2027-12-02"));
  auto b = sort_key(*q, row("sys_a", "art26", "Art. 26", 20, "met", "2027-12-02", "2027-12-02"));
  auto c = sort_key(*q, row("sys_a", "art50-1-disclose", "Art. 50(1)", 30, "met", "2026-08-02", "2026-08-02"));
  EXPECT_LT(c, b);
  EXPECT_LT(b, a);
  auto by_status = parse_query({.sort = "-status"});
  ASSERT_TRUE(by_status);
  EXPECT_TRUE(by_status->descending);
  EXPECT_LT(sort_key(*by_status, row("s", "x", "Art. 9", 1, "not_started", "", "")),
            sort_key(*by_status, row("s", "x", "Art. 9", 1, "met", "", "")));
}

TEST(ObligationQuery, ACursorIsBoundToItsSortOrder) {
  auto q = parse_query({.sort = "due"});
  ASSERT_TRUE(q);
  auto key = sort_key(*q, row("sys_a", "art26", "Art. 26", 20, "met", "2027-12-02", "2027-12-02"));
  auto cursor = cursor_of(*q, key);
  auto again = parse_query({.sort = "due", .cursor = cursor});
  ASSERT_TRUE(again);
  EXPECT_EQ(*again->after, key);
  EXPECT_FALSE(parse_query({.sort = "applies_from", .cursor = cursor}));
}
