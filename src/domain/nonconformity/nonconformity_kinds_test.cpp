// The nonconformity kinds' pure parts: the requirement is a clause or Annex A control of the
// catalog, a record number names its kind by the longest prefix, the specs build (no facet slot
// used twice), the open-due facet is empty once an NC is closed or a corrective action done or
// cancelled, the served NC's next step follows its status, and the kinds declare their stored rules.
#include <gtest/gtest.h>

#include "domain/nonconformity/nonconformity_kinds.hpp"
#include "domain/records/record_service.hpp"
#include "domain/records/stored_rules.hpp"

using namespace aims;
namespace json = boost::json;

namespace {

std::string open_due(const records::KindSpec& k, json::object doc) {
  store::RecordRow row{k.kind, "org", "", k.prefix + "1", 1, 1, "", "t", "t", json::serialize(doc)};
  return k.facets(row, &doc).text[static_cast<std::size_t>(nonconformity::kOpenDueSlot)];
}

}  // namespace

TEST(NonconformityKinds, RequirementIsAClauseOrAControl) {
  EXPECT_TRUE(nonconformity::is_requirement("9.2.2"));
  EXPECT_TRUE(nonconformity::is_requirement("10.2"));
  EXPECT_TRUE(nonconformity::is_requirement("A.6.2.4"));
  EXPECT_FALSE(nonconformity::is_requirement("11.1"));
  EXPECT_FALSE(nonconformity::is_requirement("A.99"));
  EXPECT_FALSE(nonconformity::is_requirement(""));
}

TEST(NonconformityKinds, RecordNumbersNameTheirKindByPrefix) {
  ASSERT_NE(nonconformity::kind_of_id("INC-3"), nullptr);
  EXPECT_EQ(nonconformity::kind_of_id("INC-3")->kind, "incident");
  EXPECT_EQ(nonconformity::kind_of_id("CAPA-12")->kind, "corrective_action");
  EXPECT_EQ(nonconformity::kind_of_id("NC-1")->kind, "nonconformity");
  EXPECT_EQ(nonconformity::kind_of_id("OFI-2")->kind, "improvement");
  EXPECT_EQ(nonconformity::kind_of_id("ZZZ-1"), nullptr);
  EXPECT_EQ(nonconformity::kind_of_id("NC-"), nullptr);
}

TEST(NonconformityKinds, OpenDueFacetIsEmptyOnceFinished) {
  const auto& nc = nonconformity::nonconformity_kind();
  EXPECT_EQ(open_due(nc, {{"status", "verifying"}, {"due_date", "2026-01-31"}}), "2026-01-31");
  EXPECT_EQ(open_due(nc, {{"status", "closed"}, {"due_date", "2026-01-31"}}), "");
  EXPECT_EQ(open_due(nc, {{"status", "open"}}), "");
  const auto& capa = nonconformity::corrective_action_kind();
  EXPECT_EQ(open_due(capa, {{"status", "in_progress"}, {"due_date", "2026-02-01"}}), "2026-02-01");
  EXPECT_EQ(open_due(capa, {{"status", "done"}, {"due_date", "2026-02-01"}}), "");
  EXPECT_EQ(open_due(capa, {{"status", "cancelled"}, {"due_date", "2026-02-01"}}), "");
}

TEST(NonconformityKinds, NextStepFollowsTheStatus) {
  const auto& nc = nonconformity::nonconformity_kind();
  auto next = [&](json::object doc) {
    store::RecordRow row{nc.kind, "org", "", "NC-1", 1, 1, "", "t", "t", json::serialize(doc)};
    return records::record_view(nc, row).at("next_step");
  };
  EXPECT_EQ(next({{"status", "open"}}), "containment");
  EXPECT_EQ(next({{"status", "analysed"}}), "elsewhere_check");
  EXPECT_EQ(next({{"status", "verifying"}, {"effectiveness_check", {{"result", nullptr}}}}), "effectiveness_result");
  EXPECT_EQ(next({{"status", "verifying"}, {"effectiveness_check", {{"result", "effective"}}}}), "close");
  EXPECT_TRUE(next({{"status", "closed"}}).is_null());
}

TEST(NonconformityKinds, DeclareTheirStoredRules) {
  for (const auto* k : {&nonconformity::nonconformity_kind(), &nonconformity::corrective_action_kind(), &nonconformity::improvement_kind()})
    EXPECT_TRUE(records::stored_rules(k->kind).check) << k->kind;
  EXPECT_TRUE(records::stored_rules("nonconformity").due_slot.has_value());
  EXPECT_FALSE(records::stored_rules("improvement").due_slot.has_value());
}
