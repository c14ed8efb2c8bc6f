// Several servers on one database sign the audit log with one key (docs/deployment.md, "The signing
// key"): two servers holding the same key sign the same checkpoint of a size byte for byte; a server
// with another key is refused at start (check_signing_key), never signs after the other key's
// checkpoint, and loses the first checkpoint fix_signing_key signs. Each "server" is its own
// AuditService and LogSigner over one real SQLite store, with the demo organization.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_fixture.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/signing_key_check.hpp"

using namespace aims;
using namespace aims::ledger;
namespace json = boost::json;

namespace {

class SharedKey : public aims::testing::DemoOrg {
 protected:
  SharedKey() : DemoOrg(true) {}

  /// One more audited write of the organization (the log grows by its entries).
  void grow(const std::string& name) {
    ActorScope scope(admin_.email);
    inventory::SystemService systems(*store_, clock_, ids_);
    ASSERT_TRUE(systems.create(admin_, json::parse(R"({"purpose":"Grows the log","name":")" + name + "\"}")));
  }

  std::size_t checkpoints() {
    std::size_t n = 0;
    EXPECT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      n = tx.list_audit_checkpoints(org_.id, 1000, std::nullopt).size();
      return ok();
    }));
    return n;
  }

  note::SigningKey key_ = note::SigningKey::generate();
  LogSigner server_a_{note::SigningKey::from_seed(key_.seed()), "aims.invalid"};
  LogSigner server_b_{note::SigningKey::from_seed(key_.seed()), "aims.invalid"};  // a copy of the key file
  LogSigner stranger_{note::SigningKey::generate(), "aims.invalid"};
};

}  // namespace

TEST_F(SharedKey, ServersWithOneKeySignTheSameCheckpointOfASize) {
  AuditService a(*store_, server_a_, clock_), b(*store_, server_b_, clock_);
  auto ca = a.issue_checkpoint(org_.id);
  ASSERT_TRUE(ca) << ca.error().detail;
  // b signed the same size at the same moment and stores it second: the same bytes, so accepted.
  auto root = *merkle::from_hex(ca->root_hash);
  auto insert = [&](const LogSigner& by) {
    return store_->write([&](store::WriteTx& tx) -> status {
      return tx.insert_audit_checkpoint({org_.id, ca->size, ca->root_hash, by.sign(org_.id, ca->size, root), clock_.now_text()});
    });
  };
  EXPECT_TRUE(insert(server_b_));
  auto other = insert(stranger_);  // another key's checkpoint of the size is another checkpoint
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, errc::conflict);
  EXPECT_EQ(checkpoints(), 1u);
  auto cb = b.issue_checkpoint(org_.id);
  ASSERT_TRUE(cb) << cb.error().detail;
  EXPECT_EQ(ca->note, cb->note);
  // The next size, first by b: a's signature of it is the same, so a's insert of it is accepted.
  ASSERT_NO_FATAL_FAILURE(grow("Second"));
  auto nb = b.issue_checkpoint(org_.id);
  ASSERT_TRUE(nb);
  EXPECT_TRUE(server_a_.signed_it(org_.id, nb->note));
  EXPECT_TRUE(check_signing_key(*store_, server_a_));
  EXPECT_TRUE(check_signing_key(*store_, server_b_));
}

TEST_F(SharedKey, AServerWithAnotherKeyIsRefusedAtStartAndNeverSignsAfterTheOtherKey) {
  EXPECT_TRUE(check_signing_key(*store_, stranger_)) << "no checkpoint yet: nothing to compare with";
  AuditService a(*store_, server_a_, clock_), s(*store_, stranger_, clock_);
  ASSERT_TRUE(a.issue_checkpoint(org_.id));
  auto refused = check_signing_key(*store_, stranger_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::conflict);
  EXPECT_NE(refused.error().detail.find(org_.id), std::string::npos) << refused.error().detail;
  EXPECT_NE(refused.error().detail.find(stranger_.key_id_hex(org_.id)), std::string::npos) << refused.error().detail;
  EXPECT_NE(refused.error().detail.find("same signing key file"), std::string::npos) << refused.error().detail;
  // Running anyway, it signs nothing after a's checkpoint.
  ASSERT_NO_FATAL_FAILURE(grow("After a's checkpoint"));
  auto c = s.issue_checkpoint(org_.id);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, errc::conflict);
  EXPECT_NE(c.error().detail.find("signed by another key"), std::string::npos) << c.error().detail;
  EXPECT_EQ(checkpoints(), 1u);
  // a's key goes on signing.
  ASSERT_TRUE(a.issue_checkpoint(org_.id));
  EXPECT_EQ(checkpoints(), 2u);
}

TEST_F(SharedKey, TheFirstServerToStartFixesTheKeyAndTheOtherKeyLosesTheFirstCheckpoint) {
  ASSERT_EQ(checkpoints(), 0u);
  auto n = fix_signing_key(*store_, server_a_, clock_);
  ASSERT_TRUE(n) << n.error().detail;
  EXPECT_EQ(*n, 1);  // the demo organization's log had entries and no checkpoint
  EXPECT_EQ(checkpoints(), 1u);
  // A second server with the same key: nothing to sign, and the check passes.
  auto again = fix_signing_key(*store_, server_b_, clock_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  EXPECT_TRUE(check_signing_key(*store_, server_b_));
  // Another key: nothing to sign either, and the check refuses it.
  EXPECT_TRUE(fix_signing_key(*store_, stranger_, clock_));
  EXPECT_FALSE(check_signing_key(*store_, stranger_));
}
