#include "domain/ledger/audit_pack_format.hpp"

#include <charconv>
#include <cstring>

#include "core/signed_note.hpp"
#include "domain/kinds/registry.hpp"

namespace aims::ledger {

namespace {

constexpr std::string_view kStatementHeader = "aims audit pack manifest v3";

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_lower_hex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

constexpr std::string_view kReadme = R"(Auditor package of aims
========================

This archive holds one organization's AI management system records, its evidence files and its
tamper-evident audit log, as they were when the package was made.

  manifest.json          every file of the package except itself and manifest.sig, with its size
                         and SHA-256, the organization, the time of making and the audit log
                         checkpoint covered
  manifest.sig           a signed note, by the organization's audit log key, over the SHA-256 of
                         manifest.json, the organization and that checkpoint's size and root
  audit/log.jsonl        the organization's audit log export (docs/formats/audit-log.md)
  audit/checkpoint.txt   the latest signed checkpoint of that log
  audit/public-key.txt   the verifier key the checkpoints are signed with
  records/<kind>.json    the records of each kind, with their stored documents
  reports/index.txt      which readable reports follow, made from those records: the AI risk
                         register (CSV), the latest approved Statement of Applicability (CSV and
                         PDF) and the latest gap assessment report (PDF), or why one is absent
  evidence/<hash>-<title>.<ext>
                         the file of each evidence record that is not deleted, named by the
                         first 16 hex digits of its SHA-256 and the record's title

How to verify, offline
----------------------

1. Obtain the organization's verifier key from a source you trust (for instance
   `aims audit public-key` run against the server at an earlier date, or from the organization
   directly). Do not rely only on audit/public-key.txt inside this archive: whoever changed the
   archive could change that file too.

2. Run

       aims audit verify --pack THIS-FILE.zip --key KEY

   It checks that manifest.sig is signed by KEY over manifest.json and the checkpoint; that every
   file of the archive is listed in manifest.json with its size and SHA-256 and every listed file
   is there; that audit/log.jsonl verifies against audit/checkpoint.txt signed by KEY; that every
   record the log says exists is in its records file with the content hash of its latest log
   entry, and no other record is (when the log covers the organization's whole life); that
   each evidence file belongs to a live evidence record and hashes to its recorded SHA-256; and
   that reports/ holds exactly the reports its records give, each CSV report exactly the one its
   records file gives (the PDFs are checked by their SHA-256 in manifest.json only). It
   exits 0 when everything matches, and 1 naming the first file, record or log entry that does
   not.

3. Without aims, the same checks can be made by hand following docs/formats/audit-pack.md and
   docs/formats/audit-log.md: `sha256sum` each file and compare with manifest.json, recompute the
   Merkle root of the log entries and check the Ed25519 signatures of the checkpoint and of
   manifest.sig.
)";

}  // namespace

const std::vector<PackRecordsFile>& pack_records_files() {
  static const std::vector<PackRecordsFile> files = [] {
    std::vector<PackRecordsFile> f{{"records/systems.json", "system"},
                                   {"records/assessments.json", "assessment"},
                                   {"records/assessment_answers.json", "answer"},
                                   {"records/roadmap_actions.json", "roadmap_action"},
                                   {"records/soa_entries.json", "soa_entry"},
                                   {"records/soa_versions.json", "soa_version"}};
    for (const char* kind : {"risk_criteria", "risk", "counter", "impact_assessment", "impact_assessment_version",
                             "impact_settings", "classification", "classification_version", "obligation",
                             "objective", "objective_reading", "evidence", "evidence_link", "evidence_event", "org_settings",
                             "retention_settings", "legal_hold", "training_completion",
                             "document_version", "document_ack", "incident_report", "management_review_pack",
                             "audit_checklist_row", "internal_audit_report"})
      f.push_back({"records/" + std::string(kind) + ".json", kind});
    for (const auto* k : kinds::generic_kinds()) f.push_back({"records/" + k->kind + ".json", k->kind, true});
    f.push_back({"records/scope.json", "scope", true});  // the AIMS scope (ScopeService), since it exists
    f.push_back({"records/register_snapshot.json", "register_snapshot", true});  // SnapshotService, since it exists
    return f;
  }();
  return files;
}

const PackRecordsFile* pack_records_file_of(std::string_view record_type) {
  for (const auto& f : pack_records_files())
    if (f.record_type == record_type) return &f;
  return nullptr;
}

const PackRecordsFile* pack_records_file_of_path(std::string_view path) {
  for (const auto& f : pack_records_files())
    if (f.path == path) return &f;
  return nullptr;
}

std::string safe_file_title(std::string_view title) {
  std::string out;
  bool gap = false;
  for (char c : title) {
    if (!ascii_alnum(c) && c != '-') {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '_';
    gap = false;
    out += c;
    if (out.size() >= 60) break;
  }
  if (out.size() > 60) out.resize(60);
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "evidence" : out;
}

std::string evidence_file_name(std::string_view sha256_hex, std::string_view title, std::string_view filename) {
  std::string name = "evidence/" + std::string(sha256_hex.substr(0, 16)) + "-" + safe_file_title(title);
  auto dot = filename.rfind('.');
  if (dot != std::string_view::npos) {
    auto ext = filename.substr(dot + 1);
    bool ok = !ext.empty() && ext.size() <= 10;
    for (char c : ext) ok = ok && ascii_alnum(c);
    if (ok) {
      name += '.';
      for (char c : ext) name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return name;
}

std::string manifest_statement_text(const ManifestStatement& s) {
  return std::string(kStatementHeader) + "\n" + s.org_id + "\n" + std::to_string(s.size) + "\n" +
         note::base64_encode(merkle::to_bytes(s.root)) + "\n" + s.manifest_sha256 + "\n";
}

result<ManifestStatement> parse_manifest_statement(std::string_view text) {
  auto bad = [](const std::string& what) { return make_error(errc::validation, "manifest.sig " + what); };
  std::string_view lines[5];
  for (auto& line : lines) {
    auto eol = text.find('\n');
    if (eol == std::string_view::npos) return bad("does not have the five lines of a manifest signature");
    line = text.substr(0, eol);
    text.remove_prefix(eol + 1);
  }
  if (!text.empty()) return bad("has lines after the manifest hash");
  if (lines[0] != kStatementHeader) return bad("does not start with \"" + std::string(kStatementHeader) + "\"");
  ManifestStatement s;
  s.org_id = std::string(lines[1]);
  if (s.org_id.empty()) return bad("names no organization");
  auto [p, ec] = std::from_chars(lines[2].data(), lines[2].data() + lines[2].size(), s.size);
  if (lines[2].empty() || ec != std::errc() || p != lines[2].data() + lines[2].size() || s.size < 0)
    return bad("has no checkpoint size");
  std::string root;
  if (!note::base64_decode(lines[3], root) || root.size() != 32) return bad("has no base64 checkpoint root hash");
  std::memcpy(s.root.data(), root.data(), 32);
  s.manifest_sha256 = std::string(lines[4]);
  if (!is_lower_hex64(s.manifest_sha256)) return bad("has no manifest SHA-256");
  return s;
}

std::string_view pack_readme() { return kReadme; }

}  // namespace aims::ledger
