// The organization settings against a real SQLite store: the defaults, admin-only changes with
// If-Match and validation, and require_segregation (by the settings, and not for system work).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "domain/org/org_settings.hpp"
#include "store/store.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

class OrgSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    dir_ = std::filesystem::temp_directory_path() / ("aims-org-settings-" + crypto::random_base32(8));
    std::filesystem::create_directories(dir_);
    auto st = store::open_store((dir_ / "aims.db").string());
    ASSERT_TRUE(st) << st.error().detail;
    store_ = std::move(*st);
    accounts::AdminService admin(*store_, clock_, ids_);
    auto org = admin.init("Acme", "admin@acme.test", "correct horse battery staple");
    ASSERT_TRUE(org) << org.error().detail;
    admin_ = accounts::Actor{"u1", "admin@acme.test", org->id, org->name, accounts::Role::admin};
    manager_ = accounts::Actor{"u2", "manager@acme.test", org->id, org->name, accounts::Role::manager};
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  status segregated(const accounts::Actor& a, org::Duty d, bool author) {
    return store_->read([&](store::ReadTx& tx) { return org::require_segregation(tx, a, d, author, "you wrote it."); });
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  SystemClock clock_;
  RandomIds ids_;
  accounts::Actor admin_, manager_;
};

const json::value kAllOff = json::parse(R"({"segregation_of_duties":{"impact_approval":false,"risk_acceptance":false,"soa_approval":false}})");

}  // namespace

TEST_F(OrgSettingsTest, DefaultsSegregateEveryDutyAtVersionZero) {
  org::OrgSettingsService svc(*store_, clock_);
  auto v = svc.get(manager_);
  ASSERT_TRUE(v) << v.error().detail;
  EXPECT_EQ(v->version, 0);
  EXPECT_EQ(json::parse(v->json).at("segregation_of_duties"),
            json::parse(R"({"impact_approval":true,"risk_acceptance":true,"soa_approval":true})"));
}

TEST_F(OrgSettingsTest, OnlyAdminsChangeThemUnderIfMatchAndBadBodiesNameTheField) {
  org::OrgSettingsService svc(*store_, clock_);
  auto refused = svc.put(manager_, kAllOff, std::string("\"v0\""));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::forbidden);
  EXPECT_NE(refused.error().detail.find("only admins may"), std::string::npos);
  EXPECT_EQ(svc.put(admin_, kAllOff, std::nullopt).error().code, errc::precondition_required);
  EXPECT_EQ(svc.put(admin_, kAllOff, std::string("\"v3\"")).error().code, errc::precondition_failed);
  auto bad = svc.put(admin_, json::parse(R"({"segregation_of_duties":{"impact_approval":1,"risk_acceptance":true}})"), std::string("\"v0\""));
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().errors.size(), 2u);
  EXPECT_EQ(bad.error().errors[0].field, "segregation_of_duties.impact_approval");
  EXPECT_EQ(bad.error().errors[1].field, "segregation_of_duties.soa_approval");
  EXPECT_EQ(svc.get(admin_)->version, 0);
  auto saved = svc.put(admin_, kAllOff, std::string("\"v0\""));
  ASSERT_TRUE(saved) << saved.error().detail;
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(json::parse(saved->json).at("updated_by").as_string(), "admin@acme.test");
}

TEST_F(OrgSettingsTest, RequireSegregationRefusesAuthorsOfPeopleOnlyWhileTheDutyIsOn) {
  {
    ledger::ActorScope person("manager@acme.test");
    auto s = segregated(manager_, org::Duty::risk_acceptance, true);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, errc::forbidden);
    EXPECT_EQ(s.error().detail, "Segregation of duties: you wrote it.");
    EXPECT_TRUE(segregated(manager_, org::Duty::risk_acceptance, false));
  }
  // The system's own work (no person's scope open, e.g. the demo seed) is not checked.
  EXPECT_TRUE(segregated(manager_, org::Duty::risk_acceptance, true));
  org::OrgSettingsService svc(*store_, clock_);
  ASSERT_TRUE(svc.put(admin_, kAllOff, std::string("\"v0\"")));
  ledger::ActorScope person("manager@acme.test");
  EXPECT_TRUE(segregated(manager_, org::Duty::impact_approval, true));
  EXPECT_TRUE(segregated(manager_, org::Duty::soa_approval, true));
}
