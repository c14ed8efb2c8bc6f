// Time formatting, crypto helpers and text helpers.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/accounts/roles.hpp"

using namespace aims;

TEST(Clock, FormatsAndParsesRfc3339) {
  auto t = parse_time("2026-11-22T10:35:00.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_time(*t), "2026-11-22T10:35:00.123Z");
  EXPECT_FALSE(parse_time("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_time("yesterday"));
  EXPECT_EQ(format_time(*parse_time("2024-02-29T23:59:59Z")), "2024-02-29T23:59:59.000Z");
}

TEST(Crypto, Sha256KnownVector) {
  crypto::init();
  EXPECT_EQ(crypto::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, PasswordsVerifyOnlyWithTheRightPassword) {
  crypto::init();
  auto h = crypto::hash_password("correct horse battery staple");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(crypto::verify_password(h, "correct horse battery staple"));
  EXPECT_FALSE(crypto::verify_password(h, "correct horse battery stapler"));
  EXPECT_FALSE(crypto::verify_password("", "x"));
}

TEST(Crypto, Base64UrlRoundTrip) {
  std::string out;
  auto enc = crypto::base64url_encode(std::string("\x00\xff\x10hello", 8));
  ASSERT_TRUE(crypto::base64url_decode(enc, out));
  EXPECT_EQ(out, std::string("\x00\xff\x10hello", 8));
  EXPECT_FALSE(crypto::base64url_decode("***", out));
}

TEST(Text, Utf8AndEmail) {
  EXPECT_TRUE(text::is_clean_utf8("Grüße\nok"));
  EXPECT_FALSE(text::is_clean_utf8("bad\xC3("));
  EXPECT_FALSE(text::is_clean_utf8("nul\x01"));
  EXPECT_FALSE(text::is_clean_utf8("a\nb", false));
  EXPECT_EQ(text::utf8_length("Grüße"), 5u);
  EXPECT_TRUE(text::looks_like_email("a.b@example.org"));
  EXPECT_FALSE(text::looks_like_email("a b@example.org"));
  EXPECT_FALSE(text::looks_like_email("@x.org"));
  EXPECT_FALSE(text::looks_like_email("a@b"));
}

TEST(Roles, WhoMayDoWhat) {
  using accounts::Action;
  using accounts::Role;
  EXPECT_TRUE(accounts::allowed(Role::contributor, Action::write_record));
  EXPECT_FALSE(accounts::allowed(Role::contributor, Action::archive_record));
  EXPECT_FALSE(accounts::allowed(Role::auditor, Action::write_record));
  EXPECT_FALSE(accounts::allowed(Role::viewer, Action::bulk_import));
  EXPECT_TRUE(accounts::allowed(Role::manager, Action::bulk_import));
  EXPECT_TRUE(accounts::allowed(Role::viewer, Action::read));
}

#include "core/json_text.hpp"

TEST(JsonText, WritesPlainDecimals) {
  boost::json::value v = boost::json::parse(R"({"a":0.03,"b":90.6,"c":1.0,"d":[2.78,-0.5,3],"s":"3E-2","n":null,"t":true})");
  EXPECT_EQ(aims::to_json_text(v), R"({"a":0.03,"b":90.6,"c":1.0,"d":[2.78,-0.5,3],"s":"3E-2","n":null,"t":true})");
  EXPECT_EQ(boost::json::parse(aims::to_json_text(v)), v);
}
