// check_stored_log (what aims restore runs on each organization's log with the backup's public
// keys): a log as the server stores it verifies; a checkpoint signed by another key, one whose root
// is not the log's, and an entry changed behind the store's back are each named.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/common/test_store.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/ledger/audited_store.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/stored_log_check.hpp"

namespace aims {
namespace {

struct StoredLog {
  testing::TempDir dir;
  std::unique_ptr<store::Store> inner;
  SystemClock clock;
  std::unique_ptr<ledger::AuditedStore> store;
  std::string org;

  StoredLog() {
    auto st = store::open_store(dir.db());
    EXPECT_TRUE(st) << st.error().detail;
    inner = std::move(*st);
    store = std::make_unique<ledger::AuditedStore>(*inner, clock);
    RandomIds ids;
    accounts::AdminService admin(*store, clock, ids);
    auto o = admin.init("Checked", "admin@checked.test", "a long enough password");
    EXPECT_TRUE(o) << o.error().detail;
    org = o->id;
  }

  ledger::StoredLogCheck check(const std::vector<note::Verifier>& keys) {
    ledger::StoredLogCheck r;
    EXPECT_TRUE(inner->read([&](store::ReadTx& tx) -> status {
      r = ledger::check_stored_log(tx, org, keys);
      return ok();
    }));
    return r;
  }
};

TEST(StoredLogCheck, AStoredLogVerifiesWithItsKeyAndNotWithAnother) {
  StoredLog log;
  ledger::LogSigner signer(note::SigningKey::generate(), "aims.invalid");
  ledger::AuditService audit(*log.store, signer, log.clock);
  auto cp = audit.issue_checkpoint(log.org);
  ASSERT_TRUE(cp) << cp.error().detail;
  auto r = log.check({signer.verifier(log.org)});
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.entries, cp->size);
  EXPECT_GE(r.entries, 2);
  EXPECT_EQ(r.checkpoints, 1);

  ledger::LogSigner other(note::SigningKey::generate(), "aims.invalid");
  r = log.check({other.verifier(log.org)});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "the checkpoint of size " + std::to_string(cp->size) + " carries no valid signature by the backup's keys");
  // Any one of the keys given may have signed a checkpoint.
  r = log.check({other.verifier(log.org), signer.verifier(log.org)});
  EXPECT_TRUE(r.ok) << r.problem;
}

TEST(StoredLogCheck, ACheckpointOverAnotherRootIsNamed) {
  StoredLog log;
  ledger::LogSigner signer(note::SigningKey::generate(), "aims.invalid");
  merkle::Hash wrong{};
  wrong.fill(7);
  store::AuditCheckpointRow row{log.org, 1, merkle::to_hex(wrong), signer.sign(log.org, 1, wrong), log.clock.now_text()};
  ASSERT_TRUE(log.inner->write([&](store::WriteTx& tx) { return tx.insert_audit_checkpoint(row); }));
  auto r = log.check({signer.verifier(log.org)});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "the checkpoint of size 1 does not give the root of the log's first 1 entries");
}

}  // namespace
}  // namespace aims
