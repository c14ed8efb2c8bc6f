// The ustar writer and reader of the backup archive (core/tar.hpp): headers that read back,
// long names split over prefix and name, padding, and refusals of damaged or foreign headers.
#include <gtest/gtest.h>

#include "core/tar.hpp"

namespace aims {
namespace {

TEST(Tar, HeaderReadsBackWithItsChecksumAndLongNamesSplitAtASlash) {
  std::string name = "evidence/org_0123456789abcdef/sha256/ab/cd/" + std::string(64, 'a');
  ASSERT_GT(name.size(), 100u);
  auto h = tar::header({name, 1234, 0600, 1700000000});
  ASSERT_TRUE(h) << h.error().detail;
  ASSERT_EQ(h->size(), tar::kBlock);
  EXPECT_EQ(h->substr(257, 6), std::string("ustar\0", 6));
  auto m = tar::parse_header(*h);
  ASSERT_TRUE(m) << m.error().detail;
  ASSERT_TRUE(m->has_value());
  EXPECT_EQ((*m)->name, name);
  EXPECT_EQ((*m)->size, 1234u);
  EXPECT_EQ((*m)->mode, 0600u);
  EXPECT_EQ((*m)->mtime, 1700000000);
  // The first 100 bytes hold the part after the split; the prefix field the rest.
  EXPECT_EQ(h->substr(0, 64), std::string(64, 'a'));
}

TEST(Tar, PaddingFillsTheLastBlockAndTheEndIsTwoZeroBlocks) {
  EXPECT_EQ(tar::padding(0).size(), 0u);
  EXPECT_EQ(tar::padding(1).size(), 511u);
  EXPECT_EQ(tar::padding(512).size(), 0u);
  EXPECT_EQ(tar::padding(513).size(), 511u);
  EXPECT_EQ(tar::end(), std::string(1024, '\0'));
  auto z = tar::parse_header(std::string(512, '\0'));
  ASSERT_TRUE(z);
  EXPECT_FALSE(z->has_value());
}

TEST(Tar, DamagedForeignAndUnstorableHeadersAreRefused) {
  auto h = *tar::header({"aims.db", 10, 0600, 0});
  auto flipped = h;
  flipped[3] ^= 1;
  EXPECT_FALSE(tar::parse_header(flipped));  // checksum
  EXPECT_FALSE(tar::parse_header(h.substr(0, 100)));  // cut short
  auto link = h;
  link[156] = '2';  // a symbolic link: fix the checksum so only the type is wrong
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(link[i]);
  std::snprintf(link.data() + 148, 8, "%06o", static_cast<unsigned>(sum));
  link[155] = ' ';
  auto r = tar::parse_header(link);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("not a regular file"), std::string::npos);
  EXPECT_FALSE(tar::header({"", 1, 0600, 0}));
  EXPECT_FALSE(tar::header({std::string(120, 'x'), 1, 0600, 0}));  // no slash to split at
  EXPECT_FALSE(tar::header({"big", tar::kMaxSize + 1, 0600, 0}));
}

}  // namespace
}  // namespace aims
