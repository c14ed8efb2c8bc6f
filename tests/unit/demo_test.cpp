// The demo organization: seeded once into an empty installation, with its admin and AI systems.
#include <boost/json.hpp>
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
  // One completed assessment answered in full, and a draft started later with a few answers.
  std::size_t assessments = 0, answers = 0, draft_answers = 0, soa_entries = 0;
  std::string statuses;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    auto org = tx.find_org_by_name("Demo Org");
    auto list = tx.list_assessments(org->id, 10, std::nullopt);  // newest first
    assessments = list.size();
    for (const auto& a : list) statuses += std::string(boost::json::parse(a.doc).at("status").as_string()) + " ";
    if (list.size() == 2) {
      draft_answers = tx.list_answers(org->id, list.front().id).size();
      answers = tx.list_answers(org->id, list.back().id).size();
    }
    soa_entries = tx.list_soa_entries(org->id).size();
    return ok();
  }));
  EXPECT_EQ(assessments, 2u);
  EXPECT_EQ(statuses, "in_progress completed ");
  EXPECT_EQ(answers, 70u);
  EXPECT_EQ(draft_answers, 6u);
  EXPECT_EQ(soa_entries, 4u);
  auto again = demo::seed(*store_, cat_, clock_, ids_, "demo-password-123");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, errc::conflict);
}
