// The demo organization's impact assessments: one approved whose AI system changed since (so a
// re-assessment is due), one draft.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/impact/impact_service.hpp"
#include "store/store.hpp"

using namespace aims;
namespace json = boost::json;

TEST(DemoImpact, OneApprovedAndDueOneDraft) {
  crypto::init();
  auto dir = std::filesystem::temp_directory_path() / ("aims-demo-impact-" + crypto::random_base32(8));
  std::filesystem::create_directories(dir);
  {
    auto st = store::open_store((dir / "aims.db").string());
    ASSERT_TRUE(st) << st.error().detail;
    SystemClock clock;
    RandomIds ids;
    auto cat = catalog::Catalog::load_embedded();
    auto login = demo::seed(**st, cat, clock, ids, "demo-password-123");
    ASSERT_TRUE(login) << login.error().detail;
    std::optional<store::Organization> org;
    std::optional<store::User> user;
    ASSERT_TRUE((*st)->read([&](store::ReadTx& tx) -> status {
      org = tx.find_org_by_name("Demo Org");
      user = tx.find_user_by_email(login->email);
      return ok();
    }));
    accounts::Actor admin{user->id, user->email, org->id, org->name, accounts::Role::admin};
    impact::ImpactService svc(**st, clock, ids);
    const records::Params by_ref{{"sort", "ref"}};
    auto list = svc.list(admin, by_ref);
    ASSERT_TRUE(list) << list.error().detail;
    auto items = json::parse(*list).at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    const auto& approved = items[0].as_object();
    EXPECT_EQ(approved.at("ref").as_string(), "IA-1");
    EXPECT_EQ(approved.at("status").as_string(), "approved");
    EXPECT_EQ(approved.at("outcome").as_string(), "restricted");
    EXPECT_TRUE(approved.at("fria_required").as_bool());
    EXPECT_EQ(approved.at("approved_version").as_int64(), 1);
    EXPECT_TRUE(approved.at("reassessment_due").at("due").as_bool());
    EXPECT_EQ(approved.at("reassessment_due").at("reasons"), (json::array{"system_changed"}));
    EXPECT_EQ(approved.at("reassessment_due").at("changed_fields").as_array().size(), 2u);
    const auto& draft = items[1].as_object();
    EXPECT_EQ(draft.at("status").as_string(), "draft");
    EXPECT_FALSE(draft.at("fria_required").as_bool());
    EXPECT_FALSE(draft.at("reassessment_due").at("due").as_bool());
  }
  std::filesystem::remove_all(dir);
}
