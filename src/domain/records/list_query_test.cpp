// The one list parser and cursor codec of generic records, driven by a KindSpec.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/records/list_query.hpp"

using namespace aims;
using namespace aims::records;
using store::FacetSlot;

namespace {

KindSpec spec() {
  KindSpec k;
  k.kind = "thing";
  FilterSpec status;
  status.name = "status";
  status.slot = FacetSlot::text3;
  status.values = {"open", "closed"};
  FilterSpec owner;
  owner.name = "owner";
  owner.slot = FacetSlot::text1;
  owner.to_facet = [](const std::string& v) { return v == " " ? std::string() : "k:" + v; };
  owner.skip_blank = true;
  FilterSpec system;
  system.name = "system_id";
  system.on_ref = true;
  FilterSpec level;
  level.name = "level";
  level.where = Where::memory;
  k.filters = {status, owner, system, level};
  k.sorts = {SortSpec{"number", Where::sql, FacetSlot::position}, SortSpec{"title", Where::sql, FacetSlot::text0},
             SortSpec{"score", Where::memory, FacetSlot::position}};
  k.extra_params = {"format"};
  return k;
}

std::vector<std::string> fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.errors) out.push_back(f.field);
  return out;
}

}  // namespace

TEST(ListQuery, DefaultsAndSqlFilters) {
  auto q = parse_list(spec(), {{"status", "open"}, {"owner", "Ann"}, {"system_id", "sys-1"}, {"q", "  Drift "}});
  ASSERT_TRUE(q) << q.error().detail;
  EXPECT_EQ(q->sort, "number");
  EXPECT_EQ(q->sql.sort, FacetSlot::position);
  EXPECT_FALSE(q->descending);
  EXPECT_EQ(q->limit, 50);
  EXPECT_EQ(q->sql.limit, 50);
  EXPECT_TRUE(q->in_sql());
  ASSERT_EQ(q->sql.filters.size(), 2u);
  EXPECT_EQ(q->sql.filters[0].slot, FacetSlot::text3);
  EXPECT_EQ(q->sql.filters[0].any_of, std::vector<std::string>{"open"});
  EXPECT_EQ(q->sql.filters[1].any_of, std::vector<std::string>{"k:Ann"});
  EXPECT_EQ(q->sql.ref, "sys-1");
  EXPECT_EQ(q->sql.text, "drift");
  // A value that gives an empty facet filters nothing when the spec says so.
  auto blank = parse_list(spec(), {{"owner", " "}});
  ASSERT_TRUE(blank);
  EXPECT_TRUE(blank->sql.filters.empty());
}

TEST(ListQuery, MemoryFiltersAndSortsLeaveTheSql) {
  auto q = parse_list(spec(), {{"level", "high"}, {"sort", "-title"}, {"format", "csv"}});
  ASSERT_TRUE(q) << q.error().detail;
  EXPECT_FALSE(q->in_sql());
  EXPECT_EQ(q->get("level"), "high");
  EXPECT_EQ(q->get("format"), "csv");
  EXPECT_TRUE(q->descending);
  EXPECT_EQ(q->sql.sort, FacetSlot::text0);
  auto s = parse_list(spec(), {{"sort", "score"}});
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->sort_in_sql);
  EXPECT_FALSE(s->in_sql());
}

TEST(ListQuery, EveryBadOrUnknownParameterIsNamed) {
  auto q = parse_list(spec(), {{"statsu", "open"}, {"status", "done"}, {"sort", "colour"}, {"limit", "0"},
                               {"cursor", "nonsense"}, {"q", std::string(201, 'x')}});
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().code, errc::bad_request);
  auto f = fields(q.error());
  std::sort(f.begin(), f.end());
  EXPECT_EQ(f, (std::vector<std::string>{"cursor", "limit", "q", "sort", "statsu", "status"}));
  for (auto bad : {"501", "1.5", "x", "-1", ""}) EXPECT_FALSE(parse_list(spec(), {{"limit", bad}})) << bad;
  for (auto good : {"1", "500"}) EXPECT_TRUE(parse_list(spec(), {{"limit", good}})) << good;
}

TEST(ListQuery, OneCursorCodecBoundToItsSort) {
  store::RecordPosition p{"ünï\x1f""0001", -7, "R-10", "parent"};
  auto c = encode_cursor("-title", p);
  auto back = decode_cursor("-title", c);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->text, p.text);
  EXPECT_EQ(back->number, -7);
  EXPECT_EQ(back->id, "R-10");
  EXPECT_EQ(back->parent_id, "parent");
  EXPECT_FALSE(decode_cursor("title", c));
  EXPECT_FALSE(decode_cursor("-title", c + "x"));
  auto q = parse_list(spec(), {{"sort", "-title"}, {"cursor", c}});
  ASSERT_TRUE(q);
  ASSERT_TRUE(q->sql.after);
  EXPECT_EQ(q->sql.after->id, "R-10");
  EXPECT_FALSE(parse_list(spec(), {{"sort", "title"}, {"cursor", c}}));
}

TEST(ListQuery, PositionOfARowUnderEachSlot) {
  store::RecordRow r;
  r.id = "R-2";
  r.position = 2;
  r.updated_at = "2026-01-01T00:00:00.000Z";
  r.facets.text[5] = "five";
  r.facets.number = 42;
  EXPECT_EQ(position_of(r, FacetSlot::text5).text, "five");
  EXPECT_EQ(position_of(r, FacetSlot::number).number, 42);
  EXPECT_EQ(position_of(r, FacetSlot::position).number, 2);
  EXPECT_EQ(position_of(r, FacetSlot::updated_at).text, r.updated_at);
  EXPECT_EQ(position_of(r, FacetSlot::text5).id, "R-2");
}
