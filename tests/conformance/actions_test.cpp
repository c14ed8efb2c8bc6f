// The action index (store/actions.hpp, migration v21): a record's rows replaced in its transaction;
// pages filtered by owner, status, kind, overdue (and not), due_before and text, sorted on the due
// date (rows without one last), updated_at and the lower-cased title in both directions with ties
// by the row's key, keyset pages that cover every row exactly once, totals, isolation by
// organization, a deleted record's rows gone with it (trigger), and the backfill marks — the same
// on SQLite and PostgreSQL, whether a page is sorted from its filter's rows (few matches) or walks
// the index of its order (many, or not counted).
#include <algorithm>
#include <map>

#include "fixture.hpp"
#include "record_rows.hpp"
#include "store/actions.hpp"

namespace aims::store::conformance {
namespace {

using Keys = std::vector<std::string>;

ActionRow act(const std::string& org, const std::string& kind, const std::string& record, const std::string& sub,
              const std::string& title, const std::string& owner, const std::string& due, const std::string& status,
              const std::string& updated = "2026-05-01T08:00:00.000Z") {
  ActionRow a;
  a.org_id = org;
  a.kind = kind;
  a.record_id = record;
  a.sub_id = sub;
  a.title = title;
  a.owner = owner;
  a.due = due;
  a.status = status;
  a.search = action_title_key(title + " " + record);
  a.source_version = 1;
  a.updated_at = updated;
  a.doc = "{\"link\":\"/x/" + record + "\"}";
  a.rev = 1;
  return a;
}

class ActionIndexTest : public SeededStoreTest {
 protected:
  void replace(const std::string& org, const std::string& kind, const std::string& parent, const std::string& record,
               const std::vector<ActionRow>& rows) {
    AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status {
      auto* idx = action_index(tx);
      if (!idx) return make_error(errc::internal, "no action index");
      return idx->replace_actions(org, kind, parent, record, rows);
    }));
  }
  ActionPage query(const ActionQuery& q) {
    ActionPage out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) -> status {
      auto* idx = action_index(tx);
      if (!idx) return make_error(errc::internal, "no action index");
      out = idx->query_actions(q);
      return ok();
    }));
    return out;
  }
  Keys keys(const ActionQuery& q) {
    Keys out;
    for (const auto& r : query(q).items) out.push_back(r.record_id + (r.sub_id.empty() ? "" : "#" + r.sub_id));
    return out;
  }
  /// Every row of the query's order, page by page of `limit`, following the keyset.
  Keys paged(ActionQuery q, int limit) {
    Keys out;
    q.limit = limit;
    for (int guard = 0; guard < 200; ++guard) {
      auto page = query(q);
      for (const auto& r : page.items) out.push_back(r.record_id + (r.sub_id.empty() ? "" : "#" + r.sub_id));
      if (!page.more) return out;
      EXPECT_EQ(static_cast<int>(page.items.size()), limit);
      q.after = ActionPosition{action_sort_value(page.items.back(), q.sort), action_key(page.items.back())};
    }
    ADD_FAILURE() << "paging did not end";
    return out;
  }
  /// 40 actions of org-a (one record per kind "thing", some with a second action) and 3 of org-b.
  std::vector<ActionRow> seed() {
    std::vector<ActionRow> all;
    const char* statuses[] = {"open", "in_progress", "done", "cancelled"};
    for (int i = 0; i < 30; ++i) {
      std::string id = "T-" + std::to_string(i);
      std::string due = i % 5 == 0 ? "" : "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 3);
      std::vector<ActionRow> rows{act("org-a", i % 3 == 0 ? "risk" : "thing", id, "", (i % 2 ? "Fix " : "check ") + id,
                                      "u" + std::to_string(i % 4), due, statuses[i % 4],
                                      "2026-05-0" + std::to_string(1 + i % 7) + "T08:00:00.000Z")};
      if (i % 3 == 0) rows.push_back(act("org-a", "risk", id, "treatment", "Treat " + id, "u1", due, "open"));
      replace("org-a", rows.front().kind, "", id, rows);
      for (auto& r : rows) all.push_back(r);
    }
    for (int i = 0; i < 3; ++i) replace("org-b", "thing", "", "B-" + std::to_string(i), {act("org-b", "thing", "B-" + std::to_string(i), "", "Other", "u1", "2026-01-01", "open")});
    return all;
  }
  /// The expected order of `rows` under the query's sort (the store's: sort value, then key).
  static Keys expected(std::vector<ActionRow> rows, const ActionQuery& q) {
    std::sort(rows.begin(), rows.end(), [&](const ActionRow& x, const ActionRow& y) {
      auto kx = std::make_pair(action_sort_value(x, q.sort), action_key(x));
      auto ky = std::make_pair(action_sort_value(y, q.sort), action_key(y));
      return q.descending ? ky < kx : kx < ky;
    });
    Keys out;
    for (const auto& r : rows) out.push_back(r.record_id + (r.sub_id.empty() ? "" : "#" + r.sub_id));
    return out;
  }
  static ActionQuery base() {
    ActionQuery q;
    q.org_id = "org-a";
    q.limit = 0;
    return q;
  }
};

TEST_F(ActionIndexTest, SortsPagesAndCountsEveryRowOnceInEachOrder) {
  auto all = seed();
  for (auto sort : {ActionSort::due, ActionSort::updated, ActionSort::title})
    for (bool desc : {false, true}) {
      auto q = base();
      q.sort = sort;
      q.descending = desc;
      auto want = expected(all, q);
      EXPECT_EQ(keys(q), want);
      EXPECT_EQ(paged(q, 7), want);
      // Not counted, a page walks the index of its order (as one with many matches does): the same rows.
      auto walked = q;
      walked.count = false;
      EXPECT_EQ(keys(walked), want);
      EXPECT_EQ(paged(walked, 7), want);
      q.limit = 7;
      auto page = query(q);
      EXPECT_EQ(page.total, static_cast<std::int64_t>(all.size()));
      EXPECT_TRUE(page.more);
    }
  // Rows without a due date come after every dated row (ascending).
  auto rows = query(base()).items;
  bool undated = false;
  for (const auto& r : rows) {
    if (r.due.empty()) undated = true;
    else EXPECT_FALSE(undated) << "a dated row after an undated one: " << r.record_id;
  }
}

TEST_F(ActionIndexTest, FiltersEachAsTheRowsSay) {
  auto all = seed();
  auto check = [&](ActionQuery q, const std::function<bool(const ActionRow&)>& keep, const char* what) {
    std::vector<ActionRow> want;
    for (const auto& r : all)
      if (keep(r)) want.push_back(r);
    ASSERT_FALSE(want.empty()) << what;
    ASSERT_LT(want.size(), all.size()) << what;
    EXPECT_EQ(keys(q), expected(want, q)) << what;
    EXPECT_EQ(paged(q, 4), expected(want, q)) << what;
    auto walked = q;
    walked.count = false;
    EXPECT_EQ(paged(walked, 4), expected(want, q)) << what;
    q.limit = 3;
    EXPECT_EQ(query(q).total, static_cast<std::int64_t>(want.size())) << what;
  };
  auto q = base();
  q.owners = {"u1", "u2"};
  check(q, [](const ActionRow& r) { return r.owner == "u1" || r.owner == "u2"; }, "owners");
  q = base();
  q.statuses = {"open"};
  check(q, [](const ActionRow& r) { return r.status == "open"; }, "status");
  q = base();
  q.kinds = {"risk"};
  check(q, [](const ActionRow& r) { return r.kind == "risk"; }, "kinds");
  const std::string today = "2026-05-11";
  auto is_overdue = [&](const ActionRow& r) {
    return !r.due.empty() && r.due < today && (r.status == "open" || r.status == "in_progress");
  };
  q = base();
  q.overdue_on = today;
  check(q, is_overdue, "overdue");
  q = base();
  q.not_overdue_on = today;
  check(q, [&](const ActionRow& r) { return !is_overdue(r); }, "not overdue");
  q = base();
  q.due_before = "2026-04-01";
  check(q, [](const ActionRow& r) { return !r.due.empty() && r.due < "2026-04-01"; }, "due_before");
  q = base();
  q.text = "fix t-1";
  check(q, [](const ActionRow& r) { return r.search.find("fix t-1") != std::string::npos; }, "text");
  q = base();
  q.owners = {"u1"};
  q.overdue_on = today;
  q.sort = ActionSort::title;
  check(q, [&](const ActionRow& r) { return r.owner == "u1" && is_overdue(r); }, "mine and overdue");
  // LIKE's wildcards are literal.
  q = base();
  q.text = "%";
  EXPECT_TRUE(keys(q).empty());
  q.text = "_";
  EXPECT_TRUE(keys(q).empty());
}

TEST_F(ActionIndexTest, AnotherOrganizationsRowsNeverAppear) {
  seed();
  auto q = base();
  q.org_id = "org-b";
  auto page = query(q);
  EXPECT_EQ(page.total, 3);
  for (const auto& r : page.items) EXPECT_EQ(r.org_id, "org-b");
  q = base();
  q.text = "other";
  EXPECT_TRUE(keys(q).empty());
}

TEST_F(ActionIndexTest, ReplacingARecordsRowsLeavesTheOthersAndRoundTripsEveryColumn) {
  seed();
  auto row = act("org-a", "thing", "T-1", "", "Renamed", "u9", "2027-01-02", "done", "2026-06-01T08:00:00.000Z");
  row.source_version = 4;
  row.rev = 3;
  replace("org-a", "thing", "", "T-1", {row});
  auto q = base();
  q.owners = {"u9"};
  auto page = query(q);
  ASSERT_EQ(page.items.size(), 1u);
  const auto& got = page.items.front();
  EXPECT_EQ(got.title, "Renamed");
  EXPECT_EQ(got.due, "2027-01-02");
  EXPECT_EQ(got.status, "done");
  EXPECT_EQ(got.source_version, 4);
  EXPECT_EQ(got.rev, 3);
  EXPECT_EQ(got.doc, "{\"link\":\"/x/T-1\"}");
  EXPECT_EQ(got.updated_at, "2026-06-01T08:00:00.000Z");
  EXPECT_EQ(query(base()).total, 40);  // T-1 still has one row
  // No actions any more: the record's rows are gone, the others stay.
  replace("org-a", "thing", "", "T-1", {});
  EXPECT_EQ(query(base()).total, 39);
  // A row of another record is refused.
  auto s = store().write([&](WriteTx& tx) -> status {
    return action_index(tx)->replace_actions("org-a", "thing", "", "T-2", {act("org-a", "thing", "T-3", "", "x", "", "", "open")});
  });
  EXPECT_FALSE(s.has_value());
}

TEST_F(ActionIndexTest, ReplacingAParentsRowsReplacesEveryRecordUnderIt) {
  auto step = [](const std::string& id, const std::string& parent) {
    auto a = act("org-a", "roadmap_action", id, "", "Step " + id, "", "2026-02-01", "open");
    a.parent_id = parent;
    return a;
  };
  replace("org-a", "roadmap_action", "GA-1", "", {step("act-1", "GA-1"), step("act-2", "GA-1")});
  replace("org-a", "roadmap_action", "GA-2", "", {step("act-1", "GA-2")});
  EXPECT_EQ(query(base()).total, 3);
  replace("org-a", "roadmap_action", "GA-1", "", {step("act-3", "GA-1")});
  EXPECT_EQ(keys(base()), (Keys{"act-3", "act-1"}));  // same due date: by key (GA-1 before GA-2)
}

TEST_F(ActionIndexTest, ADeletedRecordTakesItsRowsWithIt) {
  auto r = rec("org-a", "thing", "", "T-1");
  put(r);
  replace("org-a", "thing", "", "T-1", {act("org-a", "thing", "T-1", "", "Fix", "u1", "", "open")});
  replace("org-a", "thing", "", "T-2", {act("org-a", "thing", "T-2", "", "Fix too", "u1", "", "open")});
  EXPECT_EQ(query(base()).total, 2);
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status { return tx.delete_record("org-a", "thing", "", "T-1", 1); }));
  EXPECT_EQ(keys(base()), (Keys{"T-2"}));
}

TEST_F(ActionIndexTest, TheBackfillMarksAKindPerOrganization) {
  std::int64_t a = -1, b = -1;
  auto read = [&] {
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) -> status {
      a = action_index(tx)->actions_backfilled("org-a", "risk");
      b = action_index(tx)->actions_backfilled("org-b", "risk");
      return ok();
    }));
  };
  read();
  EXPECT_EQ(a, 0);
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status { return action_index(tx)->set_actions_backfilled("org-a", "risk", 2); }));
  AIMS_ASSERT_OK(store().write([&](WriteTx& tx) -> status { return action_index(tx)->set_actions_backfilled("org-a", "risk", 3); }));
  read();
  EXPECT_EQ(a, 3);
  EXPECT_EQ(b, 0);
}

}  // namespace
}  // namespace aims::store::conformance
