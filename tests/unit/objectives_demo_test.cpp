// The demo organization's AI objectives: four, each with a year of readings, in the states the
// demo is meant to show (on track, at risk, off track with its reading overdue, within range).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_fixture.hpp"
#include "domain/objectives/objective_service.hpp"

using namespace aims;
using DemoObjectives = aims::testing::DemoOrg;
namespace json = boost::json;

TEST_F(DemoObjectives, FourObjectivesWithAYearOfReadingsInDifferentStates) {
  accounts::Actor viewer;
  ASSERT_TRUE(store_->read([&](store::ReadTx& tx) -> status {
    viewer.org_id = tx.find_org_by_name("Demo Org")->id;
    return ok();
  }));
  objectives::ObjectiveService svc(*store_, cat_, clock_, ids_);
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
