#include "domain/documents/approval.hpp"

#include <gtest/gtest.h>

namespace aims::documents::approval {
namespace {

accounts::Actor who(std::string id) { return accounts::Actor{id, id + "@x.test", "org", "Org", accounts::Role::manager}; }

TEST(DocumentApproval, EveryApproverButNeverTheAuthor) {
  auto state = start({"author", "ann", "bob"}, "author", who("author"), "t0", "version 1.0");
  ASSERT_TRUE(state);
  EXPECT_EQ(waiting_for(*state), (std::vector<std::string>{"ann", "bob"}));
  auto self = decide(*state, "author", who("author"), true, "", "t1");
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, errc::forbidden);
  EXPECT_EQ(decide(*state, "author", who("carol"), true, "", "t1").error().code, errc::forbidden);
  EXPECT_EQ(*decide(*state, "author", who("ann"), true, "", "t1"), Outcome::pending);
  EXPECT_EQ(decide(*state, "author", who("ann"), true, "", "t1").error().code, errc::conflict);
  EXPECT_EQ(*decide(*state, "author", who("bob"), true, "ok", "t2"), Outcome::approved);
  EXPECT_EQ(state->at("decisions").as_array().size(), 2u);
}

TEST(DocumentApproval, RejectionNeedsACommentAndEndsTheRound) {
  auto state = start({"ann", "bob"}, "author", who("author"), "t0", "version 1.0");
  ASSERT_TRUE(state);
  EXPECT_EQ(decide(*state, "author", who("ann"), false, "", "t1").error().code, errc::validation);
  EXPECT_TRUE(state->at("decisions").as_array().empty());
  EXPECT_EQ(*decide(*state, "author", who("ann"), false, "needs work", "t1"), Outcome::rejected);
}

TEST(DocumentApproval, NoApproverBesidesTheAuthorIsRefused) {
  EXPECT_EQ(start({"author"}, "author", who("author"), "t0", "version 1.0").error().code, errc::conflict);
  EXPECT_EQ(start({}, "author", who("author"), "t0", "version 1.0").error().code, errc::conflict);
}

}  // namespace
}  // namespace aims::documents::approval
