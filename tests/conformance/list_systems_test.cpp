// list_systems: filters, literal text search, every sort in both directions, keyset paging.
#include <algorithm>
#include <functional>

#include "fixture.hpp"

namespace aims::store::conformance {
namespace {

const std::vector<SystemSort> kSorts{SystemSort::name,   SystemSort::created_at,      SystemSort::updated_at,
                                     SystemSort::lifecycle_stage, SystemSort::eu_ai_act_class, SystemSort::status,
                                     SystemSort::owner};

/// The value a cursor carries for a sort: the column the sort orders by.
std::string sort_value(const SystemRow& s, SystemSort sort) {
  switch (sort) {
    case SystemSort::name: return s.name_key;
    case SystemSort::created_at: return s.created_at;
    case SystemSort::updated_at: return s.updated_at;
    case SystemSort::lifecycle_stage: return s.stage_rank;
    case SystemSort::eu_ai_act_class: return s.class_rank;
    case SystemSort::status: return s.status;
    case SystemSort::owner: return s.owner_key;
  }
  return {};
}

std::vector<std::string> system_ids(const std::vector<SystemRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

class ListSystems : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_orgs();
    // 12 systems in org-a with many ties in every sort column; ids not in insertion order.
    const char* names[] = {"mango", "apple", "kiwi", "banana", "cherry", "date", "fig", "grape", "lemon", "lime", "nut", "olive"};
    const char* owners[] = {"carol", "alice", "bob"};
    const char* statuses[] = {"draft", "approved", "in_review", "retired"};
    const std::pair<const char*, const char*> stages[] = {{"design", "2"}, {"deployment", "5"}, {"inception", "1"}};
    const std::pair<const char*, const char*> classes[] = {{"minimal", "1"}, {"high", "3"}, {"limited", "2"}, {"prohibited", "4"}};
    const char* roles[] = {"provider", "deployer"};
    for (int i = 0; i < 12; ++i) {
      SystemRow s = system("org-a", "id-" + std::to_string((i * 7) % 12 + 10), names[i]);
      s.owner_key = owners[i % 3];
      s.status = statuses[i % 4];
      s.lifecycle_stage = stages[i % 3].first;
      s.stage_rank = stages[i % 3].second;
      s.eu_ai_act_class = classes[i % 4].first;
      s.class_rank = classes[i % 4].second;
      s.organization_role = roles[i % 2];
      s.created_at = "2026-01-0" + std::to_string(1 + i % 4) + "T00:00:00.000Z";
      s.updated_at = "2026-02-0" + std::to_string(1 + i % 5) + "T00:00:00.000Z";
      s.search_text = std::string(names[i]) + " " + s.owner_key;
      s.archived = (i == 11);
      rows_.push_back(s);
      put(s);
    }
    put(system("org-b", "id-99", "apple"));  // never listed for org-a
  }

  /// What list_systems must return for q (ignoring limit and cursor), computed here.
  std::vector<SystemRow> expected(const SystemQuery& q, const std::function<bool(const SystemRow&)>& extra = {}) {
    std::vector<SystemRow> out;
    for (const auto& s : rows_) {
      if (q.archived == ArchivedFilter::active_only && s.archived) continue;
      if (q.archived == ArchivedFilter::archived_only && !s.archived) continue;
      if (q.status && s.status != *q.status) continue;
      if (q.lifecycle_stage && s.lifecycle_stage != *q.lifecycle_stage) continue;
      if (q.eu_ai_act_class && s.eu_ai_act_class != *q.eu_ai_act_class) continue;
      if (q.organization_role && s.organization_role != *q.organization_role) continue;
      if (extra && !extra(s)) continue;
      out.push_back(s);
    }
    std::sort(out.begin(), out.end(), [&](const SystemRow& a, const SystemRow& b) {
      auto ka = std::make_pair(sort_value(a, q.sort), a.id);
      auto kb = std::make_pair(sort_value(b, q.sort), b.id);
      return q.descending ? kb < ka : ka < kb;
    });
    return out;
  }

  static SystemQuery query() {
    SystemQuery q;
    q.org_id = "org-a";
    q.limit = 100;
    return q;
  }

  std::vector<SystemRow> rows_;
};

TEST_F(ListSystems, DefaultsToActiveSystemsByName) {
  SystemPage page = list(query());
  EXPECT_EQ(system_ids(page.items), system_ids(expected(query())));
  EXPECT_EQ(page.total, 11);
  EXPECT_FALSE(page.more);
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().name_key, "apple");
  EXPECT_EQ(page.items.front().org_id, "org-a");
}

TEST_F(ListSystems, ArchivedFilter) {
  SystemQuery q = query();
  q.archived = ArchivedFilter::archived_only;
  SystemPage page = list(q);
  EXPECT_EQ(system_ids(page.items), system_ids(expected(q)));
  EXPECT_EQ(page.total, 1);
  q.archived = ArchivedFilter::all;
  page = list(q);
  EXPECT_EQ(system_ids(page.items), system_ids(expected(q)));
  EXPECT_EQ(page.total, 12);
}

TEST_F(ListSystems, TotalsFollowArchiveRestoreAndRollback) {
  auto totals = [&] {
    SystemQuery q = query();
    std::vector<std::int64_t> t;
    for (auto f : {ArchivedFilter::active_only, ArchivedFilter::archived_only, ArchivedFilter::all}) {
      q.archived = f;
      t.push_back(list(q).total);
    }
    return t;
  };
  EXPECT_EQ(totals(), (std::vector<std::int64_t>{11, 1, 12}));
  SystemRow s = *get("org-a", rows_[0].id);
  s.archived = true;
  s.version += 1;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.update_system(s, s.version - 1); }));
  EXPECT_EQ(totals(), (std::vector<std::int64_t>{10, 2, 12}));
  s.archived = false;
  s.version += 1;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.update_system(s, s.version - 1); }));
  EXPECT_EQ(totals(), (std::vector<std::int64_t>{11, 1, 12}));
  // An insert in a transaction that fails afterwards leaves the totals as they were.
  auto failed = store().write([&](WriteTx& tx) -> status {
    if (auto st = tx.insert_system(system("org-a", "id-new", "zucchini")); !st) return st;
    return make_error(errc::validation, "give up");
  });
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(totals(), (std::vector<std::int64_t>{11, 1, 12}));
  // A clash is not counted.
  EXPECT_EQ(code_of(store().write([&](WriteTx& tx) { return tx.insert_system(system("org-a", "id-x", "apple")); })),
            errc::conflict);
  EXPECT_EQ(totals(), (std::vector<std::int64_t>{11, 1, 12}));
}

TEST_F(ListSystems, GenerationGrowsWithEveryCommittedChangeOfTheOrganizationOnly) {
  auto gen = [&](const std::string& org) {
    std::int64_t g = -1;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) -> status {
      g = tx.systems_generation(org);
      return ok();
    }));
    return g;
  };
  EXPECT_EQ(gen("org-none"), 0);
  auto a0 = gen("org-a"), b0 = gen("org-b");
  EXPECT_GT(a0, 0);
  SystemRow s = *get("org-a", rows_[1].id);
  s.status = "retired";
  s.version += 1;
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) { return tx.update_system(s, s.version - 1); }));
  auto a1 = gen("org-a");
  EXPECT_GT(a1, a0);
  EXPECT_EQ(gen("org-b"), b0);
  auto failed = store().write([&](WriteTx& tx) -> status {
    if (auto st = tx.insert_system(system("org-a", "id-rolled-back", "quince")); !st) return st;
    return make_error(errc::validation, "give up");
  });
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(gen("org-a"), a1);
  put(system("org-a", "id-new", "quince"));
  EXPECT_GT(gen("org-a"), a1);
}

TEST_F(ListSystems, FieldFiltersAloneAndCombined) {
  std::vector<std::function<void(SystemQuery&)>> filters{
      [](SystemQuery& q) { q.status = "approved"; },
      [](SystemQuery& q) { q.lifecycle_stage = "deployment"; },
      [](SystemQuery& q) { q.eu_ai_act_class = "high"; },
      [](SystemQuery& q) { q.organization_role = "deployer"; },
      [](SystemQuery& q) { q.status = "draft"; q.organization_role = "provider"; },
      [](SystemQuery& q) { q.lifecycle_stage = "design"; q.eu_ai_act_class = "minimal"; q.archived = ArchivedFilter::all; },
      [](SystemQuery& q) { q.status = "no-such-status"; },
  };
  for (std::size_t i = 0; i < filters.size(); ++i) {
    SystemQuery q = query();
    filters[i](q);
    SystemPage page = list(q);
    auto want = expected(q);
    EXPECT_EQ(system_ids(page.items), system_ids(want)) << "filter " << i;
    EXPECT_EQ(page.total, static_cast<std::int64_t>(want.size())) << "filter " << i;
  }
}

TEST_F(ListSystems, EverySortInBothDirectionsBreaksTiesById) {
  for (SystemSort sort : kSorts) {
    for (bool desc : {false, true}) {
      SystemQuery q = query();
      q.sort = sort;
      q.descending = desc;
      q.archived = ArchivedFilter::all;
      EXPECT_EQ(system_ids(list(q).items), system_ids(expected(q))) << "sort " << static_cast<int>(sort) << " desc " << desc;
    }
  }
}

TEST_F(ListSystems, KeysetPagingWalksEverySortWithoutGapsOrRepeats) {
  for (SystemSort sort : kSorts) {
    for (bool desc : {false, true}) {
      SystemQuery q = query();
      q.sort = sort;
      q.descending = desc;
      q.limit = 4;
      q.status = std::nullopt;
      auto want = expected(q);
      std::vector<SystemRow> seen;
      for (int pages = 0; pages < 10; ++pages) {
        SystemPage page = list(q);
        EXPECT_EQ(page.total, 11) << "total ignores limit and cursor";
        EXPECT_LE(page.items.size(), 4u);
        seen.insert(seen.end(), page.items.begin(), page.items.end());
        EXPECT_EQ(page.more, seen.size() < want.size()) << "after " << seen.size() << " rows";
        if (!page.more || page.items.empty()) break;
        q.after = SystemCursor{sort_value(page.items.back(), sort), page.items.back().id};
      }
      EXPECT_EQ(system_ids(seen), system_ids(want)) << "sort " << static_cast<int>(sort) << " desc " << desc;
    }
  }
}

TEST_F(ListSystems, MoreIsFalseWhenExactlyLimitRowsRemain) {
  SystemQuery q = query();
  q.limit = 11;
  SystemPage page = list(q);
  EXPECT_EQ(page.items.size(), 11u);
  EXPECT_FALSE(page.more);
  q.limit = 10;
  page = list(q);
  EXPECT_EQ(page.items.size(), 10u);
  EXPECT_TRUE(page.more);
  q.after = SystemCursor{page.items.back().name_key, page.items.back().id};
  page = list(q);
  EXPECT_EQ(page.items.size(), 1u);
  EXPECT_FALSE(page.more);
  EXPECT_EQ(page.total, 11);
}

TEST_F(ListSystems, ACursorBetweenRowsStartsAfterItsPosition) {
  SystemQuery q = query();
  q.after = SystemCursor{"d", ""};  // not a stored row: between "cherry" and "date"
  SystemPage page = list(q);
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().name_key, "date");
  EXPECT_EQ(page.total, 11);
  q.descending = true;
  page = list(q);
  ASSERT_FALSE(page.items.empty());
  EXPECT_EQ(page.items.front().name_key, "cherry");
}

TEST_F(ListSystems, TextIsASubstringOfSearchText) {
  SystemQuery q = query();
  q.text = "an";  // mango, banana
  auto want = expected(q, [](const SystemRow& s) { return s.search_text.find("an") != std::string::npos; });
  SystemPage page = list(q);
  EXPECT_EQ(system_ids(page.items), system_ids(want));
  EXPECT_EQ(page.total, static_cast<std::int64_t>(want.size()));
  EXPECT_GE(want.size(), 2u);
  q.text = "alice";  // matches the owner part of search_text
  EXPECT_EQ(list(q).total, static_cast<std::int64_t>(expected(q, [](const SystemRow& s) {
                                                       return s.owner_key == "alice";
                                                     }).size()));
  q.text = "zzz";
  EXPECT_EQ(list(q).total, 0);
}

class TextSearch : public StoreTest {};

TEST_F(TextSearch, WildcardsInTheQueryAreLiteral) {
  seed_orgs();
  const std::vector<std::pair<std::string, std::string>> rows{
      {"s1", "100% accurate"}, {"s2", "100x accurate"},   {"s3", "snake_case model"}, {"s4", "snakexcase model"},
      {"s5", "wow! really"},   {"s6", "back\\slash"},     {"s7", "plain"},            {"s8", "50%_off!"}};
  for (const auto& [id, text] : rows) {
    SystemRow s = system("org-a", id, "name " + id);
    s.search_text = text;
    put(s);
  }
  auto matches = [&](const std::string& text) {
    SystemQuery q;
    q.org_id = "org-a";
    q.text = text;
    return system_ids(list(q).items);
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(matches("%"), (V{"s1", "s8"}));
  EXPECT_EQ(matches("0%"), (V{"s1", "s8"}));
  EXPECT_EQ(matches("100%"), (V{"s1"}));
  EXPECT_EQ(matches("_"), (V{"s3", "s8"}));
  EXPECT_EQ(matches("e_c"), (V{"s3"}));
  EXPECT_EQ(matches("%_"), (V{"s8"}));
  EXPECT_EQ(matches("!"), (V{"s5", "s8"}));
  EXPECT_EQ(matches("\\"), (V{"s6"}));
  EXPECT_EQ(matches("back\\s"), (V{"s6"}));
  EXPECT_EQ(matches("?"), V{});
  EXPECT_EQ(matches("'"), V{});
}

// Speed is measured by the benchmarks (bench/), never asserted here: this pins only that a page of
// 50 systems with large documents comes back whole, repeatedly, with its total.
TEST_F(TextSearch, FiftySystemsWithLargeDocumentsList) {
  seed_orgs();
  const std::string big_doc = "{\"description\":\"" + std::string(2000, 'x') + "\"}";
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
    for (int i = 0; i < 50; ++i) {
      SystemRow s = system("org-a", "sys-" + std::to_string(1000 + i), "system " + std::to_string(1000 + i));
      s.doc = big_doc;
      if (auto r = tx.insert_system(s); !r) return r;
    }
    return ok();
  }));
  SystemQuery q;
  q.org_id = "org-a";
  q.limit = 50;
  for (int i = 0; i < 3; ++i) {
    SystemPage page = list(q);
    ASSERT_EQ(page.items.size(), 50u);
    ASSERT_EQ(page.total, 50);
    EXPECT_EQ(page.items.front().doc, big_doc);
  }
}

}  // namespace
}  // namespace aims::store::conformance
