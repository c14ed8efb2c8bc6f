// The password policy and the password hashing pool.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "domain/accounts/hash_pool.hpp"
#include "domain/accounts/password_policy.hpp"

namespace aims::accounts {
namespace {

std::string why(const status& s) { return s ? std::string("accepted") : s.error().errors.at(0).message; }

TEST(PasswordPolicy, RefusesTheWeakPasswordsOfTheReview) {
  for (const char* pw : {"aaaaaaaaaa", "password12", "          ", "0123456789"}) {
    auto s = check_password_policy(pw);
    ASSERT_FALSE(s) << pw;
    EXPECT_EQ(s.error().code, errc::validation) << pw;
    EXPECT_EQ(s.error().errors.at(0).field, "password");
  }
}

TEST(PasswordPolicy, SaysWhy) {
  EXPECT_EQ(why(check_password_policy("short")), "at least 10 characters");
  EXPECT_EQ(why(check_password_policy("          ")), "it is only spaces");
  EXPECT_EQ(why(check_password_policy("ababababab")), "it uses fewer than 4 different characters");
  EXPECT_EQ(why(check_password_policy("abcdeabcde")), "it repeats the same few characters");
  EXPECT_EQ(why(check_password_policy("9876543210")), "it is a sequence such as 0123456789 or abcdefghij");
  EXPECT_EQ(why(check_password_policy("qwertyuiop")), "it is a walk along the keyboard");
  EXPECT_EQ(why(check_password_policy("P4ssw0rd!!")),
            "it is one of the most common passwords, perhaps with digits or symbols added");
}

TEST(PasswordPolicy, RefusesPatternsAndCommonPasswordsWithDecoration) {
  for (const char* pw : {"1111111111", "abcdefghij", "7890123456", "1qaz2wsx3edc", "qwerty1234", "asdfghjkl;",
                         "zxcvbnm,./", "Password123", "iloveyou2024", "Summer2024!", "Welcome123!", "letmein!!!",
                         "Dragon_2001", "\t \t \t \t \t ", "1234512345", "abcd1234abcd"}) {
    EXPECT_FALSE(check_password_policy(pw)) << pw;
  }
}

TEST(PasswordPolicy, RefusesTheUsersAndOrganizationsOwnNames) {
  PasswordContext ctx{"jane.doe@example.org", "jane.doe", "Acme AI"};
  EXPECT_FALSE(check_password_policy("janedoe2026!", ctx));
  EXPECT_FALSE(check_password_policy("Acme AI 2026", ctx));
  EXPECT_FALSE(check_password_policy("jane.doe@example.org", ctx));
  EXPECT_TRUE(check_password_policy("jane likes rowing on sundays", ctx));
}

TEST(PasswordPolicy, AcceptsThePassphrasesOfTheTestsAndLongRandomOnes) {
  PasswordContext viewer{"viewer@acme.test", "viewer", "Acme AI"};
  for (const char* pw : {"correct horse battery staple", "another long password 42", "viewer password 123",
                         "other organization password", "KX7Q2M9WZ4PLR3TN", "tr0ub4dor&3-ish but longer"}) {
    EXPECT_TRUE(check_password_policy(pw, viewer)) << pw << ": " << why(check_password_policy(pw, viewer));
  }
  EXPECT_FALSE(check_password_policy(std::string(1025, 'x') + "yz1"));
}

TEST(HashPool, RunsJobsAndRefusesAtOnceWhenFull) {
  HashPool pool(1, 1);
  std::promise<void> release;
  auto gate = release.get_future().share();
  std::atomic<bool> started{false};
  auto first = pool.try_submit([&, gate] {
    started = true;
    gate.wait();
    return true;
  });
  ASSERT_TRUE(first);
  auto second = pool.try_submit([gate] {
    gate.wait();
    return false;
  });
  ASSERT_TRUE(second);  // queued
  // One running (or about to) and one waiting: the pool is full, a third is refused at once.
  EXPECT_FALSE(pool.try_submit([] { return true; }));
  release.set_value();
  EXPECT_TRUE(first->get());
  EXPECT_FALSE(second->get());
  auto third = pool.try_submit([] { return true; });
  ASSERT_TRUE(third);
  EXPECT_TRUE(third->get());
}

TEST(HashPool, ManyJobsOnTwoThreadsAllComplete) {
  HashPool pool(2, 64);
  std::vector<std::future<bool>> fs;
  std::atomic<int> ran{0};
  for (int i = 0; i < 50; ++i) {
    auto f = pool.try_submit([&] {
      ++ran;
      return true;
    });
    ASSERT_TRUE(f);
    fs.push_back(std::move(*f));
  }
  for (auto& f : fs) EXPECT_TRUE(f.get());
  EXPECT_EQ(ran.load(), 50);
}

}  // namespace
}  // namespace aims::accounts
