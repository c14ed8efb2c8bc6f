// The member directory over the demo organization, under the sanitizers of `make test`: each
// member's AIMS roles come from the demo's role assignments and their roles' names (the name was
// once read through a pointer into a destroyed document, which only a sanitizer or a crash shows).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_fixture.hpp"
#include "domain/accounts/member_service.hpp"

using namespace aims;
using DemoDirectory = aims::testing::DemoOrg;
namespace json = boost::json;

TEST_F(DemoDirectory, MembersCarryTheNamesOfTheAimsRolesTheyHold) {
  accounts::MemberService members(*store_, clock_, ids_);
  auto page = members.directory(admin_, {{"limit", "50"}});
  ASSERT_TRUE(page) << page.error().detail;
  auto items = json::parse(*page).at("items").as_array();
  ASSERT_FALSE(items.empty());
  std::size_t with_roles = 0;
  for (const auto& v : items) {
    const auto& m = v.as_object();
    EXPECT_FALSE(m.contains("email")) << "the directory shows no email";
    for (const auto& r : m.at("aims_roles").as_array()) {
      ASSERT_TRUE(r.is_string());
      EXPECT_FALSE(r.as_string().empty());
    }
    if (!m.at("aims_roles").as_array().empty()) ++with_roles;
  }
  EXPECT_GT(with_roles, 0u) << "the demo assigns AIMS roles to its members";
  const auto& admin = items.front().as_object();
  EXPECT_EQ(admin.at("role").as_string(), "admin");
  EXPECT_EQ(admin.at("aims_roles"), (json::array{"Top management", "AIMS owner"}));
}
