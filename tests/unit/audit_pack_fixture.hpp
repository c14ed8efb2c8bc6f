// A small but complete auditor package built in memory, as AuditPackService would write it, for
// the package tests: an audit log that starts with the organization, records of several files
// (updated, deleted and child records among them), evidence files named by hash and title, the
// reports made from the records (the PDFs stand-ins that start as a PDF does), the signed
// checkpoint and manifest.sig. Tests change its files and seal it again. Test-only values.
#pragma once
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audit_pack_format.hpp"
#include "domain/ledger/audit_pack_reports.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/risk/risk_csv.hpp"
#include "domain/soa/soa_csv.hpp"

namespace aims::pack_test {
namespace json = boost::json;
using ledger::Entry;

inline const std::string kOrg = "org_pack";

inline const ledger::LogSigner& signer() {
  static const ledger::LogSigner s = [] {
    crypto::init();
    return ledger::LogSigner(note::SigningKey::generate(), "aims.invalid");
  }();
  return s;
}

inline json::object row(const std::string& id, std::int64_t version, json::object doc, const std::string& parent = "") {
  return json::object{{"id", id},           {"version", version},  {"created_at", "2026-11-22T10:00:00.000Z"},
                      {"updated_at", "2026-11-22T10:0" + std::to_string(version) + ":00.000Z"},
                      {"parent_id", parent}, {"position", 0},      {"ref", ""},
                      {"doc", std::move(doc)}};
}

inline std::string hash_of_row(const json::object& r) {
  json::object c;
  for (auto k : {"created_at", "doc", "id", "parent_id", "position", "ref", "updated_at", "version"}) c[k] = r.at(k);
  return *ledger::content_hash(c);
}

/// The package's parts before sealing: every file but manifest.json and manifest.sig, and the
/// checkpoint that manifest.sig names.
struct Pack {
  std::vector<zip::Entry> files;
  std::string org = kOrg;
  std::int64_t size = 0;
  merkle::Hash root{};

  zip::Entry* find(std::string_view name) {
    for (auto& f : files)
      if (f.name == name) return &f;
    return nullptr;
  }
  zip::Entry& at(std::string_view name) {
    if (auto* f = find(name)) return *f;
    throw std::logic_error("no file " + std::string(name));
  }
  void erase(std::string_view name) { std::erase_if(files, [&](const zip::Entry& f) { return f.name == name; }); }
  json::array rows(std::string_view name) { return json::parse(at(name).data).as_array(); }
  void set_rows(std::string_view name, const json::array& a) { at(name).data = json::serialize(a) + "\n"; }
};

inline const std::string kPolicy = "Acme AI policy, version 1\n";
inline const std::string kMinutes = "Management review minutes\n";

inline json::object evidence_doc(const std::string& bytes, const std::string& title, const std::string& filename,
                                 bool deleted = false) {
  return json::object{{"sha256", crypto::sha256_hex(bytes)}, {"title", title}, {"filename", filename},
                      {"deleted", deleted}};
}

/// The export of `entries`, signed at their full size; sets p.size and p.root.
inline std::string export_of(Pack& p, const std::vector<Entry>& entries) {
  merkle::TreeBuilder tree;
  std::string body;
  ledger::ExportLeafHashes leaves;
  for (const auto& e : entries) {
    auto bytes = ledger::entry_bytes(e);
    tree.add(merkle::leaf_hash(bytes));
    body += ledger::entry_line(ledger::ExportEntry{bytes});
    leaves.hashes.push_back(merkle::to_hex(merkle::leaf_hash(bytes)));
  }
  p.size = static_cast<std::int64_t>(entries.size());
  p.root = tree.root();
  auto note = signer().sign(p.org, p.size, p.root);
  p.files.push_back({"audit/checkpoint.txt", note});
  return ledger::header_line(ledger::ExportHeader{p.org, signer().origin(p.org), p.size}) + body +
         ledger::leaf_hashes_line(leaves) + ledger::checkpoint_line(ledger::ExportCheckpoint{note});
}

inline const std::string kPdf = "%PDF-1.4\n% a stand-in for a report drawn by the server\n";

/// Puts the reports/ files its records give into the package (replacing those there).
inline void make_reports(Pack& p) {
  std::erase_if(p.files, [](const zip::Entry& f) { return f.name.starts_with("reports/"); });
  auto risks = p.rows("records/risk.json");
  auto plan = ledger::plan_reports(p.rows("records/soa_versions.json"), p.rows("records/assessments.json"), risks);
  p.files.push_back({std::string(ledger::kReportsIndex), ledger::reports_index(plan)});
  p.files.push_back({std::string(ledger::kRiskRegisterCsv), risk::risk_register_csv(risks)});
  if (plan.soa_version) {
    p.files.push_back({plan.soa_csv_path(), soa::soa_csv(ledger::soa_items(plan))});
    p.files.push_back({plan.soa_pdf_path(), kPdf});
  }
  if (plan.assessment_id) p.files.push_back({plan.assessment_pdf_path(), kPdf});
}

inline json::object soa_item(const std::string& control, const std::string& status, json::array linked) {
  return json::object{{"control_id", control},  {"area_id", control.substr(0, 3)},   {"title", "Control " + control},
                      {"applicable", true},      {"justification", "Needed, for \"reasons\""}, {"reasons", json::array{"risk assessment"}},
                      {"implementation_status", status}, {"owner", "=CISO"},      {"evidence_refs", json::array()},
                      {"policy_refs", json::array{"POL-1", "POL-2"}},             {"latest_answer", nullptr},
                      {"linked_risks", std::move(linked)},                        {"version", 1}};
}

/// The sample package. `with_org`: the log starts with the organization's creation.
inline Pack sample(bool with_org = true, const std::string& extra_type = "") {
  Pack p;
  std::map<std::string, json::array> records;
  for (const auto& f : ledger::pack_records_files()) records[f.path] = json::array{};
  std::vector<Entry> entries;
  auto add = [&](const std::string& type, const std::string& id, const std::string& op, const std::string& hash) {
    Entry e;
    e.actor = "alice@acme.test";
    e.at = "2026-11-22T10:00:00.000Z";
    e.content_sha256 = hash;
    e.op = op;
    e.org = p.org;
    e.record_type = type;
    e.record_id = id;
    e.seq = static_cast<std::int64_t>(entries.size());
    entries.push_back(e);
  };
  if (with_org)
    add("organization", p.org, "create",
        *ledger::content_hash(json::object{{"created_at", "2026-11-22T10:00:00.000Z"}, {"id", p.org}, {"name", "Acme"}}));
  add("membership", "usr_1", "create", crypto::sha256_hex("membership"));
  auto put = [&](const std::string& path, const std::string& type, json::object r, const std::string& op) {
    add(type, ledger::record_id_of(std::string(r.at("parent_id").as_string()), std::string(r.at("id").as_string())), op,
        hash_of_row(r));
    auto& rows = records[path];
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const json::value& v) { return v.as_object().at("id") == r.at("id"); }),
               rows.end());
    rows.push_back(r);
  };
  auto sys = row("sys_1", 1, json::object{{"id", "sys_1"}, {"name", "Scoring"}, {"archived", true}});
  sys["archived"] = true;
  put("records/systems.json", "system", sys, "create");
  put("records/risk.json", "risk", row("R-1", 1, json::object{{"title", "Bias"}}), "create");
  put("records/risk.json", "risk", row("R-2", 1, json::object{{"title", "Drift"}}), "create");
  put("records/risk.json", "risk", row("R-1", 2, json::object{{"title", "Bias in scoring"}}), "update");
  put("records/risk.json", "risk", row("R-3", 1, json::object{{"title", "Gone"}}), "create");
  records["records/risk.json"].pop_back();
  add("risk", "R-3", "delete", ledger::deleted_content_hash());
  put("records/evidence.json", "evidence", row("ev_1", 1, evidence_doc(kPolicy, "Policy / v1: ../AI", "policy.PDF")),
      "create");
  put("records/evidence.json", "evidence", row("ev_2", 1, evidence_doc(kMinutes, "Minutes", "minutes.txt")), "create");
  put("records/evidence.json", "evidence", row("ev_3", 1, evidence_doc("old", "Old", "old.txt")), "create");
  put("records/evidence.json", "evidence", row("ev_3", 2, evidence_doc("old", "Old", "old.txt", true)), "update");
  add("roadmap", "as_1", "generate", crypto::sha256_hex("history"));
  put("records/objective.json", "objective", row("obj_1", 1, json::object{{"title", "Accuracy"}}), "create");
  put("records/assessments.json", "assessment",
      row("as_1", 1, json::object{{"name", "Baseline"}, {"assessment_date", "2026-11-01"}}), "create");
  put("records/soa_versions.json", "soa_version",
      row("1", 1, json::object{{"number", 1}, {"items", json::array{soa_item("A.2.2", "planned", {})}}}), "create");
  put("records/soa_versions.json", "soa_version",
      row("2", 1, json::object{{"number", 2},
                               {"items", json::array{soa_item("A.2.2", "implemented", {"R-1"}),
                                                     soa_item("A.6.2.4", "partial", {"R-1", "R-2"})}}}),
      "create");
  put("records/objective_reading.json", "objective_reading", row("rd_1", 1, json::object{{"value", 3}}, "obj_1"),
      "create");

  if (!extra_type.empty()) add(extra_type, "x_1", "create", crypto::sha256_hex("x"));  // a type the format lacks
  auto log = export_of(p, entries);
  p.files.push_back({"audit/log.jsonl", log});
  p.files.push_back({"audit/public-key.txt", signer().verifier_key(p.org) + "\n"});
  p.files.push_back({"README.txt", std::string(ledger::pack_readme())});
  for (auto& [path, rows] : records) p.files.push_back({path, json::serialize(rows) + "\n"});
  p.files.push_back({ledger::evidence_file_name(crypto::sha256_hex(kPolicy), "Policy / v1: ../AI", "policy.PDF"), kPolicy});
  p.files.push_back({ledger::evidence_file_name(crypto::sha256_hex(kMinutes), "Minutes", "minutes.txt"), kMinutes});
  make_reports(p);
  return p;
}

/// manifest.json of the files as they are now.
inline std::string manifest_of(const Pack& p, int version = ledger::kPackVersion) {
  json::array listed;
  for (const auto& f : p.files)
    listed.push_back(json::object{{"path", f.name}, {"size", f.data.size()}, {"sha256", crypto::sha256_hex(f.data)}});
  return json::serialize(json::object{
             {"format", "aims-audit-pack"},
             {"version", version},
             {"org", json::object{{"id", p.org}, {"name", "Acme"}}},
             {"created_at", "2026-11-22T11:00:00.000Z"},
             {"checkpoint", json::object{{"origin", signer().origin(p.org)}, {"size", p.size},
                                         {"root_hash", merkle::to_hex(p.root)}}},
             {"files", listed}}) +
         "\n";
}

inline std::string sig_of(const Pack& p, const std::string& manifest) {
  return signer().sign_text(p.org, ledger::manifest_statement_text(ledger::ManifestStatement{
                                       p.org, p.size, p.root, crypto::sha256_hex(manifest)}));
}

/// The archive: manifest.json and manifest.sig (`sig`, or a fresh signature when empty), then the files.
inline std::string seal(const Pack& p, std::string manifest = "", std::string sig = "") {
  if (manifest.empty()) manifest = manifest_of(p);
  if (sig.empty()) sig = sig_of(p, manifest);
  auto files = p.files;
  files.insert(files.begin(), zip::Entry{"manifest.sig", sig});
  files.insert(files.begin(), zip::Entry{"manifest.json", manifest});
  return *zip::write(files);
}

}  // namespace aims::pack_test
