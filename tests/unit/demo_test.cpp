// The demo organization: seeded once into an empty installation, with its admin and AI systems.
#include <gtest/gtest.h>

#include "demo_fixture.hpp"

using namespace aims;
using Demo = aims::testing::DemoOrg;

TEST_F(Demo, SeedsEightSystemsOnceIntoAnEmptyInstallation) {
  EXPECT_EQ(login_.org, "Demo Org");
  std::int64_t systems = 0;
  std::optional<store::User> user;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    auto org = tx.find_org_by_name("Demo Org");
    if (org) systems = tx.count_systems(org->id);
    user = tx.find_user_by_email(login_.email);
    return ok();
  }));
  EXPECT_EQ(systems, 8);
  ASSERT_TRUE(user);
  EXPECT_TRUE(crypto::verify_password(user->password_hash, "demo-password-123"));
  std::size_t assessments = 0, answers = 0, soa_entries = 0;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    auto org = tx.find_org_by_name("Demo Org");
    auto list = tx.list_assessments(org->id, 10, std::nullopt);
    assessments = list.size();
    if (!list.empty()) answers = tx.list_answers(org->id, list.front().id).size();
    soa_entries = tx.list_soa_entries(org->id).size();
    return ok();
  }));
  EXPECT_EQ(assessments, 1u);
  EXPECT_EQ(answers, 70u);
  EXPECT_EQ(soa_entries, 4u);
  auto again = demo::seed(*store_, cat_, clock_, ids_, "demo-password-123");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, errc::conflict);
}
