// The auditor package's ZIP writer/reader and its offline verifier: a well-formed package verifies;
// a changed evidence file or log entry is named even when the manifest was rewritten to match.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/ledger/pack_verifier.hpp"

using namespace aims;
using namespace aims::ledger;
namespace json = boost::json;

namespace {

const std::string kOrg = "org_pack";

const LogSigner& signer() {
  static const LogSigner s = [] {
    crypto::init();
    return LogSigner(note::SigningKey::generate(), "aims.invalid");
  }();
  return s;
}

struct Pack {
  std::vector<zip::Entry> files;  // without README and manifest
  std::string checkpoint;
};

std::string kFile = "Evidence file bytes\n";

json::object evidence_row() {
  return json::object{{"id", "ev_1"},   {"version", 1},     {"created_at", "2026-11-22T10:00:01.000Z"},
                      {"updated_at", "2026-11-22T10:00:01.000Z"},
                      {"parent_id", ""}, {"position", 0},   {"ref", crypto::sha256_hex(kFile)},
                      {"doc", json::object{{"sha256", crypto::sha256_hex(kFile)}, {"deleted", false}}}};
}

Pack sample() {
  Pack p;
  std::vector<std::string> entries;
  merkle::TreeBuilder tree;
  for (int i = 0; i < 5; ++i) {
    Entry e;
    e.actor = "alice@acme.test";
    e.at = "2026-11-22T10:00:0" + std::to_string(i) + ".000Z";
    e.op = "create";
    e.content_sha256 = i == 1 ? *content_hash(evidence_row()) : crypto::sha256_hex("doc " + std::to_string(i));
    e.org = kOrg;
    e.record_type = "evidence";
    e.record_id = "ev_" + std::to_string(i);
    e.seq = i;
    entries.push_back(entry_bytes(e));
    tree.add(merkle::leaf_hash(entries.back()));
  }
  p.checkpoint = signer().sign(kOrg, 5, tree.root());
  std::string log = header_line(ExportHeader{kOrg, signer().origin(kOrg), 5});
  ExportLeafHashes leaves;
  for (const auto& e : entries) {
    log += entry_line(ExportEntry{e});
    leaves.hashes.push_back(merkle::to_hex(merkle::leaf_hash(e)));
  }
  log += leaf_hashes_line(leaves) + checkpoint_line(ExportCheckpoint{p.checkpoint});
  std::string file = kFile;
  auto sha = crypto::sha256_hex(file);
  json::array ev{evidence_row()};
  p.files = {{"audit/log.jsonl", log},
             {"audit/checkpoint.txt", p.checkpoint},
             {"records/evidence.json", json::serialize(ev)},
             {"evidence/" + sha, file}};
  return p;
}

std::string build(const Pack& p) {
  json::array listed;
  for (const auto& f : p.files)
    listed.push_back(json::object{{"path", f.name}, {"size", f.data.size()}, {"sha256", crypto::sha256_hex(f.data)}});
  auto files = p.files;
  files.insert(files.begin(), zip::Entry{"manifest.json", json::serialize(json::object{
                                                              {"format", "aims-audit-pack"},
                                                              {"org", json::object{{"id", kOrg}, {"name", "Acme"}}},
                                                              {"files", listed}})});
  files.insert(files.begin(), zip::Entry{"README.txt", "read me"});
  return *zip::write(files);
}

zip::Entry& file(Pack& p, std::string_view prefix) {
  for (auto& f : p.files)
    if (f.name.starts_with(prefix)) return f;
  throw std::logic_error("no such file");
}

}  // namespace

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

TEST(AuditPack, AWellFormedPackageVerifies) {
  auto r = verify_pack(build(sample()), signer().verifier(kOrg));
  EXPECT_TRUE(r.ok) << r.summary;
  EXPECT_EQ(r.files, 4);
  EXPECT_EQ(r.evidence, 1);
  EXPECT_EQ(r.records, 1);
  EXPECT_EQ(r.log.entries, 5);
  EXPECT_EQ(r.org_name, "Acme");
}

TEST(AuditPack, AChangedEvidenceFileIsNamedEvenWithARewrittenManifest) {
  auto p = sample();
  auto& ev = file(p, "evidence/");
  ev.data[0] = 'X';
  auto r = verify_pack(build(p), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, ev.name);
}

TEST(AuditPack, AChangedLogEntryIsNamedEvenWithARewrittenManifest) {
  auto p = sample();
  auto& log = file(p, "audit/log.jsonl");
  auto at = log.data.find("alice");
  log.data.replace(at, 5, "mally");
  auto r = verify_pack(build(p), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "audit/log.jsonl");
  ASSERT_TRUE(r.log.first_bad);
  EXPECT_EQ(*r.log.first_bad, 0);
}

TEST(AuditPack, ARecordChangedAfterItsLogEntryIsNamedEvenWithARewrittenManifest) {
  auto p = sample();
  auto row = evidence_row();
  row["doc"].as_object()["title"] = "Added later";
  file(p, "records/evidence.json").data = json::serialize(json::array{row});
  auto r = verify_pack(build(p), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "records/evidence.json");
  EXPECT_NE(r.summary.find("evidence ev_1"), std::string::npos) << r.summary;
}

TEST(AuditPack, MissingUnlistedAndWronglyKeyedPackagesAreRefused) {
  auto p = sample();
  auto bytes = build(p);
  auto entries = *zip::read(bytes);
  entries.push_back({"records/extra.json", "[]"});
  auto r = verify_pack(*zip::write(entries), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "records/extra.json");

  entries.pop_back();
  std::erase_if(entries, [](const zip::Entry& e) { return e.name.starts_with("evidence/"); });
  r = verify_pack(*zip::write(entries), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.bad_file.starts_with("evidence/")) << r.bad_file;

  const LogSigner other(note::SigningKey::generate(), "aims.invalid");
  r = verify_pack(bytes, other.verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "audit/log.jsonl");
}
