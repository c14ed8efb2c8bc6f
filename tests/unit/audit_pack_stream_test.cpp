// The auditor package read piece by piece: evidence blobs of the filesystem blob store, one larger
// than a read chunk, come out in a ZIP that reads back with good CRC-32s; a blob that does not hash
// to its record is refused before anything is sent, and one changed while the package is read ends
// it with an error before its last bytes are given out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/evidence/file_blob_store.hpp"
#include "domain/ledger/audit_pack_stream.hpp"

using namespace aims;
using namespace aims::ledger;
namespace fs = std::filesystem;

namespace {

class PackStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    dir_ = fs::temp_directory_path() / ("aims-packstream-" + crypto::random_base32(8));
    blobs_ = std::make_unique<evidence::FileBlobStore>((dir_ / "evidence").string());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string put(const std::string& bytes) {
    auto sha = crypto::sha256_hex(bytes);
    auto w = blobs_->create();
    EXPECT_TRUE(w);
    EXPECT_TRUE((*w)->write(bytes));
    bool existed = false;
    EXPECT_TRUE((*w)->commit("org_a", sha, existed));
    return sha;
  }

  /// A package of one file in memory and the given blobs, as AuditPackService lays it out.
  std::unique_ptr<PackStream> stream(const std::vector<std::string>& shas, std::uint64_t& size) {
    std::vector<zip::EntryHeader> headers{{"README.txt", zip::crc32_update(0, "read me\n"), 8}};
    std::vector<BlobDigest> digests;
    for (const auto& sha : shas) {
      auto d = digest_blob(*blobs_, "org_a", sha, "ev_" + sha.substr(0, 4));
      EXPECT_TRUE(d) << d.error().detail;
      digests.push_back(*d);
      headers.push_back({"evidence/" + sha.substr(0, 16), d->crc, d->size});
    }
    auto l = zip::layout(headers);
    EXPECT_TRUE(l);
    std::vector<PackPart> parts{PackPart::memory(l->local_headers[0]), PackPart::memory("read me\n")};
    for (std::size_t i = 0; i < shas.size(); ++i) {
      parts.push_back(PackPart::memory(l->local_headers[i + 1]));
      parts.push_back(PackPart::blob(shas[i], "ev_" + shas[i].substr(0, 4), digests[i].size, digests[i].crc));
    }
    parts.push_back(PackPart::memory(l->tail));
    size = l->size;
    return std::make_unique<PackStream>(*blobs_, "org_a", "pack.zip", std::move(parts), l->size, std::nullopt);
  }

  fs::path dir_;
  std::unique_ptr<evidence::FileBlobStore> blobs_;
};

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 977) & 0xFF);
  return s;
}

}  // namespace

TEST_F(PackStreamTest, BlobsLargerThanAChunkComeOutWholeInAReadableZip) {
  auto big = pattern(700 * 1024 + 13), small = std::string("small file\n"), empty = std::string();
  std::vector<std::string> shas{put(big), put(small), put(empty)};
  std::uint64_t size = 0;
  auto s = stream(shas, size);
  std::string out;
  std::vector<char> buf(100'003);  // not a divisor of any size above
  for (;;) {
    auto n = s->read(buf.data(), buf.size());
    ASSERT_TRUE(n) << n.error().detail;
    if (*n == 0) break;
    out.append(buf.data(), *n);
  }
  EXPECT_EQ(out.size(), size);
  EXPECT_EQ(out.size(), s->size());
  auto entries = zip::read(out);
  ASSERT_TRUE(entries) << entries.error().detail;
  ASSERT_EQ(entries->size(), 4u);
  EXPECT_EQ((*entries)[0].data, "read me\n");
  EXPECT_EQ((*entries)[1].data, big);
  EXPECT_EQ((*entries)[2].data, small);
  EXPECT_EQ((*entries)[3].data, empty);
  for (const auto& e : *entries) EXPECT_TRUE(e.crc_ok) << e.name;
  // The same entries written whole give the same bytes: one layout for both ways.
  auto whole = zip::write(*entries);
  ASSERT_TRUE(whole);
  EXPECT_EQ(*whole, out);
}

TEST_F(PackStreamTest, ABlobThatDoesNotHashToItsRecordIsRefusedBeforeAnythingIsSent) {
  auto sha = put(pattern(300 * 1024));
  std::ofstream(blobs_->path_of("org_a", sha), std::ios::binary | std::ios::trunc) << pattern(300 * 1024 - 1) << 'x';
  auto d = digest_blob(*blobs_, "org_a", sha, "ev_1");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::internal);
  EXPECT_NE(d.error().detail.find("ev_1"), std::string::npos) << d.error().detail;
  EXPECT_NE(d.error().detail.find("does not hash"), std::string::npos) << d.error().detail;
  auto missing = digest_blob(*blobs_, "org_a", std::string(64, 'a'), "ev_2");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().detail.find("missing"), std::string::npos) << missing.error().detail;
}

TEST_F(PackStreamTest, ABlobChangedWhileThePackageIsReadEndsItBeforeItsLastBytes) {
  auto bytes = pattern(600 * 1024);
  auto sha = put(bytes);
  std::uint64_t size = 0;
  auto s = stream({sha}, size);
  bytes[500 * 1024] ^= 0x01;  // same size, other bytes
  std::ofstream(blobs_->path_of("org_a", sha), std::ios::binary | std::ios::trunc) << bytes;
  std::uint64_t given = 0;
  std::vector<char> buf(64 * 1024);
  std::optional<Error> failed;
  for (;;) {
    auto n = s->read(buf.data(), buf.size());
    if (!n) {
      failed = n.error();
      break;
    }
    if (*n == 0) break;
    given += *n;
  }
  ASSERT_TRUE(failed) << "the changed blob was sent whole";
  EXPECT_NE(failed->detail.find("does not hash"), std::string::npos) << failed->detail;
  EXPECT_LT(given, size - 22);
}
