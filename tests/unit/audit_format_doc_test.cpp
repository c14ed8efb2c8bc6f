// The worked example of docs/formats/audit-log.md, computed by the code: a fixed key, three
// entries, their leaf hashes, the root, the signed checkpoint and the export file. If this test
// fails, the document and the code disagree: fix whichever is wrong.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "core/crypto.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/verifier.hpp"

using namespace aims;
using namespace aims::ledger;

namespace {

struct Example {
  LogSigner signer;
  std::vector<std::string> entries;
  std::vector<merkle::Hash> leaves;
  merkle::Hash root{};
  std::string note;
  std::string file;
};

Example example() {
  crypto::init();
  note::Seed seed;
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(i);
  Example x{LogSigner(note::SigningKey::from_seed(seed), "aims.invalid"), {}, {}, {}, {}, {}};
  const std::string org = "org_example";
  Entry e0{"system", "2026-11-22T10:00:00.000Z",
           content_hash(organization_content({org, "Example Org", "2026-11-22T10:00:00.000Z"})).value(), "create", org,
           org, "organization", 0};
  Entry e1{"system", "2026-11-22T10:00:00.000Z",
           content_hash(membership_content({org, "", "usr_admin", "admin", "2026-11-22T10:00:00.000Z"})).value(),
           "create", org, "usr_admin", "membership", 1};
  Entry e2{"alice@example.org", "2026-11-22T10:05:30.250Z", deleted_content_hash(), "delete", org, "risk_1", "risk", 2};
  for (const auto& e : {e0, e1, e2}) {
    x.entries.push_back(entry_bytes(e));
    x.leaves.push_back(merkle::leaf_hash(x.entries.back()));
  }
  x.root = merkle::MemoryTree(x.leaves).root();
  x.note = x.signer.sign(org, 3, x.root);
  x.file = header_line({org, x.signer.origin(org), 3});
  ExportLeafHashes lh;
  for (std::size_t i = 0; i < 3; ++i) {
    x.file += entry_line({x.entries[i]});
    lh.hashes.push_back(merkle::to_hex(x.leaves[i]));
  }
  x.file += leaf_hashes_line(lh) + checkpoint_line({x.note});
  return x;
}

}  // namespace

TEST(AuditFormatDoc, TheWorkedExampleHolds) {
  // The same numbers were computed independently (Python: hashlib, json with sorted keys, and the
  // cryptography package's Ed25519) when the document was written.
  auto x = example();
  note::Seed installation;
  for (std::size_t i = 0; i < installation.size(); ++i) installation[i] = static_cast<std::uint8_t>(i);
  auto org_seed = organization_seed(installation, "org_example");
  merkle::Hash seed_bytes{};
  std::copy(org_seed.begin(), org_seed.end(), seed_bytes.begin());
  EXPECT_EQ(merkle::to_hex(seed_bytes), "2bd52f66582ffcecaad35baec6b20becebb6bdcceea26e8bb1f343aaf5290bdd");
  EXPECT_EQ(x.signer.verifier_key("org_example"), "aims.invalid/org_example+54f72b43+AWM4XKmD/nqKYbgySFETYlO+KlLas2mkfnnW+GBDg53m");
  EXPECT_EQ(x.entries[0],
            R"({"actor":"system","at":"2026-11-22T10:00:00.000Z","content_sha256":"aad2f37dbb5c261394a0d184d84c2721e8dcf56b7465085963de4789d4e0c470","op":"create","org":"org_example","record_id":"org_example","record_type":"organization","seq":0})");
  EXPECT_EQ(x.entries[1],
            R"({"actor":"system","at":"2026-11-22T10:00:00.000Z","content_sha256":"71eedc7a8de6b68ed736934c4a5b6c8a93e16df41c103db7f99fd0eac95fd88f","op":"create","org":"org_example","record_id":"usr_admin","record_type":"membership","seq":1})");
  EXPECT_EQ(x.entries[2],
            R"({"actor":"alice@example.org","at":"2026-11-22T10:05:30.250Z","content_sha256":"74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b","op":"delete","org":"org_example","record_id":"risk_1","record_type":"risk","seq":2})");
  EXPECT_EQ(merkle::to_hex(x.leaves[0]), "74ca082e5da9c94ca5e3820c0056974cd60e34a5b92a5fb739efe3262c6eb3ae");
  EXPECT_EQ(merkle::to_hex(x.leaves[1]), "f84332216c29bdbfe15af167b9bb8242dd0bc97e88161f5510777a398b01b134");
  EXPECT_EQ(merkle::to_hex(x.leaves[2]), "7637dbd9294f64028a8cb7bf25b27329fc64fdf591a55cb9a3c7e2c5ee9a7ff0");
  EXPECT_EQ(merkle::to_hex(merkle::node_hash(x.leaves[0], x.leaves[1])),
            "3d4f89a16e1e1e7983c2c4698766c940e903e94890d96c83c08c30d63443be3c");
  EXPECT_EQ(merkle::to_hex(x.root), "8a8dd5ce2d200a91a1d69b17b2e0f73ddaa9f5ee2c2e91ed75878266fb3bfd97");
  EXPECT_EQ(x.note,
            "aims.invalid/org_example\n3\nio3Vzi0gCpGh1psXsuD3Pdqp9e4sLpHtdYeCZvs7/Zc=\n\n\xe2\x80\x94 aims.invalid/org_example "
            "VPcrQwun1qdUj/sFCpkPXOD1qMw/wJ9WKDfi+r3N68XG8oVD8Mav4adv5Hr5FuxjOSIXLtPms4EieB9z9aOt4UqhjQo=\n");
  EXPECT_EQ(x.file.substr(0, x.file.find('\n') + 1),
            "{\"format\":\"aims-audit-log\",\"org\":\"org_example\",\"origin\":\"aims.invalid/org_example\",\"size\":3,\"version\":1}\n");
  std::istringstream in(x.file);
  auto r = verify_export(in, VerifyOptions{x.signer.verifier("org_example"), x.note, std::nullopt});
  EXPECT_TRUE(r.ok) << r.summary;
}
