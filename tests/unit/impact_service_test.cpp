// ImpactService on a real SQLite store with a clock the test moves: an approved assessment falls
// due when its next review date comes, and shows so in the record and the list filter.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/accounts/admin_service.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/common/test_store.hpp"
#include "store/store.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

/// A clock the test sets; read by the services from the test's thread only.
class ImpactTestClock final : public Clock {
 public:
  TimePoint now() const override { return now_; }
  void set(const std::string& rfc3339) { now_ = *parse_time(rfc3339); }

 private:
  TimePoint now_ = *parse_time("2027-01-01T09:00:00.000Z");
};

}  // namespace

TEST(ImpactService, ReassessmentFallsDueOnTheNextReviewDate) {
  aims::testing::TempDir dir;
  {
    auto st = store::open_store(dir.db());
    ASSERT_TRUE(st) << st.error().detail;
    auto& store = **st;
    ImpactTestClock clock;
    RandomIds ids;
    accounts::AdminService admin(store, clock, ids);
    auto org = admin.init("Clocked", "admin@clocked.test", "a long enough password");
    ASSERT_TRUE(org) << org.error().detail;
    std::optional<store::User> user;
    ASSERT_TRUE(store.read([&](store::ReadTx& tx) -> status {
      user = tx.find_user_by_email("admin@clocked.test");
      return ok();
    }));
    accounts::Actor a{user->id, user->email, org->id, org->name, accounts::Role::admin};

    inventory::SystemService systems(store, clock, ids);
    auto sys = systems.create(a, json::object{{"name", "Pricing model"}, {"purpose", "Sets prices"}, {"deployment_context", "Shop"},
                                              {"intended_use", "Daily price updates"}});
    ASSERT_TRUE(sys) << sys.error().detail;
    impact::ImpactService svc(store, clock, ids);
    json::object body{{"system_id", sys->id},
                      {"scope", "Online shop prices"},
                      {"next_review_date", "2027-02-01"},
                      {"impacts", json::array{json::object{{"category", "society"}, {"type", "harm"}, {"affected_party", "Customers"},
                                                           {"description", "Prices discriminate by location"}, {"severity", 1},
                                                           {"likelihood", 2}}}}};
    auto ia = svc.create(a, body);
    ASSERT_TRUE(ia) << ia.error().detail;
    ASSERT_TRUE(svc.submit(a, ia->id, std::nullopt));
    std::int64_t number = 0;
    auto v = svc.approve(a, ia->id, json::object(), std::nullopt, number);
    ASSERT_TRUE(v) << v.error().detail;
    EXPECT_EQ(number, 1);

    auto due = [&] { return json::parse(svc.get(a, ia->id)->json).at("reassessment_due").as_object(); };
    const records::Params only_due{{"reassessment_due", "true"}};
    auto due_count = [&] { return json::parse(*svc.list(a, only_due)).at("total").as_int64(); };
    EXPECT_FALSE(due().at("due").as_bool());
    EXPECT_EQ(due_count(), 0);
    clock.set("2027-01-31T23:59:59.000Z");
    EXPECT_FALSE(due().at("due").as_bool()) << "not before the day";
    clock.set("2027-02-01T00:00:00.000Z");
    EXPECT_TRUE(due().at("due").as_bool());
    EXPECT_EQ(due().at("reasons"), (json::array{"review_date_passed"}));
    EXPECT_EQ(due().at("next_review_date").as_string(), "2027-02-01");
    EXPECT_EQ(due_count(), 1);

    // Approving again needs a review date after the new today, and clears the due state.
    auto etag = records::etag(svc.get(a, ia->id)->version);
    ASSERT_TRUE(svc.update(a, ia->id, json::object{{"next_review_date", "2028-02-01"}}, etag));
    ASSERT_TRUE(svc.submit(a, ia->id, std::nullopt));
    ASSERT_TRUE(svc.approve(a, ia->id, json::object(), std::nullopt, number));
    EXPECT_EQ(number, 2);
    EXPECT_FALSE(due().at("due").as_bool());
  }
}
