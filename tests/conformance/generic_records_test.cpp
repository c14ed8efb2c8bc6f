// Generic records (risks, impact assessments, objectives, evidence, …): round trip with exact
// bytes, the (org, kind, parent, id) key, optimistic concurrency on put and delete, order by
// (parent, position, id), filters by parent and ref, keyset paging, counts and isolation.
#include "fixture.hpp"
#include "record_rows.hpp"

namespace aims::store::conformance {
namespace {

void expect_same(const RecordRow& got, const RecordRow& want) {
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.org_id, want.org_id);
  EXPECT_EQ(got.parent_id, want.parent_id);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.position, want.position);
  EXPECT_EQ(got.ref, want.ref);
  EXPECT_EQ(got.version, want.version);
  EXPECT_EQ(got.created_at, want.created_at);
  EXPECT_EQ(got.updated_at, want.updated_at);
  EXPECT_EQ(got.doc, want.doc);
}

using Ids = std::vector<std::string>;

RecordFilter filter(const std::string& org_id, const std::string& kind, std::optional<std::string> parent_id = {},
                    std::optional<std::string> ref = {}, int limit = 0) {
  RecordFilter f;
  f.org_id = org_id;
  f.kind = kind;
  f.parent_id = std::move(parent_id);
  f.ref = std::move(ref);
  f.limit = limit;
  return f;
}

Ids ids(const std::vector<RecordRow>& rows) {
  Ids out;
  for (const RecordRow& r : rows) out.push_back(r.parent_id + "/" + r.id);
  return out;
}

class GenericRecords : public SeededStoreTest {
 protected:
  status w(const std::function<status(WriteTx&)>& fn) { return store().write(fn); }
  std::vector<RecordRow> list(const RecordFilter& f) {
    std::vector<RecordRow> out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      out = tx.list_records(f);
      return ok();
    }));
    return out;
  }
  std::int64_t count(const RecordFilter& f) {
    std::int64_t n = -1;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      n = tx.count_records(f);
      return ok();
    }));
    return n;
  }
  std::optional<RecordRow> find(const std::string& org, const std::string& kind, const std::string& parent,
                                const std::string& id) {
    std::optional<RecordRow> out;
    AIMS_EXPECT_OK(store().read([&](ReadTx& tx) {
      out = tx.find_record(org, kind, parent, id);
      return ok();
    }));
    return out;
  }
};

TEST_F(GenericRecords, RoundTripWithExactBytesAndTheFullKeyIsUnique) {
  RecordRow r = rec("org-a", "risk", "", "R-1", 3, "sys-1");
  r.version = 7;
  r.updated_at = "2026-05-02T09:00:00.250Z";
  r.doc = "{ \"title\" :\"Bias — 偏差 😀\",\n\t\"n\":[1,2.50,null]}";
  put(r);
  auto got = find("org-a", "risk", "", "R-1");
  ASSERT_TRUE(got);
  expect_same(*got, r);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_record(rec("org-a", "risk", "", "R-1"), 0); })),
            errc::conflict);
  // The same id under another kind, another parent or another organization is another record.
  put(rec("org-a", "objective", "", "R-1"));
  put(rec("org-a", "risk", "p-1", "R-1"));
  put(rec("org-b", "risk", "", "R-1"));
  EXPECT_EQ(find("org-a", "risk", "", "R-1")->doc, r.doc);
  EXPECT_FALSE(find("org-a", "risk", "", "R-2"));
  EXPECT_FALSE(find("org-a", "impact_assessment", "", "R-1"));
}

TEST_F(GenericRecords, ARecordOfAnUnknownOrganizationFailsTheWrite) {
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_record(rec("org-x", "risk", "", "R-1"), 0); })),
            errc::not_found);
}

TEST_F(GenericRecords, PutReplacesOnlyAtTheExpectedVersion) {
  put(rec("org-a", "risk", "", "R-1", 0, "sys-1"));
  RecordRow next = rec("org-a", "risk", "", "R-1", 5, "sys-2");
  next.version = 2;
  next.updated_at = "2026-05-03T00:00:00.000Z";
  next.doc = "{\"v\":2}";
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_record(next, 2); })), errc::precondition_failed);
  put(next, 1);
  expect_same(*find("org-a", "risk", "", "R-1"), next);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_record(next, 1); })), errc::precondition_failed);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_record(rec("org-a", "risk", "", "R-9"), 1); })),
            errc::not_found);
  // Another organization cannot replace it, even knowing its key and version.
  RecordRow foreign = next;
  foreign.org_id = "org-b";
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.put_record(foreign, 2); })), errc::not_found);
  // The ref moved: the old one finds nothing.
  EXPECT_EQ(count(filter("org-a", "risk", {}, std::string("sys-1"))), 0);
  EXPECT_EQ(count(filter("org-a", "risk", {}, std::string("sys-2"))), 1);
}

TEST_F(GenericRecords, DeleteComparesVersionsAndTouchesNothingElse) {
  put(rec("org-a", "link", "ev-1", "risk:R-1"));
  put(rec("org-a", "link", "ev-1", "risk:R-2"));
  put(rec("org-b", "link", "ev-1", "risk:R-1"));
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.delete_record("org-a", "link", "ev-1", "risk:R-1", 2); })),
            errc::precondition_failed);
  EXPECT_EQ(code_of(w([&](WriteTx& tx) { return tx.delete_record("org-a", "link", "ev-1", "risk:R-9", 1); })),
            errc::not_found);
  AIMS_ASSERT_OK(w([&](WriteTx& tx) { return tx.delete_record("org-a", "link", "ev-1", "risk:R-1", 1); }));
  EXPECT_FALSE(find("org-a", "link", "ev-1", "risk:R-1"));
  EXPECT_TRUE(find("org-a", "link", "ev-1", "risk:R-2"));
  EXPECT_TRUE(find("org-b", "link", "ev-1", "risk:R-1"));
}

TEST_F(GenericRecords, ListsOrderByParentPositionIdAndFilterByParentAndRef) {
  put(rec("org-a", "reading", "obj-2", "r-1", 1));
  put(rec("org-a", "reading", "obj-1", "r-b", 2, "x"));
  put(rec("org-a", "reading", "obj-1", "r-a", 2));
  put(rec("org-a", "reading", "obj-1", "r-z", 1, "x"));
  put(rec("org-a", "objective", "", "obj-1"));
  put(rec("org-b", "reading", "obj-1", "r-q", 0));
  EXPECT_EQ(ids(list(filter("org-a", "reading"))),
            (Ids{"obj-1/r-z", "obj-1/r-a", "obj-1/r-b", "obj-2/r-1"}));
  EXPECT_EQ(ids(list(filter("org-a", "reading", std::string("obj-2")))), (Ids{"obj-2/r-1"}));
  EXPECT_EQ(ids(list(filter("org-a", "reading", {}, std::string("x")))),
            (Ids{"obj-1/r-z", "obj-1/r-b"}));
  EXPECT_EQ(ids(list(filter("org-a", "objective", std::string("")))), (Ids{"/obj-1"}));
  EXPECT_EQ(count(filter("org-a", "reading")), 4);
  EXPECT_EQ(count(filter("org-a", "reading", std::string("obj-1"), {}, 1)), 3);
  EXPECT_EQ(count(filter("org-b", "reading")), 1);
  EXPECT_EQ(count(filter("org-b", "objective")), 0);
}

TEST_F(GenericRecords, KeysetPagingVisitsEveryRowOnceInOrder) {
  AIMS_ASSERT_OK(w([&](WriteTx& tx) -> status {
    for (int p = 0; p < 3; ++p)
      for (int i = 0; i < 9; ++i) {
        auto s = tx.put_record(rec("org-a", "risk", "p" + std::to_string(p), "R-" + std::to_string(i), i % 4), 0);
        if (!s) return s;
      }
    return ok();
  }));
  const Ids all = ids(list(filter("org-a", "risk")));
  ASSERT_EQ(all.size(), 27U);
  Ids paged;
  RecordFilter f = filter("org-a", "risk", {}, {}, 4);
  for (int guard = 0; guard < 20; ++guard) {
    auto page = list(f);
    for (const RecordRow& r : page) paged.push_back(r.parent_id + "/" + r.id);
    if (page.size() < 4U) break;
    f.after = RecordCursor{page.back().parent_id, page.back().position, page.back().id};
  }
  EXPECT_EQ(paged, all);
}

TEST_F(GenericRecords, AFailedWriteLeavesNoRecordBehind) {
  EXPECT_EQ(code_of(w([&](WriteTx& tx) -> status {
              if (auto s = tx.put_record(rec("org-a", "risk", "", "R-1"), 0); !s) return s;
              return make_error(errc::validation, "refused after the insert");
            })),
            errc::validation);
  EXPECT_FALSE(find("org-a", "risk", "", "R-1"));
}

}  // namespace
}  // namespace aims::store::conformance
