// The demo organization seeded into a new SQLite store in a temporary folder (wrapped by the audit
// log when the derived fixture asks for it), which goes when the fixture does. One per test, used
// from the test's thread only.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/common/test_store.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/ledger/audited_store.hpp"
#include "store/store.hpp"

namespace aims::testing {

class DemoOrg : public TempStore {
 protected:
  static constexpr const char* kPassword = "demo-password-123";

  explicit DemoOrg(bool audited = false) : audited_(audited) {}

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(open_temp_store());
    if (audited_) store_ = std::make_unique<ledger::AuditedStore>(std::move(store_), clock_);
    auto seeded = demo::seed(*store_, cat_, clock_, ids_, kPassword);
    ASSERT_TRUE(seeded) << seeded.error().detail;
    login_ = *seeded;
    ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
      auto org = tx.find_org_by_name("Demo Org");
      auto user = tx.find_user_by_email(login_.email);
      if (!org || !user) return make_error(errc::internal, "the demo organization or its admin is missing");
      org_ = *org;
      admin_ = {user->id, user->email, org->id, org->name, accounts::Role::admin};
      return ok();
    }));
  }

  SystemClock clock_;
  RandomIds ids_;
  catalog::Catalog cat_ = catalog::Catalog::load_embedded();
  demo::DemoLogin login_;
  store::Organization org_;
  accounts::Actor admin_;  // the demo admin in Demo Org

 private:
  bool audited_;
};

}  // namespace aims::testing
