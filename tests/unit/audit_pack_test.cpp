// The auditor package's ZIP writer/reader, its evidence file names, the organizations' own log
// keys and the offline verifier on an untouched package (the tamper matrix is in
// audit_pack_tamper_test.cpp).
#include <gtest/gtest.h>

#include "audit_pack_fixture.hpp"
#include "domain/ledger/audit_pack_slots.hpp"
#include "domain/ledger/pack_verifier.hpp"

using namespace aims;
using namespace aims::ledger;
using namespace aims::pack_test;

TEST(Zip, WritesAndReadsStoredEntriesAndReportsABadCrc) {
  std::vector<zip::Entry> in{{"a.txt", "hello"}, {"dir/b.bin", std::string("\0\1\2", 3)}, {"empty", ""}};
  auto bytes = zip::write(in);
  ASSERT_TRUE(bytes);
  auto out = zip::read(*bytes);
  ASSERT_TRUE(out);
  ASSERT_EQ(out->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*out)[i].name, in[i].name);
    EXPECT_EQ((*out)[i].data, in[i].data);
    EXPECT_TRUE((*out)[i].crc_ok);
  }
  auto changed = *bytes;
  changed[changed.find("hello")] = 'j';
  out = zip::read(changed);
  ASSERT_TRUE(out);
  EXPECT_FALSE((*out)[0].crc_ok);
  EXPECT_FALSE(zip::read("not a zip at all, just text that is long enough"));
}

TEST(Zip, AnEntryWhoseLocalHeaderNamesAnotherFileIsRefused) {
  auto bytes = *zip::write({{"a.txt", "hello"}});
  bytes[30] = 'b';  // the local header's name; the central directory still says a.txt
  auto out = zip::read(bytes);
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().detail.find("another name"), std::string::npos) << out.error().detail;
}

TEST(AuditPack, EvidenceFilesAreNamedByHashAndASafeTitle) {
  auto sha = crypto::sha256_hex("x");
  EXPECT_EQ(evidence_file_name(sha, "Policy / v1: ../AI", "policy.PDF"), "evidence/" + sha.substr(0, 16) + "-Policy_v1_AI.pdf");
  EXPECT_EQ(evidence_file_name(sha, "..", "noext"), "evidence/" + sha.substr(0, 16) + "-evidence");
  EXPECT_EQ(evidence_file_name(sha, "a\x01\nb\\c", "x.tar/gz"), "evidence/" + sha.substr(0, 16) + "-a_b_c");
  EXPECT_EQ(evidence_file_name(sha, "Zürich report", "r.verylongextension"), "evidence/" + sha.substr(0, 16) + "-Z_rich_report");
  auto long_name = evidence_file_name(sha, std::string(300, 'x'), "a.txt");
  EXPECT_EQ(long_name, "evidence/" + sha.substr(0, 16) + "-" + std::string(60, 'x') + ".txt");
  for (const auto& n : {evidence_file_name(sha, "../../etc/passwd", "p"), evidence_file_name(sha, "/abs", ".x")}) {
    EXPECT_EQ(n.find("..", 9), std::string::npos) << n;
    EXPECT_EQ(n.find('/', 9), std::string::npos) << n;
  }
}

TEST(AuditPack, TheManifestStatementIsNeverACheckpoint) {
  auto text = manifest_statement_text(ManifestStatement{kOrg, 12, merkle::sha256("r"), crypto::sha256_hex("m")});
  EXPECT_FALSE(parse_checkpoint_text(text));
  auto back = parse_manifest_statement(text);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->size, 12);
  EXPECT_EQ(back->manifest_sha256, crypto::sha256_hex("m"));
  EXPECT_FALSE(parse_manifest_statement(checkpoint_text(Checkpoint{"aims.invalid/" + kOrg, 12, merkle::sha256("r")})));
}

TEST(AuditPack, AnUntouchedPackageVerifies) {
  auto p = sample();
  auto r = verify_pack(seal(p), signer().verifier(kOrg));
  ASSERT_TRUE(r.ok) << r.bad_file << ": " << r.summary;
  EXPECT_EQ(r.files, static_cast<std::int64_t>(p.files.size()));
  EXPECT_EQ(r.evidence, 2);
  EXPECT_EQ(r.records, 11);  // sys_1, R-1, R-2, ev_1, ev_2, ev_3, obj_1, obj_1/rd_1, as_1, SoA versions 1 and 2
  EXPECT_EQ(r.reports, 5);  // index, risk register, SoA v2 CSV and PDF, gap assessment PDF
  EXPECT_EQ(r.unlogged, 0);
  EXPECT_TRUE(r.log_covers_org);
  EXPECT_EQ(r.log.entries, p.size);
  EXPECT_EQ(r.org_name, "Acme");
}

TEST(AuditPack, ARowWithoutEntryIsANoteOnlyWhenTheLogDoesNotStartWithTheOrganization) {
  auto p = sample(false);
  auto rows = p.rows("records/risk.json");
  rows.push_back(row("R-0", 1, json::object{{"title", "Written before the log existed"}}));
  p.set_rows("records/risk.json", rows);
  make_reports(p);
  auto r = verify_pack(seal(p), signer().verifier(kOrg));
  ASSERT_TRUE(r.ok) << r.summary;
  EXPECT_FALSE(r.log_covers_org);
  EXPECT_EQ(r.unlogged, 1);
  // A record the log says exists must still be there.
  rows.erase(rows.begin());
  p.set_rows("records/risk.json", rows);
  make_reports(p);
  r = verify_pack(seal(p), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.summary.find("is missing from records/risk.json"), std::string::npos) << r.summary;
}

TEST(OrganizationKeys, EachOrganizationHasItsOwnKeySoARelabelledCheckpointDoesNotVerify) {
  const auto& s = signer();
  auto a = s.verifier("org_a"), b = s.verifier("org_b");
  EXPECT_NE(a.key, b.key);
  EXPECT_NE(a.key, s.legacy_verifier("org_a").key);
  // A plain signed-note client: org B's checkpoint with its signature line relabelled as org A's.
  auto note_b = s.sign("org_b", 3, merkle::sha256("root"));
  auto sig = note_b.substr(note_b.rfind(' ') + 1);
  std::string raw;
  ASSERT_TRUE(note::base64_decode(sig.substr(0, sig.size() - 1), raw));
  std::uint32_t id = a.id;
  for (int i = 3; i >= 0; --i, id >>= 8) raw[i] = static_cast<char>(id & 0xFF);
  auto relabelled = note_b.substr(0, note_b.find("\n\n") + 2) + "\u2014 " + a.name + " " + note::base64_encode(raw) + "\n";
  auto opened = note::open(relabelled, a);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().detail.find("does not verify"), std::string::npos) << opened.error().detail;
  ASSERT_TRUE(note::open(note_b, b));
  EXPECT_TRUE(open_checkpoint(note_b, b));
}

TEST(OrganizationKeys, ACheckpointSignedBeforeOrganizationKeysIsServedWithTheOrganizationsSignatureAdded) {
  const auto& s = signer();
  auto seed = organization_seed(note::SigningKey::generate().seed(), "org_a");
  EXPECT_NE(seed, organization_seed(note::SigningKey::generate().seed(), "org_a"));
  // The installation key's signature, as every checkpoint was signed before.
  note::Seed installation{};
  const ledger::LogSigner fixed(note::SigningKey::from_seed(installation), "aims.invalid");
  auto text = checkpoint_text(Checkpoint{fixed.origin("org_a"), 4, merkle::sha256("r")});
  auto old = note::sign(text, fixed.origin("org_a"), note::SigningKey::from_seed(installation));
  ASSERT_FALSE(note::open(old, fixed.verifier("org_a")));
  auto served = fixed.cosign("org_a", old);
  EXPECT_TRUE(served.starts_with(old));
  EXPECT_TRUE(open_checkpoint(served, fixed.verifier("org_a")));
  EXPECT_TRUE(open_checkpoint(served, fixed.legacy_verifier("org_a")));
  EXPECT_EQ(fixed.cosign("org_a", served), served);
  EXPECT_EQ(fixed.cosign("org_b", old), old) << "another organization's checkpoint gets no signature";
  auto fresh = s.sign("org_a", 1, merkle::sha256("x"));
  EXPECT_EQ(s.cosign("org_a", fresh), fresh);
}

TEST(AuditPack, PackageBuildsAreBoundedPerOrganization) {
  PackSlots slots(2);
  auto a1 = slots.take("org_a");
  auto a2 = slots.take("org_a");
  ASSERT_TRUE(a1 && a2);
  EXPECT_FALSE(slots.take("org_a")) << "a third build of the same organization waits";
  EXPECT_TRUE(slots.take("org_b")) << "another organization has slots of its own";
  a1.reset();
  auto a3 = slots.take("org_a");
  EXPECT_TRUE(a3) << "a finished build gives its slot back";
  EXPECT_FALSE(slots.take("org_a"));
}
