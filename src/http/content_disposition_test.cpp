// The Content-Disposition of downloads: the exact name as filename*, a safe ASCII fallback.
#include "http/content_disposition.hpp"

#include <gtest/gtest.h>

using aims::http::content_disposition;

TEST(ContentDisposition, AsciiNamesAreSentTwiceAsTheyAre) {
  EXPECT_EQ(content_disposition("attachment", "Acme gap assessment 2026-12-06.pdf"),
            "attachment; filename=\"Acme gap assessment 2026-12-06.pdf\"; "
            "filename*=UTF-8''Acme%20gap%20assessment%202026-12-06.pdf");
  EXPECT_EQ(content_disposition("inline", "a.html"), "inline; filename=\"a.html\"; filename*=UTF-8''a.html");
}

TEST(ContentDisposition, NonAsciiAndSpecialCharactersHaveASafeFallback) {
  // One `_` per non-ASCII character in the fallback; the exact UTF-8 bytes percent-encoded.
  EXPECT_EQ(content_disposition("attachment", "Zoë.pdf"), "attachment; filename=\"Zo_.pdf\"; filename*=UTF-8''Zo%C3%AB.pdf");
  EXPECT_EQ(content_disposition("attachment", "日本.pdf"), "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf");
  // Quotes, semicolons and % would end or confuse the quoted form; / and \ and control
  // characters cannot be in a file name at all.
  EXPECT_EQ(content_disposition("attachment", "a\"b;c%d"), "attachment; filename=\"a_b_c_d\"; filename*=UTF-8''a%22b%3Bc%25d");
  EXPECT_EQ(content_disposition("attachment", "a/b\\c\nd"), "attachment; filename=\"a_b_c_d\"; filename*=UTF-8''a_b_c_d");
}
