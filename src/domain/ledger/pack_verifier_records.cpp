#include "domain/ledger/pack_verifier_records.hpp"

#include <boost/json.hpp>

#include <set>
#include <sstream>

#include "core/crypto.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audit_pack_format.hpp"
#include "domain/ledger/log_export.hpp"
#include "core/json_members.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

using Key = std::pair<std::string, std::string>;  // record type, record id (as the log names it)

struct State {
  std::string op, content_sha256;
  std::int64_t seq = 0;
};

/// Why a row is not a row of the format, or "" if it is one.
std::string row_problem(const json::object& row, bool system) {
  static const std::set<std::string, std::less<>> members{"id",  "version",  "created_at", "updated_at",
                                                          "parent_id", "position", "ref", "doc"};
  for (const auto& m : row)
    if (!members.count(m.key()) && !(system && m.key() == "archived"))
      return "has the member \"" + std::string(m.key()) + "\", which the format does not define";
  for (auto k : {"id", "created_at", "updated_at", "parent_id", "ref"})
    if (!row.contains(k) || !row.at(k).is_string()) return "has no string \"" + std::string(k) + "\"";
  for (auto k : {"version", "position"})
    if (!row.contains(k) || !row.at(k).is_int64()) return "has no integer \"" + std::string(k) + "\"";
  if (!row.contains("doc")) return "has no \"doc\"";
  if (string_at(row, "id").empty()) return "has an empty \"id\"";
  if (system) {
    const auto* a = row.if_contains("archived");
    const auto& doc = row.at("doc");
    const auto* da = doc.is_object() ? doc.as_object().if_contains("archived") : nullptr;
    bool doc_archived = da && da->is_bool() && da->as_bool();
    if (!a || !a->is_bool() || a->as_bool() != doc_archived)
      return "has an \"archived\" that is not its document's \"archived\"";
  }
  return "";
}

}  // namespace

std::optional<PackFinding> check_records(const PackFiles& files, std::string_view log, const std::string& org_id,
                                         PackResult& r) {
  std::map<Key, State> latest;
  std::istringstream lines{std::string(log)};
  bool first = true;
  for (std::string line; std::getline(lines, line);) {
    auto l = parse_line(line);
    if (!l) continue;
    auto* e = std::get_if<ExportEntry>(&*l);
    if (!e) continue;
    auto en = parse_entry(e->entry);
    if (!en) continue;  // verify_export has already refused such a log
    if (first)
      r.log_covers_org = en->seq == 0 && en->record_type == "organization" && en->op == "create" &&
                         en->record_id == org_id;
    first = false;
    // Only these ops change a record; other ops name changes recorded only in history.
    if (en->op == "create" || en->op == "update" || en->op == "delete")
      latest[{en->record_type, en->record_id}] = State{en->op, en->content_sha256, en->seq};
  }
  std::set<Key> seen;
  for (const auto& f : pack_records_files()) {
    const auto& path = f.path;
    const auto& type = f.record_type;
    if (f.since_kind && !files.count(path)) continue;  // then every record of the log's is missing (below)
    json::error_code ec;
    auto rows = json::parse(files.at(path)->data, ec);
    if (ec || !rows.is_array()) return PackFinding{path, path + " is not a JSON array."};
    for (const auto& rv : rows.as_array()) {
      if (!rv.is_object()) return PackFinding{path, path + " holds a row that is not an object."};
      const auto& row = rv.as_object();
      if (auto p = row_problem(row, type == "system"); !p.empty())
        return PackFinding{path, "A row of " + path + " " + p + "."};
      auto id = record_id_of(string_at(row, "parent_id"), string_at(row, "id"));
      auto what = "The " + type + " " + id;
      if (!seen.insert({type, id}).second) return PackFinding{path, path + " holds the " + type + " " + id + " twice."};
      auto it = latest.find({type, id});
      if (it == latest.end()) {
        if (r.log_covers_org)
          return PackFinding{path, what + " in " + path +
                                       " has no entry in the audit log, which covers the organization's whole life "
                                       "(it was added)."};
        ++r.unlogged;
        continue;
      }
      const auto& s = it->second;
      if (s.op == "delete")
        return PackFinding{path, what + " in " + path + " was deleted by audit log entry " + std::to_string(s.seq) +
                                     " (it was put back)."};
      json::object content{{"created_at", row.at("created_at")}, {"doc", row.at("doc")},
                           {"id", row.at("id")},                 {"parent_id", row.at("parent_id")},
                           {"position", row.at("position")},     {"ref", row.at("ref")},
                           {"updated_at", row.at("updated_at")}, {"version", row.at("version")}};
      auto h = content_hash(content);
      if (!h || *h != s.content_sha256)
        return PackFinding{path, what + " in " + path + " does not match the content hash of its latest audit log entry (" +
                                     std::to_string(s.seq) + ") (it was changed)."};
      ++r.records;
    }
  }
  for (const auto& [key, s] : latest) {
    const auto* f = pack_records_file_of(key.first);
    // Organizations and memberships are the log's own frame, not records of the package; any other
    // record type the log says exists must have a records file, or the package would leave it out.
    if (!f && s.op != "delete" && key.first != "organization" && key.first != "membership")
      return PackFinding{"audit/log.jsonl", "Audit log entry " + std::to_string(s.seq) + " (" + s.op + ") names a " +
                                                key.first + " " + key.second +
                                                ", a record type this package format does not hold."};
    if (!f || s.op == "delete" || seen.count(key)) continue;
    return PackFinding{f->path, "The " + key.first + " " + key.second + " is missing from " + f->path +
                                    ": audit log entry " + std::to_string(s.seq) + " (" + s.op +
                                    ") says it exists (it was removed)."};
  }
  return std::nullopt;
}

std::optional<PackFinding> check_evidence(const PackFiles& files, PackResult& r) {
  const std::string path = "records/evidence.json";
  auto ev = json::parse(files.at(path)->data);  // check_records has read it
  std::set<std::string> expected;
  for (const auto& rv : ev.as_array()) {
    const auto& row = rv.as_object();
    const auto& doc = row.at("doc");
    if (!doc.is_object()) continue;
    const auto& d = doc.as_object();
    auto sha = string_at(d, "sha256");
    auto* deleted = d.if_contains("deleted");
    if (sha.empty() || (deleted && deleted->is_bool() && deleted->as_bool())) continue;
    auto id = string_at(row, "id");
    auto name = evidence_file_name(sha, string_at(d, "title"), string_at(d, "filename"));
    expected.insert(name);
    auto it = files.find(name);
    if (it == files.end())
      return PackFinding{name, "The file of evidence " + id + " (" + name + ") is missing from the package."};
    if (crypto::sha256_hex(it->second->data) != sha)
      return PackFinding{name, "The file " + name + " does not hash to the SHA-256 of evidence " + id +
                                   " (it was changed or swapped)."};
    ++r.evidence;
  }
  for (const auto& [name, e] : files)
    if (name.starts_with("evidence/") && !expected.count(name))
      return PackFinding{name, "The file " + name + " is the file of no live evidence record (it was added)."};
  return std::nullopt;
}

}  // namespace aims::ledger
