// The internal audit kinds' pure parts: clause lists and the leaf clauses a main clause covers,
// the requirements of the catalog (32 leaf clauses of 4–10, 38 Annex A controls), the kinds'
// specs as field_kind builds them, and who may conduct audits.
#include "domain/audits/audit_kinds.hpp"

#include <gtest/gtest.h>

#include "domain/accounts/roles.hpp"

namespace aims::audits {
namespace {

TEST(AuditKinds, ClauseListsAndLeaves) {
  EXPECT_EQ(clause_list(" 4, 6.1 ,,9.2 "), (std::vector<std::string>{"4", "6.1", "9.2"}));
  EXPECT_TRUE(clause_list("").empty());
  EXPECT_EQ(leaf_clauses_of({"6.1"}), (std::vector<std::string>{"6.1.1", "6.1.2", "6.1.3", "6.1.4"}));
  EXPECT_EQ(leaf_clauses_of({"9.2", "4.1"}), (std::vector<std::string>{"4.1", "9.2.1", "9.2.2"}));
  EXPECT_EQ(leaf_clauses_of({"1"}), std::vector<std::string>{});  // "1" is no prefix of "10.1"
  EXPECT_EQ(leaf_clauses_of({"10"}), (std::vector<std::string>{"10.1", "10.2"}));
  EXPECT_TRUE(is_clause("6.1.2"));
  EXPECT_TRUE(is_clause("9"));
  EXPECT_FALSE(is_clause("11"));
  EXPECT_FALSE(is_clause("A.6.2.4"));
}

TEST(AuditKinds, RequirementsOfTheCatalog) {
  int clauses = 0, controls = 0;
  for (const auto& r : all_requirements()) (r.kind == "clause" ? clauses : controls)++;
  EXPECT_EQ(clauses, 32);
  EXPECT_EQ(controls, 38);
  ASSERT_NE(requirement_of("A.10.4"), nullptr);
  EXPECT_EQ(requirement_of("A.10.4")->kind, "control");
  EXPECT_EQ(requirement_of("6.1"), nullptr);  // not a leaf
}

TEST(AuditKinds, SpecsAndRoles) {
  EXPECT_EQ(internal_audit_kind().prefix, "IA-");
  EXPECT_EQ(internal_audit_kind().path, "internal-audits");
  EXPECT_EQ(audit_finding_kind().prefix, "AF-");
  EXPECT_EQ(audit_request_kind().prefix, "RFI-");
  EXPECT_TRUE(internal_audit_kind().generic);
  EXPECT_TRUE(static_cast<bool>(internal_audit_kind().guard));
  using accounts::Action;
  using accounts::Role;
  EXPECT_TRUE(accounts::allowed(Role::auditor, Action::conduct_audit));
  EXPECT_TRUE(accounts::allowed(Role::manager, Action::conduct_audit));
  EXPECT_TRUE(accounts::allowed(Role::admin, Action::conduct_audit));
  EXPECT_FALSE(accounts::allowed(Role::contributor, Action::conduct_audit));
  EXPECT_FALSE(accounts::allowed(Role::viewer, Action::conduct_audit));
}

}  // namespace
}  // namespace aims::audits
