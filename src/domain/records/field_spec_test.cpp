// FieldSpecs: each validation rule of a create body and a patch, refs checked against a real
// store, and what field_kind derives (filters, sorts, facets, the kinds schema).
#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.hpp"
#include "domain/common/test_store.hpp"
#include "domain/context/context_issue_kind.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/field_spec.hpp"
#include "domain/records/kind_schema.hpp"

namespace aims::records {
namespace {
namespace json = boost::json;
using store::FacetSlot;

std::vector<FieldSpec> fields() {
  FieldSpec title{"title", "Title", "", FieldType::text, true};
  title.max_length = 10;
  FieldSpec notes{"notes", "Notes", "", FieldType::long_text};
  notes.max_length = 20;
  FieldSpec level{"level", "Level", "", FieldType::enumeration, true};
  level.values = {{"low", "Low"}, {"high", "High"}};
  level.default_value = "low";
  FieldSpec due{"due", "Due", "", FieldType::date};
  FieldSpec count{"count", "Count", "", FieldType::integer};
  count.min = 1;
  count.max = 5;
  FieldSpec flag{"flag", "Flag", "", FieldType::boolean};
  FieldSpec system{"system_id", "System", "", FieldType::ref};
  system.ref = "system";
  FieldSpec systems{"system_ids", "Systems", "", FieldType::refs};
  systems.ref = "system";
  systems.max_items = 2;
  return {title, notes, level, due, count, flag, system, systems};
}

/// The field errors of reading `body` (one per field), as "field: message".
std::vector<std::string> errors_of(const std::string& body, bool create = true) {
  std::vector<FieldError> errs;
  read_fields(fields(), json::parse(body).as_object(), create, errs);
  std::vector<std::string> out;
  for (const auto& e : errs) out.push_back(e.field + ": " + e.message);
  return out;
}

TEST(FieldSpec, AValidCreateBodyTakesDefaultsAndNulls) {
  std::vector<FieldError> errs;
  auto out = read_fields(fields(), json::parse(R"({"title":"  Bias  ","count":2.0,"system_ids":["a","a","b"]})").as_object(), true, errs);
  ASSERT_TRUE(errs.empty());
  EXPECT_EQ(out.at("title"), "Bias");
  EXPECT_EQ(out.at("level"), "low");
  EXPECT_EQ(out.at("count"), 2);
  EXPECT_TRUE(out.at("due").is_null());
  EXPECT_EQ(out.at("system_ids").as_array().size(), 2u);
}

TEST(FieldSpec, EachRuleGivesOneErrorNamingTheField) {
  EXPECT_EQ(errors_of(R"({"title":"x","colour":"red"})"), std::vector<std::string>{"colour: is not a field here"});
  EXPECT_EQ(errors_of(R"({"title":"x","version":3})"), std::vector<std::string>{"version: is read-only"});
  EXPECT_EQ(errors_of(R"({})"), std::vector<std::string>{"title: is required"});
  EXPECT_EQ(errors_of(R"({"title":null})"), std::vector<std::string>{"title: is required"});
  EXPECT_EQ(errors_of(R"({"title":"   "})"), std::vector<std::string>{"title: must not be empty"});
  EXPECT_EQ(errors_of(R"({"title":"eleven chars"})"), std::vector<std::string>{"title: must be at most 10 characters"});
  EXPECT_EQ(errors_of(R"({"title":7})"), std::vector<std::string>{"title: must be a string"});
  EXPECT_EQ(errors_of(R"({"title":"a\nb"})"), std::vector<std::string>{"title: must be one line of text without control characters"});
  EXPECT_TRUE(errors_of(R"({"title":"x","notes":"a\nb"})").empty());  // long text takes lines
  EXPECT_EQ(errors_of(R"({"title":"x","level":"medium"})"), std::vector<std::string>{"level: must be one of low, high"});
  EXPECT_EQ(errors_of(R"({"title":"x","due":"2026-02-30"})"), std::vector<std::string>{"due: must be a date as YYYY-MM-DD"});
  EXPECT_EQ(errors_of(R"({"title":"x","count":6})"), std::vector<std::string>{"count: must be a whole number from 1 to 5"});
  EXPECT_EQ(errors_of(R"({"title":"x","count":0})"), std::vector<std::string>{"count: must be a whole number from 1 to 5"});
  EXPECT_EQ(errors_of(R"({"title":"x","count":2.5})"), std::vector<std::string>{"count: must be a whole number from 1 to 5"});
  EXPECT_EQ(errors_of(R"({"title":"x","count":"2"})"), std::vector<std::string>{"count: must be a whole number from 1 to 5"});
  EXPECT_EQ(errors_of(R"({"title":"x","flag":"yes"})"), std::vector<std::string>{"flag: must be true or false"});
  EXPECT_EQ(errors_of(R"({"title":"x","system_ids":["a","b","c"]})"), std::vector<std::string>{"system_ids: must have at most 2 entries"});
  EXPECT_EQ(errors_of(R"({"title":"x","system_ids":"a"})"), std::vector<std::string>{"system_ids: must be a list of strings"});
  EXPECT_EQ(errors_of(R"({"title":"x","system_id":""})"), std::vector<std::string>{"system_id: must not be empty"});
  // Several bad fields: one error each.
  EXPECT_EQ(errors_of(R"({"level":"x","count":9,"due":"soon"})").size(), 4u);
}

TEST(FieldSpec, APatchReadsOnlyTheFieldsSentAndNullClearsOptionalOnes) {
  std::vector<FieldError> errs;
  auto out = read_fields(fields(), json::parse(R"({"due":null,"notes":""})").as_object(), false, errs);
  ASSERT_TRUE(errs.empty());
  EXPECT_EQ(out.size(), 2u);
  EXPECT_TRUE(out.at("due").is_null());
  EXPECT_TRUE(out.at("notes").is_null());
  EXPECT_EQ(errors_of(R"({"level":null})", false), std::vector<std::string>{"level: is required"});
  EXPECT_TRUE(errors_of(R"({})", false).empty());
}

TEST(FieldSpec, RefsMustExistInTheOrganization) {
  aims::testing::TempDir dir;
  {
    auto st = store::open_store(dir.db());
    ASSERT_TRUE(st) << st.error().detail;
    std::vector<FieldError> errs;
    ASSERT_TRUE((*st)->read([&](store::ReadTx& tx) -> status {
      check_refs(tx, "org_1", fields(), json::parse(R"({"system_id":"sys_x","system_ids":["sys_y"],"title":"x"})").as_object(), errs);
      return ok();
    }));
    ASSERT_EQ(errs.size(), 2u);
    EXPECT_EQ(errs[0].field, "system_id");
    EXPECT_EQ(errs[0].message, "no AI system sys_x in this organization");
    EXPECT_EQ(errs[1].field, "system_ids");
    // Controls are the catalog's Annex A controls: an area (A.2), a clause (4.1) or an unknown id is none.
    FieldSpec control{"control_id", "Control", "", FieldType::ref};
    control.ref = "control";
    FieldSpec controls{"control_ids", "Controls", "", FieldType::refs};
    controls.ref = "control";
    std::vector<FieldError> bad;
    ASSERT_TRUE((*st)->read([&](store::ReadTx& tx) -> status {
      check_refs(tx, "org_1", {control, controls}, json::parse(R"({"control_id":"A.5.2","control_ids":["A.2.2","A.10.4"]})").as_object(), bad);
      EXPECT_TRUE(bad.empty());
      check_refs(tx, "org_1", {control, controls}, json::parse(R"({"control_id":"A.2","control_ids":["A.2.2","4.1"]})").as_object(), bad);
      check_refs(tx, "org_1", {controls}, json::parse(R"({"control_ids":["A.99.1"]})").as_object(), bad);
      return ok();
    }));
    ASSERT_EQ(bad.size(), 3u);
    EXPECT_EQ(bad[0].field, "control_id");
    EXPECT_EQ(bad[0].message, "A.2 is not an Annex A control of ISO/IEC 42001");
    EXPECT_EQ(bad[1].field, "control_ids");
    EXPECT_EQ(bad[1].message, "4.1 is not an Annex A control of ISO/IEC 42001");
    EXPECT_EQ(bad[2].message, "A.99.1 is not an Annex A control of ISO/IEC 42001");
  }
}

TEST(FieldSpec, UserRefsMustNameAMemberOfTheOrganization) {
  aims::testing::TempDir dir;
  {
    auto st = store::open_store(dir.db());
    ASSERT_TRUE(st) << st.error().detail;
    ASSERT_TRUE((*st)->write([&](store::WriteTx& tx) -> status {
      for (const auto* org : {"org_1", "org_2"})
        if (auto s = tx.insert_org({org, std::string("Org ") + org, "2026-01-01T00:00:00Z"}); !s) return s;
      for (const auto* user : {"usr_in", "usr_out"})
        if (auto s = tx.insert_user({user, std::string(user) + "@example.org", user, "x", "2026-01-01T00:00:00Z", ""}); !s)
          return s;
      if (auto s = tx.insert_membership({"org_1", "", "usr_in", "viewer", "2026-01-01T00:00:00Z"}); !s) return s;
      return tx.insert_membership({"org_2", "", "usr_out", "admin", "2026-01-01T00:00:00Z"});
    }));
    FieldSpec owner{"owner_id", "Owner", "", FieldType::ref};
    owner.ref = "user";
    FieldSpec people{"people", "People", "", FieldType::refs};
    people.ref = "user";
    std::vector<FieldError> errs;
    ASSERT_TRUE((*st)->read([&](store::ReadTx& tx) -> status {
      check_refs(tx, "org_1", {owner, people}, json::parse(R"({"owner_id":"usr_in","people":["usr_in"]})").as_object(), errs);
      EXPECT_TRUE(errs.empty());
      check_refs(tx, "org_1", {owner, people}, json::parse(R"({"owner_id":"usr_out","people":["usr_in","usr_x"]})").as_object(),
                 errs);
      return ok();
    }));
    ASSERT_EQ(errs.size(), 2u);
    EXPECT_EQ(errs[0].message, "no member usr_out in this organization");
    EXPECT_EQ(errs[1].message, "no member usr_x in this organization");
  }
}

TEST(FieldKind, DerivesFiltersSortsAndFacetsFromTheFields) {
  const auto& k = context::context_issue_kind();
  EXPECT_TRUE(k.generic);
  std::vector<std::string> filters, sorts;
  for (const auto& f : k.filters) filters.push_back(f.name);
  for (const auto& s : k.sorts) sorts.push_back(s.name);
  EXPECT_EQ(filters, (std::vector<std::string>{"origin", "category", "effect", "relevance", "status", "owner"}));
  EXPECT_EQ(sorts, (std::vector<std::string>{"number", "title", "relevance", "review_date", "updated_at"}));
  EXPECT_TRUE(k.text_search);
  store::RecordRow row;
  row.id = "CI-7";
  row.position = 7;
  auto doc = json::parse(R"({"title":"Energy Use","description":"Training","category":"environmental","origin":"internal",
      "effect":"risk","relevance":"low","status":"open","owner":" Sustainability Officer ","review_date":null})").as_object();
  auto f = k.facets(row, &doc);
  EXPECT_EQ(f.text[0], "environmental");
  EXPECT_EQ(f.text[5], "sustainability officer");
  EXPECT_EQ(f.number, 2 * 1'000'000'000'000LL + 7);  // low is the third relevance
  EXPECT_EQ(f.text[6].substr(0, 10), "energy use");
  EXPECT_EQ(f.text[7].substr(0, 10), "9999-99-99");  // no review date: last
  EXPECT_NE(f.search.find("training"), std::string::npos);
}

TEST(FieldKind, RefusesASlotUsedTwice) {
  KindSpec k;
  k.kind = "twice";
  FieldSpec a{"a", "A", "", FieldType::text};
  a.filter = FacetSlot::text0;
  FieldSpec b{"b", "B", "", FieldType::text};
  b.sort = FacetSlot::text0;
  k.fields = {a, b};
  EXPECT_THROW(field_kind(k), std::logic_error);
}

TEST(KindSchema, HasTheShapeTheWebAndCliReadAndEveryKindIsInTheRegistry) {
  auto s = kind_schema(context::context_issue_kind(), false);
  for (auto key : {"kind", "path", "cli", "noun", "title", "plural", "prefix", "clause", "can_write", "fields", "filters", "sorts",
                   "text_search"})
    EXPECT_TRUE(s.contains(key)) << key;
  EXPECT_EQ(s.at("path"), "context-issues");
  EXPECT_EQ(s.at("clause"), "4.1");
  EXPECT_EQ(s.at("can_write"), false);
  const auto& title = s.at("fields").as_array()[0].as_object();
  EXPECT_EQ(title.at("type"), "text");
  EXPECT_EQ(title.at("required"), true);
  EXPECT_EQ(title.at("max_length"), 200);
  EXPECT_EQ(s.at("sorts").as_array()[0].as_object().at("label"), "Number");
  EXPECT_EQ(kinds::kind_named("context_issue"), &context::context_issue_kind());
  EXPECT_NE(kinds::kind_named("risk"), nullptr);
  EXPECT_FALSE(kinds::kind_named("risk")->generic);
}

}  // namespace
}  // namespace aims::records
