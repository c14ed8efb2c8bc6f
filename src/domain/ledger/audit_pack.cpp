#include "domain/ledger/audit_pack.hpp"

#include <boost/json.hpp>

#include <map>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/log_export.hpp"

namespace aims::ledger {
namespace json = boost::json;
using accounts::Role;

namespace {

// Every generic record kind an organization can hold (store.hpp, reserved kinds).
constexpr std::string_view kGenericKinds[] = {
    "risk_criteria",        "risk",           "counter",         "impact_assessment", "impact_assessment_version",
    "impact_settings",      "classification", "classification_version", "obligation",   "objective",
    "objective_reading",    "evidence",       "evidence_link",   "evidence_event"};

json::value doc_value(const std::string& doc) {
  json::error_code ec;
  auto v = json::parse(doc, ec);
  return ec ? json::value(json::string(doc)) : v;
}

json::object row_json(const store::RecordRow& r) {
  json::object o{{"id", r.id},       {"version", r.version},         {"created_at", r.created_at},
                 {"updated_at", r.updated_at}, {"parent_id", r.parent_id}, {"position", r.position},
                 {"ref", r.ref}};
  o["doc"] = doc_value(r.doc);
  return o;
}

std::string rows_file(const std::vector<store::RecordRow>& rows) {
  json::array a;
  for (const auto& r : rows) a.push_back(row_json(r));
  return json::serialize(a) + "\n";
}

constexpr std::string_view kReadme = R"(Auditor package of aims
========================

This archive holds one organization's AI management system records, its evidence files and its
tamper-evident audit log, as they were when the package was made.

  manifest.json          every other file of the package with its size and SHA-256, the
                         organization, the time of making and the audit log checkpoint covered
  audit/log.jsonl        the organization's audit log export (docs/formats/audit-log.md)
  audit/checkpoint.txt   the latest signed checkpoint of that log
  audit/public-key.txt   the verifier key the checkpoints are signed with
  records/<kind>.json    the records of each kind, with their stored documents
  evidence/<sha256>      the evidence files, each named by the SHA-256 of its content

How to verify, offline
----------------------

1. Obtain the organization's verifier key from a source you trust (for instance
   `aims audit public-key` run against the server at an earlier date, or from the organization
   directly). Do not rely only on audit/public-key.txt inside this archive: whoever changed the
   archive could change that file too.

2. Run

       aims audit verify --pack THIS-FILE.zip --key KEY

   It checks that every file listed in manifest.json is present with the listed size and
   SHA-256, that each evidence record's file is present and hashes to the recorded value, and
   that audit/log.jsonl verifies against audit/checkpoint.txt signed by KEY. It exits 0 when
   everything matches, and 1 naming the first file or log entry that does not.

3. Without aims, the same checks can be made by hand: compute `sha256sum` of each file and compare
   with manifest.json, and follow docs/formats/audit-log.md to recompute the Merkle root of the
   log entries and check the Ed25519 signature of the checkpoint.
)";

}  // namespace

result<LogFile> AuditPackService::pack(const accounts::Actor& a) {
  if (a.role != Role::admin && a.role != Role::manager && a.role != Role::auditor)
    return make_error(errc::forbidden, "Your role (" + std::string(accounts::role_name(a.role)) +
                                           ") may not download the auditor package; auditors, managers and admins may.");
  auto log = audit_.export_log(a);
  if (!log) return log.error();
  // The export ends with the checkpoint of exactly its size: that is the one packaged (a newer
  // checkpoint, signed after concurrent writes, would not match the exported entries).
  std::string note;
  for (std::size_t end = log->body.size(); end > 0 && note.empty();) {
    auto start = log->body.rfind('\n', end - 2);
    start = start == std::string::npos ? 0 : start + 1;
    auto line = std::string_view(log->body).substr(start, end - 1 - start);
    if (auto l = parse_line(line); l && std::holds_alternative<ExportCheckpoint>(*l)) note = std::get<ExportCheckpoint>(*l).note;
    else break;
  }
  auto cpt = parse_checkpoint_text(std::string_view(note).substr(0, note.find("\n\n") + 1));
  if (note.empty() || !cpt) return make_error(errc::internal, "The audit log export ends without its checkpoint.");
  auto key = audit_.public_key(a);
  if (!key) return key.error();
  auto keyo = json::parse(*key).as_object();
  json::object cpo{{"origin", cpt->origin}, {"size", cpt->size}, {"root_hash", merkle::to_hex(cpt->root)}, {"checkpoint", note}};

  std::map<std::string, std::string> records;  // file name -> content
  std::vector<std::string> evidence_hashes;
  std::string org_name;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    records.clear();
    evidence_hashes.clear();
    if (auto o = tx.find_org(a.org_id)) org_name = o->name;
    store::SystemQuery q;
    q.org_id = a.org_id;
    q.archived = store::ArchivedFilter::all;
    q.limit = static_cast<int>(tx.count_systems(a.org_id)) + 1;
    json::array systems;
    for (const auto& s : tx.list_systems(q).items) {
      auto full = tx.find_system(a.org_id, s.id);
      const auto& r = full ? *full : s;
      systems.push_back(json::object{{"id", r.id},
                                     {"version", r.version},
                                     {"archived", r.archived},
                                     {"created_at", r.created_at},
                                     {"updated_at", r.updated_at},
                                     {"doc", doc_value(r.doc)}});
    }
    records["records/systems.json"] = json::serialize(systems) + "\n";
    auto assessments = tx.list_assessments(a.org_id, 1'000'000, std::nullopt);
    records["records/assessments.json"] = rows_file(assessments);
    std::vector<store::RecordRow> answers, actions;
    for (const auto& as : assessments) {
      for (auto& r : tx.list_answers(a.org_id, as.id)) answers.push_back(std::move(r));
      for (auto& r : tx.list_roadmap_actions(a.org_id, as.id)) actions.push_back(std::move(r));
    }
    records["records/assessment_answers.json"] = rows_file(answers);
    records["records/roadmap_actions.json"] = rows_file(actions);
    records["records/soa_entries.json"] = rows_file(tx.list_soa_entries(a.org_id));
    records["records/soa_versions.json"] = rows_file(tx.list_soa_versions(a.org_id));
    for (auto kind : kGenericKinds) {
      store::RecordFilter f;
      f.org_id = a.org_id;
      f.kind = std::string(kind);
      auto rows = tx.list_records(f);
      if (kind == "evidence") {
        for (const auto& r : rows) {
          auto d = doc_value(r.doc);
          auto* sha = d.is_object() ? d.as_object().if_contains("sha256") : nullptr;
          auto* deleted = d.is_object() ? d.as_object().if_contains("deleted") : nullptr;
          if (sha && sha->is_string() && !(deleted && deleted->is_bool() && deleted->as_bool()))
            evidence_hashes.emplace_back(sha->as_string());
        }
      }
      records["records/" + std::string(kind) + ".json"] = rows_file(rows);
    }
    return ok();
  });
  if (!st) return st.error();

  std::vector<zip::Entry> files;
  files.push_back({"audit/log.jsonl", std::move(log->body)});
  files.push_back({"audit/checkpoint.txt", std::string(cpo.at("checkpoint").as_string())});
  files.push_back({"audit/public-key.txt", std::string(keyo.at("verifier_key").as_string()) + "\n"});
  for (auto& [name, body] : records) files.push_back({name, std::move(body)});
  std::sort(evidence_hashes.begin(), evidence_hashes.end());
  evidence_hashes.erase(std::unique(evidence_hashes.begin(), evidence_hashes.end()), evidence_hashes.end());
  for (const auto& sha : evidence_hashes) {
    auto reader = blobs_.open(a.org_id, sha);
    if (!reader) continue;  // deleted or purged content: its record says so
    std::string data;
    data.reserve((*reader)->size());
    char buf[1 << 16];
    for (;;) {
      auto n = (*reader)->read(buf, sizeof buf);
      if (!n) return n.error();
      if (*n == 0) break;
      data.append(buf, *n);
    }
    files.push_back({"evidence/" + sha, std::move(data)});
  }

  json::array listed;
  for (const auto& f : files)
    listed.push_back(json::object{{"path", f.name}, {"size", f.data.size()}, {"sha256", crypto::sha256_hex(f.data)}});
  auto created = clock_.now_text();
  json::object manifest{{"format", kPackFormat},
                        {"version", 1},
                        {"org", json::object{{"id", a.org_id}, {"name", org_name}}},
                        {"created_at", created},
                        {"checkpoint", json::object{{"origin", cpo.at("origin")},
                                                    {"size", cpo.at("size")},
                                                    {"root_hash", cpo.at("root_hash")}}},
                        {"files", std::move(listed)}};
  files.insert(files.begin(), zip::Entry{"manifest.json", json::serialize(manifest) + "\n"});
  files.insert(files.begin(), zip::Entry{"README.txt", std::string(kReadme)});
  auto bytes = zip::write(files);
  if (!bytes) return bytes.error();
  LogFile out;
  out.filename = "audit-pack-" + a.org_id + "-" + std::to_string(cpo.at("size").to_number<std::int64_t>()) + ".zip";
  out.body = std::move(*bytes);
  out.size = log->size;
  return out;
}

}  // namespace aims::ledger
