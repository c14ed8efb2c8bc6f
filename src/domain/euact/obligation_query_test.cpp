// The obligations register's list parameters: their checks, the article match, the facets a
// stored obligation is listed by and the store conditions the filters become.
#include <gtest/gtest.h>

#include "domain/euact/obligation_kind.hpp"
#include "domain/euact/obligation_query.hpp"
#include "domain/euact/test_support.hpp"

using namespace aims;
using namespace aims::euact;
namespace json = boost::json;

namespace {

store::RecordRow row(const char* system, const char* id, int position, json::object doc) {
  store::RecordRow r;
  r.kind = "obligation";
  r.parent_id = system;
  r.id = id;
  r.position = position;
  r.doc = json::serialize(doc);
  return r;
}

}  // namespace

TEST(ObligationQuery, BadParametersAreNamed) {
  std::vector<FieldError> errs;
  read_filters({{"role", "owner"}, {"due_before", "2027-02-30"}, {"overdue", "maybe"}, {"retired", "sometimes"},
                {"applies_from", "x"}, {"recheck", "1"}, {"system_class", "scary"}, {"article", ""}},
               errs);
  std::vector<std::string> fields;
  for (const auto& e : errs) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"article", "role", "due_before", "applies_from", "overdue", "recheck",
                                              "system_class", "retired"}));
  auto p = records::parse_list(obligation_kind(), {{"status", "done"}, {"sort", "title"}, {"limit", "0"}, {"cursor", "!!"}, {"q", "x"}});
  ASSERT_FALSE(p);
  fields.clear();
  for (const auto& e : p.error().errors) fields.push_back(e.field);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"cursor", "limit", "q", "sort", "status"}));
}

TEST(ObligationQuery, ArticlesMatchByIdOrArticlePrefix) {
  const auto& d = euact::testing::data();
  auto has = [](const std::vector<std::string>& ids, const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  EXPECT_TRUE(has(article_ids(d, "art26"), "art26"));
  EXPECT_TRUE(has(article_ids(d, "ART26"), "art26"));
  EXPECT_TRUE(has(article_ids(d, "Art. 50"), "art50-1-disclose"));
  EXPECT_TRUE(has(article_ids(d, "art. 50(1)"), "art50-1-disclose"));
  EXPECT_FALSE(has(article_ids(d, "Art. 5"), "art50-1-disclose"));  // not a prefix match without "("
  EXPECT_FALSE(has(article_ids(d, "Art. 5"), "art26"));
}

TEST(ObligationQuery, FacetsKeepTheRegistersOrderOfTies) {
  const auto& k = obligation_kind();
  auto a = records::derive_facets(k, row("sys_a", "art26", 20, {{"status", "met"}, {"applies_from", "2027-12-02"},
                                                                 {"due", "2027-12-02"}, {"roles", json::array{"deployer", "provider"}}}));
  auto b = records::derive_facets(k, row("sys_b", "art9", 2, {{"status", "not_started"}, {"applies_from", "2027-12-02"},
                                                                {"due", "2027-12-02"}, {"retired", true}}));
  auto c = records::derive_facets(k, row("sys_a", "art9", 2, {{"status", "met"}, {"applies_from", "2027-12-02"}, {"due", "2027-12-02"}}));
  EXPECT_EQ(a.text[0], "sys_a");
  EXPECT_EQ(a.text[1], "met");
  EXPECT_EQ(a.text[2], "");
  EXPECT_EQ(b.text[2], "true");
  EXPECT_EQ(a.text[4], "2027-12-02");
  EXPECT_EQ(a.search, "|deployer|provider|");
  EXPECT_LT(c.text[5], a.text[5]);  // same date: the system, then the article position
  EXPECT_LT(a.text[5], b.text[5]);
  EXPECT_LT(b.text[7], a.text[7]);  // not_started before met
  EXPECT_LT(a.text[6], "2027-12-03");
  EXPECT_FALSE(a.text[6] < "2027-12-02");
  auto broken = k.facets(row("sys_a", "art4", 1, {}), nullptr);
  EXPECT_EQ(broken.text[2], "") << "an unreadable obligation is listed with the current ones";
  EXPECT_EQ(broken.text[3], "art4");
}

TEST(ObligationQuery, FiltersBecomeStoreConditions) {
  std::vector<FieldError> errs;
  store::RecordQuery q;
  add_conditions(read_filters({{"overdue", "true"}, {"due_before", "2030-01-01"}, {"role", "deployer"}}, errs),
                 euact::testing::data(), "2027-01-15", q);
  EXPECT_TRUE(errs.empty());
  ASSERT_TRUE(q.below);
  EXPECT_EQ(q.below->second, "2027-01-15");  // the earlier of today and due_before
  EXPECT_EQ(q.text, "|deployer|");
  EXPECT_EQ(q.filters.size(), 3u);  // current, current (overdue), open
  store::RecordQuery all;
  add_conditions(read_filters({{"retired", "all"}}, errs), euact::testing::data(), "2027-01-15", all);
  EXPECT_TRUE(all.filters.empty());
  EXPECT_FALSE(all.below);
}
