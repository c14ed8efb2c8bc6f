// The demo organization's AI objectives: four, each with a year of readings, in the states the
// demo is meant to show (on track, at risk, off track with its reading overdue, within range).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/demo/demo_seed.hpp"
#include "domain/objectives/objective_service.hpp"
#include "store/store.hpp"

using namespace aims;
namespace json = boost::json;

TEST(DemoObjectives, FourObjectivesWithAYearOfReadingsInDifferentStates) {
  crypto::init();
  auto dir = std::filesystem::temp_directory_path() / ("aims-demo-obj-" + crypto::random_base32(8));
  std::filesystem::create_directories(dir);
  {
    auto st = store::open_store((dir / "aims.db").string());
    ASSERT_TRUE(st) << st.error().detail;
    SystemClock clock;
    RandomIds ids;
    auto cat = catalog::Catalog::load_embedded();
    auto login = demo::seed(**st, cat, clock, ids, "demo-password-123");
    ASSERT_TRUE(login) << login.error().detail;
    accounts::Actor viewer;
    ASSERT_TRUE((*st)->read([&](store::ReadTx& tx) -> status {
      viewer.org_id = tx.find_org_by_name("Demo Org")->id;
      return ok();
    }));
    objectives::ObjectiveService svc(**st, cat, clock, ids);
    auto list = svc.list(viewer, {});
    ASSERT_TRUE(list) << list.error().detail;
    auto items = json::parse(*list).at("items").as_array();
    ASSERT_EQ(items.size(), 4u);
    std::vector<std::string> states, keys;
    for (const auto& v : items) {
      keys.emplace_back(v.at("key").as_string());
      states.emplace_back(v.at("derived").at("status").as_string());
      EXPECT_FALSE(v.at("system_name").is_null());
      EXPECT_FALSE(v.at("plans").as_array().empty());
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"OBJ-1", "OBJ-2", "OBJ-3", "OBJ-4"}));
    EXPECT_EQ(states, (std::vector<std::string>{"on_track", "at_risk", "off_track", "on_track"}));
    EXPECT_TRUE(items[2].at("derived").at("reading_overdue").as_bool());
    EXPECT_FALSE(items[0].at("derived").at("reading_overdue").as_bool());
    auto fraud = svc.get(viewer, "OBJ-2");
    ASSERT_TRUE(fraud);
    EXPECT_EQ(json::parse(fraud->json).at("readings_count").as_int64(), 52);
  }
  std::filesystem::remove_all(dir);
}
