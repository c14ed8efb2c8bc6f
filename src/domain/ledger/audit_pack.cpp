#include "domain/ledger/audit_pack.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/ledger/audit_pack_reports.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"
#include "domain/risk/risk_csv.hpp"
#include "domain/soa/soa_csv.hpp"
#include "domain/soa/soa_service.hpp"

namespace aims::ledger {
namespace json = boost::json;
using accounts::Role;

namespace {

json::value pack_doc_value(const std::string& doc) {
  json::error_code ec;
  auto v = json::parse(doc, ec);
  return ec ? json::value(json::string(doc)) : v;
}

json::object row_json(const store::RecordRow& r) {
  json::object o{{"id", r.id},       {"version", r.version},         {"created_at", r.created_at},
                 {"updated_at", r.updated_at}, {"parent_id", r.parent_id}, {"position", r.position},
                 {"ref", r.ref}};
  o["doc"] = pack_doc_value(r.doc);
  return o;
}

std::string rows_file(const std::vector<store::RecordRow>& rows) {
  json::array a;
  for (const auto& r : rows) a.push_back(row_json(r));
  return json::serialize(a) + "\n";
}

std::string str_of(const json::value& d, std::string_view k) {
  auto* v = d.is_object() ? d.as_object().if_contains(k) : nullptr;
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

/// One live evidence record's file in the package.
struct EvidenceFile {
  std::string path, sha256, record_id;
};

/// Reads every records file of the organization and its live evidence files, in `tx`.
status read_records(store::ReadTx& tx, const std::string& org_id, std::map<std::string, std::string>& records,
                    std::vector<EvidenceFile>& evidence, std::string& org_name) {
  records.clear();
  evidence.clear();
  if (auto o = tx.find_org(org_id)) org_name = o->name;
  store::SystemQuery q;
  q.org_id = org_id;
  q.archived = store::ArchivedFilter::all;
  q.limit = static_cast<int>(tx.count_systems(org_id)) + 1;
  json::array systems;
  for (const auto& s : tx.list_systems(q).items) {
    auto full = tx.find_system(org_id, s.id);
    const auto& r = full ? *full : s;
    // The members the log hashes (a system has no parent, position or ref), then "archived".
    systems.push_back(json::object{{"id", r.id},
                                   {"version", r.version},
                                   {"created_at", r.created_at},
                                   {"updated_at", r.updated_at},
                                   {"parent_id", ""},
                                   {"position", 0},
                                   {"ref", ""},
                                   {"doc", pack_doc_value(r.doc)},
                                   {"archived", r.archived}});
  }
  records["records/systems.json"] = json::serialize(systems) + "\n";
  auto assessments = tx.list_assessments(org_id, 1'000'000, std::nullopt);
  records["records/assessments.json"] = rows_file(assessments);
  std::vector<store::RecordRow> answers, actions;
  for (const auto& as : assessments) {
    for (auto& r : tx.list_answers(org_id, as.id)) answers.push_back(std::move(r));
    for (auto& r : tx.list_roadmap_actions(org_id, as.id)) actions.push_back(std::move(r));
  }
  records["records/assessment_answers.json"] = rows_file(answers);
  records["records/roadmap_actions.json"] = rows_file(actions);
  records["records/soa_entries.json"] = rows_file(tx.list_soa_entries(org_id));
  records["records/soa_versions.json"] = rows_file(tx.list_soa_versions(org_id));
  for (const auto& file : pack_records_files()) {
    if (records.count(file.path)) continue;  // the six filled above
    store::RecordFilter f;
    f.org_id = org_id;
    f.kind = file.record_type;
    auto rows = tx.list_records(f);
    if (file.record_type == "evidence") {
      for (const auto& r : rows) {
        auto d = pack_doc_value(r.doc);
        auto sha = str_of(d, "sha256");
        auto* deleted = d.is_object() ? d.as_object().if_contains("deleted") : nullptr;
        if (!sha.empty() && !(deleted && deleted->is_bool() && deleted->as_bool()))
          evidence.push_back({evidence_file_name(sha, str_of(d, "title"), str_of(d, "filename")), sha, r.id});
      }
    }
    records[file.path] = rows_file(rows);
  }
  return ok();
}

/// The reports/ files of a package, made from its records files one at a time
/// (docs/formats/audit-pack.md, "Reports").
result<std::vector<zip::Entry>> make_reports(const std::map<std::string, std::string>& records, PackRenderer& renderer,
                                             const accounts::Actor& a, const std::string& org_name,
                                             const std::string& created) {
  auto rows = [&](const char* path) { return json::parse(records.at(path)).as_array(); };
  auto risks = rows("records/risk.json");
  auto plan = plan_reports(rows("records/soa_versions.json"), rows("records/assessments.json"), risks);
  std::vector<zip::Entry> out{{std::string(kReportsIndex), reports_index(plan)},
                              {std::string(kRiskRegisterCsv), risk::risk_register_csv(risks)}};
  if (plan.soa_version) {
    const auto& items = soa_items(plan);
    out.push_back({plan.soa_csv_path(), soa::soa_csv(items)});
    // The same JSON a SoA export of that version gives, stamped with the package's time.
    json::object soa{{"framework", "ISO/IEC 42001:2023 Annex A"},
                     {"version", plan.soa_number},
                     {"exported_at", created},
                     {"summary", soa::summary(items)},
                     {"items", items}};
    auto pdf = renderer.soa_pdf(soa, org_name);
    if (!pdf) return pdf.error();
    out.push_back({plan.soa_pdf_path(), std::move(*pdf)});
  }
  if (plan.assessment_id) {
    auto pdf = renderer.assessment_pdf(a, *plan.assessment_id);
    if (!pdf) return pdf.error();
    out.push_back({plan.assessment_pdf_path(), std::move(*pdf)});
  }
  return out;
}

}  // namespace

result<std::unique_ptr<PackStream>> AuditPackService::pack(const accounts::Actor& a, PackRenderer& renderer) {
  if (a.role != Role::admin && a.role != Role::manager && a.role != Role::auditor)
    return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) +
                                           ") may not download the auditor package; auditors, managers and admins may.");
  auto slot = slots_.take(a.org_id);
  if (!slot)
    return make_error(errc::too_many_requests, std::to_string(slots_.per_org()) +
                                                   " auditor packages of this organization are being made; try again "
                                                   "when one is done.");
  // The records are read in a snapshot whose log size is the exported checkpoint's, so that each
  // record matches its latest packaged entry; a write in between means exporting again.
  std::map<std::string, std::string> records;  // file name -> content
  std::vector<zip::Entry> reports;
  std::vector<EvidenceFile> evidence;
  auto created = clock_.now_text();
  std::string org_name, note;
  std::optional<Checkpoint> cpt;
  std::optional<LogFile> log;
  for (int attempt = 0; !log; ++attempt) {
    if (attempt == 3)
      return make_error(errc::unavailable, "The organization's records kept changing while the package was made; try again.");
    auto exported = audit_.export_log(a);
    if (!exported) return exported.error();
    // The export ends with the checkpoint of exactly its size: that is the one packaged.
    auto end = exported->body.size();
    auto start = end < 2 ? std::string::npos : exported->body.rfind('\n', end - 2);
    start = start == std::string::npos ? 0 : start + 1;
    note.clear();
    if (auto l = parse_line(std::string_view(exported->body).substr(start, end - 1 - start));
        l && std::holds_alternative<ExportCheckpoint>(*l))
      note = std::get<ExportCheckpoint>(*l).note;
    auto c = parse_checkpoint_text(std::string_view(note).substr(0, note.find("\n\n") + 1));
    if (note.empty() || !c) return make_error(errc::internal, "The audit log export ends without its checkpoint.");
    cpt = *c;
    bool same_size = true;
    auto st = store_.read([&](store::ReadTx& tx) -> status {
      same_size = tx.audit_size(a.org_id) == cpt->size;
      if (!same_size) return ok();
      return read_records(tx, a.org_id, records, evidence, org_name);
    });
    if (!st) return st.error();
    if (!same_size) continue;
    auto made = make_reports(records, renderer, a, org_name, created);
    if (!made && made.error().code == errc::not_found) continue;  // an assessment deleted meanwhile
    if (!made) return made.error();
    reports = std::move(*made);
    log = std::move(*exported);
  }
  auto key = audit_.public_key(a);
  if (!key) return key.error();
  auto keyo = json::parse(*key).as_object();
  json::object cpo{{"origin", cpt->origin}, {"size", cpt->size}, {"root_hash", merkle::to_hex(cpt->root)}, {"checkpoint", note}};

  // In memory: the log, the checkpoint, the key, the records, the reports and the README (bounded
  // by the organization's records and log entries). Evidence: read in chunks, here for its CRC-32 and a
  // check of its SHA-256, and again when the package is read.
  std::vector<zip::Entry> files;
  files.push_back({"audit/log.jsonl", std::move(log->body)});
  files.push_back({"audit/checkpoint.txt", std::string(cpo.at("checkpoint").as_string())});
  files.push_back({"audit/public-key.txt", std::string(keyo.at("verifier_key").as_string()) + "\n"});
  for (auto& [name, body] : records) files.push_back({name, std::move(body)});
  for (auto& r : reports) files.push_back(std::move(r));
  files.push_back({"README.txt", std::string(pack_readme())});
  std::sort(files.begin(), files.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
  std::sort(evidence.begin(), evidence.end(), [](const auto& x, const auto& y) { return x.path < y.path; });
  // Same bytes and title: one file serves both.
  evidence.erase(std::unique(evidence.begin(), evidence.end(), [](const auto& x, const auto& y) { return x.path == y.path; }),
                 evidence.end());
  std::vector<BlobDigest> digests;
  for (const auto& ev : evidence) {
    auto d = digest_blob(blobs_, a.org_id, ev.sha256, ev.record_id);
    if (!d) return d.error();
    digests.push_back(*d);
  }

  json::array listed;
  std::vector<zip::EntryHeader> headers(2);  // manifest.json and manifest.sig, filled below
  for (const auto& f : files) {
    listed.push_back(json::object{{"path", f.name}, {"size", f.data.size()}, {"sha256", crypto::sha256_hex(f.data)}});
    headers.push_back({f.name, zip::crc32_update(0, f.data), f.data.size()});
  }
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    listed.push_back(json::object{{"path", evidence[i].path}, {"size", digests[i].size}, {"sha256", evidence[i].sha256}});
    headers.push_back({evidence[i].path, digests[i].crc, digests[i].size});
  }
  json::object manifest{{"format", kPackFormat},
                        {"version", kPackVersion},
                        {"org", json::object{{"id", a.org_id}, {"name", org_name}}},
                        {"created_at", created},
                        {"checkpoint", json::object{{"origin", cpo.at("origin")},
                                                    {"size", cpo.at("size")},
                                                    {"root_hash", cpo.at("root_hash")}}},
                        {"files", std::move(listed)}};
  auto manifest_bytes = json::serialize(manifest) + "\n";
  auto sig = signer_.sign_text(a.org_id, manifest_statement_text(ManifestStatement{
                                             a.org_id, cpt->size, cpt->root, crypto::sha256_hex(manifest_bytes)}));
  headers[0] = {"manifest.json", zip::crc32_update(0, manifest_bytes), manifest_bytes.size()};
  headers[1] = {"manifest.sig", zip::crc32_update(0, sig), sig.size()};
  files.insert(files.begin(), zip::Entry{"manifest.sig", std::move(sig)});
  files.insert(files.begin(), zip::Entry{"manifest.json", std::move(manifest_bytes)});
  auto layout = zip::layout(headers);
  if (!layout) return layout.error();

  std::vector<PackPart> parts;
  for (std::size_t i = 0; i < files.size(); ++i) {
    parts.push_back(PackPart::memory(std::move(layout->local_headers[i])));
    parts.push_back(PackPart::memory(std::move(files[i].data)));
  }
  for (std::size_t i = 0; i < evidence.size(); ++i) {
    parts.push_back(PackPart::memory(std::move(layout->local_headers[files.size() + i])));
    parts.push_back(PackPart::blob(evidence[i].sha256, evidence[i].record_id, digests[i].size, digests[i].crc));
  }
  parts.push_back(PackPart::memory(std::move(layout->tail)));
  auto filename = "audit-pack-" + a.org_id + "-" + std::to_string(cpo.at("size").to_number<std::int64_t>()) + ".zip";
  return std::make_unique<PackStream>(blobs_, a.org_id, std::move(filename), std::move(parts), layout->size,
                                      std::move(slot));
}

}  // namespace aims::ledger
