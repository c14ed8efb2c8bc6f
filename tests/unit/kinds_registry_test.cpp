// The kind registry is complete: every record type the demo seed writes (read from its audit log)
// is a records file of the auditor package or one of the log's own frame types, every field-driven
// kind of the registry has its package file and is an evidence link target, and the demo holds
// records of every field-driven kind.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/evidence/link_targets.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/ledger/audit_pack_format.hpp"
#include "domain/ledger/audited_store.hpp"
#include "domain/common/test_store.hpp"
#include "store/store.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

/// The types of the log that are not records of the package: the log's own frame.
const std::set<std::string> kNotRecords = {"organization", "membership"};

TEST(KindRegistry, EveryRecordTypeTheDemoWritesIsInTheAuditorPackage) {
  aims::testing::TempDir dir;
  {
    auto st = store::open_store(dir.db());
    ASSERT_TRUE(st) << st.error().detail;
    SystemClock clock;
    RandomIds ids;
    ledger::AuditedStore store(**st, clock);
    auto cat = catalog::Catalog::load_embedded();
    auto login = demo::seed(store, cat, clock, ids, "demo-password-123");
    ASSERT_TRUE(login) << login.error().detail;
    std::set<std::string> types;
    ASSERT_TRUE(store.read([&](store::ReadTx& tx) -> status {
      auto org = tx.find_org_by_name("Demo Org");
      for (std::int64_t from = 0;;) {
        auto page = tx.list_audit_entries(org->id, from, 500);
        for (const auto& e : page) {
          // Records are what create, update and delete change (as the package verifier reads the
          // log); other operations, such as a roadmap's "generate", are changes recorded in history.
          auto o = json::parse(e.entry).as_object();
          auto op = o.at("op").as_string();
          if (op == "create" || op == "update" || op == "delete") types.insert(std::string(o.at("record_type").as_string()));
        }
        if (page.size() < 500) break;
        from += 500;
      }
      return ok();
    }));
    EXPECT_GT(types.size(), 10u);
    for (const auto& t : types)
      EXPECT_TRUE(kNotRecords.count(t) || ledger::pack_records_file_of(t))
          << "the demo writes " << t << " records, which the auditor package does not hold";
    for (const auto* k : kinds::generic_kinds())
      EXPECT_TRUE(types.count(k->kind)) << "the demo has no " << k->kind << " records";
    std::int64_t issues = 0;
    ASSERT_TRUE(store.read([&](store::ReadTx& tx) -> status {
      store::RecordFilter f;
      f.org_id = tx.find_org_by_name("Demo Org")->id;
      f.kind = "context_issue";
      issues = static_cast<std::int64_t>(tx.list_records(f).size());
      return ok();
    }));
    EXPECT_GE(issues, 10);  // a dozen
    EXPECT_LE(issues, 14);
  }
}

TEST(KindRegistry, EveryKindHasItsPackageFileAndFieldDrivenKindsAreLinkTargets) {
  std::set<std::string> names;
  for (const auto* k : kinds::all_kinds()) {
    EXPECT_TRUE(names.insert(k->kind).second) << k->kind << " is in the registry twice";
    const auto* f = ledger::pack_records_file_of(k->kind);
    ASSERT_NE(f, nullptr) << k->kind;
    EXPECT_EQ(f->path, "records/" + k->kind + ".json");
    if (!k->generic) continue;
    EXPECT_FALSE(k->path.empty() || k->cli.empty() || k->plural.empty() || k->clause.empty() || k->fields.empty()) << k->kind;
    auto t = evidence::parse_target(k->kind + ":" + k->prefix + "1");
    EXPECT_TRUE(t) << k->kind << " is not an evidence link target";
  }
}

}  // namespace
