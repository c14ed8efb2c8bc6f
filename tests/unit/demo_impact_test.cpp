// The demo organization's impact assessments: one approved whose AI system changed since (so a
// re-assessment is due), one draft.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_fixture.hpp"
#include "domain/impact/impact_service.hpp"

using namespace aims;
using DemoImpact = aims::testing::DemoOrg;
namespace json = boost::json;

TEST_F(DemoImpact, OneApprovedAndDueOneDraft) {
  impact::ImpactService svc(*store_, clock_, ids_);
  const records::Params by_ref{{"sort", "ref"}};
  auto list = svc.list(admin_, by_ref);
  ASSERT_TRUE(list) << list.error().detail;
  auto items = json::parse(*list).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const auto& approved = items[0].as_object();
  EXPECT_EQ(approved.at("ref").as_string(), "IA-1");
  EXPECT_EQ(approved.at("status").as_string(), "approved");
  EXPECT_EQ(approved.at("outcome").as_string(), "restricted");
  // A private employer deploying an Annex III 4(a) system: its saved classification derives no
  // Art. 27 obligation (the obligations register agrees), so no FRIA is required.
  EXPECT_FALSE(approved.at("fria_required").as_bool());
  EXPECT_EQ(approved.at("approved_version").as_int64(), 1);
  EXPECT_TRUE(approved.at("reassessment_due").at("due").as_bool());
  EXPECT_EQ(approved.at("reassessment_due").at("reasons"), (json::array{"system_changed"}));
  EXPECT_EQ(approved.at("reassessment_due").at("changed_fields").as_array().size(), 2u);
  const auto& draft = items[1].as_object();
  EXPECT_EQ(draft.at("status").as_string(), "draft");
  EXPECT_FALSE(draft.at("fria_required").as_bool());
  EXPECT_FALSE(draft.at("reassessment_due").at("due").as_bool());
}
