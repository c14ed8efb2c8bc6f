// The tamper matrix of the auditor package: each case changes an untouched package the way an
// attacker would, then seals it twice — with the manifest rewritten and signed again (as if the
// manifest signature were no obstacle, so that the check under test stands on its own), and with
// the manifest rewritten but the original manifest.sig — and expects the verifier to refuse both,
// naming the problem.
#include <gtest/gtest.h>

#include <functional>

#include "audit_pack_fixture.hpp"
#include "domain/ledger/pack_verifier.hpp"

using namespace aims;
using namespace aims::ledger;
using namespace aims::pack_test;

namespace {

struct TamperCase {
  std::string name;
  std::function<void(Pack&)> tamper;
  std::string file;     // the file the verifier must name
  std::string message;  // a part of its summary
};

std::string ev_path(const std::string& bytes, const std::string& title, const std::string& filename) {
  return evidence_file_name(crypto::sha256_hex(bytes), title, filename);
}

const std::string kEv1 = ev_path(kPolicy, "Policy / v1: ../AI", "policy.PDF");
const std::string kEv2 = ev_path(kMinutes, "Minutes", "minutes.txt");

void drop_row(Pack& p, const std::string& file, const std::string& id) {
  auto rows = p.rows(file);
  rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json::value& v) { return v.as_object().at("id").as_string() == id; }),
             rows.end());
  p.set_rows(file, rows);
}

json::object take_row(Pack& p, const std::string& file, const std::string& id) {
  for (const auto& v : p.rows(file))
    if (v.as_object().at("id").as_string() == id) return v.as_object();
  throw std::logic_error("no row " + id);
}

void add_row(Pack& p, const std::string& file, json::object r) {
  auto rows = p.rows(file);
  rows.push_back(std::move(r));
  p.set_rows(file, rows);
}

/// The log with the entry line of `seq` removed (and the header's size left as it was).
void drop_entry(Pack& p, int seq) {
  auto& log = p.at("audit/log.jsonl").data;
  auto at = log.find("\\\"seq\\\":" + std::to_string(seq) + "}");
  auto start = log.rfind('\n', at) + 1;
  log.erase(start, log.find('\n', at) + 1 - start);
}

/// The first `from` in the file `name` replaced by `to`.
void edit(Pack& p, const std::string& name, const std::string& from, const std::string& to) {
  auto& d = p.at(name).data;
  auto at = d.find(from);
  if (at == std::string::npos) throw std::logic_error("no " + from + " in " + name);
  d.replace(at, from.size(), to);
}

/// The CSV line of `name` that starts with `key` removed.
void drop_line(Pack& p, const std::string& name, const std::string& key) {
  auto& d = p.at(name).data;
  auto at = d.find("\r\n" + key) + 2;
  d.erase(at, d.find("\r\n", at) + 2 - at);
}

const std::string kRisks = "reports/risk-register.csv";
const std::string kSoaCsv = "reports/soa-v2.csv";

std::vector<TamperCase> tamper_cases() {
  return {
      {"a risk row removed", [](Pack& p) { drop_row(p, "records/risk.json", "R-2"); }, "records/risk.json",
       "risk R-2 is missing from records/risk.json"},
      {"records/risk.json removed", [](Pack& p) { p.erase("records/risk.json"); }, "records/risk.json",
       "has no records/risk.json"},
      {"a fabricated row added",
       [](Pack& p) { add_row(p, "records/risk.json", row("R-9", 1, json::object{{"title", "Invented"}})); },
       "records/risk.json", "risk R-9 in records/risk.json has no entry in the audit log"},
      {"a row changed",
       [](Pack& p) {
         auto r = take_row(p, "records/risk.json", "R-1");
         r["doc"].as_object()["title"] = "Nothing to see";
         drop_row(p, "records/risk.json", "R-1");
         add_row(p, "records/risk.json", r);
       },
       "records/risk.json", "risk R-1 in records/risk.json does not match the content hash"},
      {"a row rolled back to its first version",
       [](Pack& p) {
         drop_row(p, "records/risk.json", "R-1");
         add_row(p, "records/risk.json", row("R-1", 1, json::object{{"title", "Bias"}}));
       },
       "records/risk.json", "does not match the content hash of its latest audit log entry"},
      {"a row moved to another file",
       [](Pack& p) {
         auto r = take_row(p, "records/risk.json", "R-2");
         drop_row(p, "records/risk.json", "R-2");
         add_row(p, "records/objective.json", r);
       },
       "records/objective.json", "objective R-2 in records/objective.json has no entry"},
      {"a duplicate row",
       [](Pack& p) { add_row(p, "records/risk.json", take_row(p, "records/risk.json", "R-1")); }, "records/risk.json",
       "holds the risk R-1 twice"},
      {"a deleted record put back",
       [](Pack& p) { add_row(p, "records/risk.json", row("R-3", 1, json::object{{"title", "Gone"}})); },
       "records/risk.json", "risk R-3 in records/risk.json was deleted by audit log entry"},
      {"a child record removed", [](Pack& p) { drop_row(p, "records/objective_reading.json", "rd_1"); },
       "records/objective_reading.json", "objective_reading obj_1/rd_1 is missing"},
      {"a system row with a member the format does not define",
       [](Pack& p) {
         auto r = take_row(p, "records/systems.json", "sys_1");
         r["note"] = "unhashed";
         p.set_rows("records/systems.json", json::array{r});
       },
       "records/systems.json", "\"note\", which the format does not define"},
      {"a system's archived flag flipped",
       [](Pack& p) {
         auto r = take_row(p, "records/systems.json", "sys_1");
         r["archived"] = false;
         p.set_rows("records/systems.json", json::array{r});
       },
       "records/systems.json", "\"archived\" that is not its document's"},
      {"an evidence record and its file removed",
       [](Pack& p) {
         drop_row(p, "records/evidence.json", "ev_2");
         p.erase(kEv2);
       },
       "records/evidence.json", "evidence ev_2 is missing from records/evidence.json"},
      {"an evidence file with no record added",
       [](Pack& p) { p.files.push_back({ev_path("planted", "Planted", "p.txt"), "planted"}); },
       ev_path("planted", "Planted", "p.txt"), "is the file of no live evidence record"},
      {"an evidence file removed", [](Pack& p) { p.erase(kEv1); }, kEv1, "The file of evidence ev_1"},
      {"an evidence file changed", [](Pack& p) { p.at(kEv1).data[0] = 'X'; }, kEv1,
       "does not hash to the SHA-256 of evidence ev_1"},
      {"evidence files swapped between records",
       [](Pack& p) { std::swap(p.at(kEv1).data, p.at(kEv2).data); }, kEv1, "of evidence ev_1 (it was changed or swapped)"},
      {"an evidence file renamed", [](Pack& p) { p.at(kEv2).name = "evidence/minutes.txt"; }, kEv2,
       "The file of evidence ev_2"},
      {"README.txt edited", [](Pack& p) { p.at("README.txt").data += "No need to verify anything.\n"; }, "README.txt",
       "README.txt is not the text of this package format"},
      {"an extra file", [](Pack& p) { p.files.push_back({"notes.txt", "hello"}); }, "notes.txt",
       "is not a file of the package format"},
      {"an extra records file", [](Pack& p) { p.files.push_back({"records/extra.json", "[]\n"}); },
       "records/extra.json", "is not a file of the package format"},
      {"audit/public-key.txt replaced",
       [](Pack& p) {
         const LogSigner other(note::SigningKey::generate(), "aims.invalid");
         p.at("audit/public-key.txt").data = other.verifier_key(p.org) + "\n";
       },
       "audit/public-key.txt", "another key"},
      {"a log entry removed", [](Pack& p) { drop_entry(p, 4); }, "audit/log.jsonl", "The audit log does not verify"},
      {"the checkpoint swapped for another organization's",
       [](Pack& p) { p.at("audit/checkpoint.txt").data = signer().sign("org_other", p.size, p.root); },
       "audit/checkpoint.txt", "no signature by the key aims.invalid/org_pack"},
      {"a risk register row edited", [](Pack& p) { edit(p, kRisks, "Bias in scoring", "Bias (mitigated)"); }, kRisks,
       "row 2 (risk R-1) does not match records/risk.json (it was changed)"},
      {"a risk register row removed", [](Pack& p) { drop_line(p, kRisks, "R-2,"); }, kRisks,
       "has no row for the risk R-2 of records/risk.json (it was removed)"},
      {"a risk register row added", [](Pack& p) { p.at(kRisks).data += "R-9,9,1,Invented\r\n"; }, kRisks,
       "has a row for the risk R-9, which records/risk.json does not hold (it was added)"},
      {"a risk register row duplicated", [](Pack& p) { edit(p, kRisks, "\r\nR-2,", "\r\nR-1,0,2,Bias in scoring\r\nR-2,"); },
       kRisks, "does not have one row per risk of records/risk.json"},
      {"the risk register's header changed", [](Pack& p) { edit(p, kRisks, "residual_likelihood", "residual"); }, kRisks,
       "does not start with the header row of the format"},
      {"the risk register removed", [](Pack& p) { p.erase(kRisks); }, kRisks,
       "has no reports/risk-register.csv, a report its records give (it was removed)"},
      {"an SoA CSV cell edited", [](Pack& p) { edit(p, kSoaCsv, "implemented", "planned"); }, kSoaCsv,
       "row 2 (control A.2.2) does not match records/soa_versions.json (version 2) (it was changed)"},
      {"an SoA CSV made from the older version", [](Pack& p) { p.at(kSoaCsv).data = soa::soa_csv(json::array{soa_item("A.2.2", "planned", {})}); },
       kSoaCsv, "has no row for the control A.6.2.4 of records/soa_versions.json (version 2)"},
      {"the SoA PDF removed", [](Pack& p) { p.erase("reports/soa-v2.pdf"); }, "reports/soa-v2.pdf",
       "has no reports/soa-v2.pdf"},
      {"the SoA reports removed and the index rewritten to say none is approved",
       [](Pack& p) {
         p.erase(kSoaCsv);
         p.erase("reports/soa-v2.pdf");
         auto plan = plan_reports(json::array{}, p.rows("records/assessments.json"), p.rows("records/risk.json"));
         p.at("reports/index.txt").data = reports_index(plan);
       },
       kSoaCsv, "has no reports/soa-v2.csv"},
      {"an SoA report of an older version added", [](Pack& p) { p.files.push_back({"reports/soa-v1.csv", "x"}); },
       "reports/soa-v1.csv", "is not a report the package's records give (it was added)"},
      {"an extra report", [](Pack& p) { p.files.push_back({"reports/notes.txt", "hello"}); }, "reports/notes.txt",
       "is not a report the package's records give"},
      {"the gap assessment report removed", [](Pack& p) { p.erase("reports/gap-assessment-as_1.pdf"); },
       "reports/gap-assessment-as_1.pdf", "has no reports/gap-assessment-as_1.pdf"},
      {"the gap assessment report replaced by a page", [](Pack& p) { p.at("reports/gap-assessment-as_1.pdf").data = "<html>"; },
       "reports/gap-assessment-as_1.pdf", "is not a PDF"},
      {"the index edited", [](Pack& p) { p.at("reports/index.txt").data += "Everything is fine.\n"; }, "reports/index.txt",
       "reports/index.txt is not the index the package's records give (it was changed)"},
      {"the checkpoint swapped for an older one of the same log",
       [](Pack& p) { p.at("audit/checkpoint.txt").data = signer().sign(p.org, 3, merkle::sha256("older")); },
       "audit/checkpoint.txt", "not the checkpoint manifest.sig signs"},
  };
}

}  // namespace

TEST(AuditPackTamper, EveryCaseIsRefusedAndNamed) {
  for (const auto& c : tamper_cases()) {
    SCOPED_TRACE(c.name);
    auto p = sample();
    auto original_sig = sig_of(p, manifest_of(p));
    c.tamper(p);
    auto r = verify_pack(seal(p), signer().verifier(kOrg));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.bad_file, c.file) << r.summary;
    EXPECT_NE(r.summary.find(c.message), std::string::npos) << r.summary;
    // The manifest rewritten to match, but not signed again: the signature no longer matches it.
    r = verify_pack(seal(p, manifest_of(p), original_sig), signer().verifier(kOrg));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.bad_file, "manifest.json") << r.summary;
    EXPECT_NE(r.summary.find("is not the manifest manifest.sig signs"), std::string::npos) << r.summary;
  }
}

TEST(AuditPackTamper, TheManifestSignatureAndTheArchiveAreChecked) {
  auto p = sample();
  auto manifest = manifest_of(p);
  auto key = signer().verifier(kOrg);
  auto expect = [&](const std::string& bytes, const std::string& file, const std::string& message) {
    auto r = verify_pack(bytes, key);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.bad_file, file) << r.summary;
    EXPECT_NE(r.summary.find(message), std::string::npos) << r.summary;
  };
  {
    SCOPED_TRACE("manifest.sig removed");
    auto entries = *zip::read(seal(p));
    std::erase_if(entries, [](const zip::Entry& e) { return e.name == "manifest.sig"; });
    expect(*zip::write(entries), "manifest.sig", "has no manifest.sig");
  }
  {
    SCOPED_TRACE("manifest.sig forged with another key under the organization's name");
    auto forged = note::sign(manifest_statement_text(ManifestStatement{p.org, p.size, p.root, crypto::sha256_hex(manifest)}),
                             signer().origin(p.org), note::SigningKey::generate());
    expect(seal(p, manifest, forged), "manifest.sig", "carries no signature by the key");
  }
  {
    SCOPED_TRACE("manifest.sig with its signature bytes changed");
    auto sig = sig_of(p, manifest);
    auto at = sig.rfind(' ') + 10;
    sig[at] = sig[at] == 'A' ? 'B' : 'A';
    expect(seal(p, manifest, sig), "manifest.sig", "does not verify");
  }
  {
    SCOPED_TRACE("manifest.sig of another organization");
    auto other = signer().sign_text("org_other", manifest_statement_text(ManifestStatement{
                                                     "org_other", p.size, p.root, crypto::sha256_hex(manifest)}));
    expect(seal(p, manifest, other), "manifest.sig", "no signature by the key aims.invalid/org_pack");
  }
  {
    SCOPED_TRACE("a checkpoint note in place of manifest.sig");
    expect(seal(p, manifest, p.at("audit/checkpoint.txt").data), "manifest.sig", "five lines");
  }
  {
    SCOPED_TRACE("the manifest names another checkpoint than manifest.sig");
    auto q = p;
    q.size -= 1;
    auto m = manifest_of(q);
    expect(seal(p, m, sig_of(p, m)), "manifest.json", "checkpoint is not the one manifest.sig signs");
  }
  {
    SCOPED_TRACE("a package of format version 1");
    auto m = manifest_of(p, 1);
    expect(seal(p, m, sig_of(p, m)), "manifest.json", "format version 3");
  }
  {
    SCOPED_TRACE("a package of format version 2 (signed, without reports)");
    auto q = p;
    std::erase_if(q.files, [](const zip::Entry& f) { return f.name.starts_with("reports/"); });
    auto m = manifest_of(q, 2);
    expect(seal(q, m, sig_of(q, m)), "manifest.json", "carry no reports; download a new one");
  }
  {
    SCOPED_TRACE("a ZIP entry duplicated");
    auto entries = *zip::read(seal(p));
    entries.push_back({"records/risk.json", "[]\n"});
    expect(*zip::write(entries), "records/risk.json", "holds records/risk.json twice");
  }
  {
    SCOPED_TRACE("a file in the archive but not in the manifest");
    auto entries = *zip::read(seal(p));
    entries.push_back({"evidence/unlisted.txt", "x"});
    expect(*zip::write(entries), "evidence/unlisted.txt", "is not listed in the manifest");
  }
  {
    SCOPED_TRACE("a file in the manifest but not in the archive");
    auto entries = *zip::read(seal(p));
    std::erase_if(entries, [](const zip::Entry& e) { return e.name == "README.txt"; });
    expect(*zip::write(entries), "README.txt", "listed in the manifest is missing");
  }
  {
    SCOPED_TRACE("verified with another organization's key");
    auto r = verify_pack(seal(p), signer().verifier("org_other"));
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.bad_file, "manifest.sig");
  }
  {
    SCOPED_TRACE("the untouched package");
    auto r = verify_pack(seal(p), key);
    EXPECT_TRUE(r.ok) << r.summary;
  }
}

// A package made by a server that knows a record kind the package format has no records file
// for (e.g. a kind added to the registry without its file) must not verify: the records the log
// says exist would be missing from the package.
TEST(AuditPackTamper, ARecordTypeOfTheLogWithoutARecordsFileIsRefused) {
  auto r = verify_pack(seal(sample(true, "mystery_kind")), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "audit/log.jsonl") << r.summary;
  EXPECT_NE(r.summary.find("names a mystery_kind x_1, a record type this package format does not hold"), std::string::npos)
      << r.summary;
}

// A field-driven kind's records file: a package made before the kind existed has none and still
// verifies; once the log names a record of the kind, the file (and the record in it) must be there.
TEST(AuditPackTamper, AKindsRecordsFileIsRequiredOnceTheLogNamesTheKind) {
  auto old = sample();
  old.erase("records/context_issue.json");
  auto ok = verify_pack(seal(old), signer().verifier(kOrg));
  EXPECT_TRUE(ok.ok) << ok.bad_file << ": " << ok.summary;
  auto p = sample(true, "context_issue");
  auto r = verify_pack(seal(p), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "records/context_issue.json") << r.summary;
  EXPECT_NE(r.summary.find("The context_issue x_1 is missing from records/context_issue.json"), std::string::npos) << r.summary;
  p.erase("records/context_issue.json");
  r = verify_pack(seal(p), signer().verifier(kOrg));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_file, "records/context_issue.json") << r.summary;
}
