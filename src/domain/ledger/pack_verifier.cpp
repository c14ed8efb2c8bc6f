#include "domain/ledger/pack_verifier.hpp"

#include <boost/json.hpp>

#include <map>
#include <sstream>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/ledger/audit_entry.hpp"
#include "domain/ledger/audit_pack.hpp"
#include "domain/ledger/log_export.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

PackResult bad(PackResult r, std::string file, std::string summary) {
  r.ok = false;
  r.bad_file = std::move(file);
  r.summary = std::move(summary);
  return r;
}

std::string str(const json::object& o, std::string_view k) {
  auto* v = o.if_contains(k);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

/// The audit log's record type of the rows of records/<name>.json.
std::string record_type_of_file(const std::string& path) {
  auto name = path.substr(8, path.size() - 8 - 5);
  static const std::map<std::string, std::string> special{{"systems", "system"},
                                                          {"assessments", "assessment"},
                                                          {"assessment_answers", "answer"},
                                                          {"roadmap_actions", "roadmap_action"},
                                                          {"soa_entries", "soa_entry"},
                                                          {"soa_versions", "soa_version"}};
  auto it = special.find(name);
  return it == special.end() ? name : it->second;
}

}  // namespace

PackResult verify_pack(std::string_view archive, const note::Verifier& key) {
  PackResult r;
  auto entries = zip::read(archive);
  if (!entries) return bad(r, "", entries.error().detail);
  std::map<std::string, const zip::Entry*> by_name;
  for (const auto& e : *entries) {
    if (by_name.count(e.name)) return bad(r, e.name, "The package holds " + e.name + " twice.");
    by_name[e.name] = &e;
  }
  auto mit = by_name.find("manifest.json");
  if (mit == by_name.end()) return bad(r, "manifest.json", "The package has no manifest.json.");
  json::error_code ec;
  auto mv = json::parse(mit->second->data, ec);
  if (ec || !mv.is_object() || str(mv.as_object(), "format") != kPackFormat)
    return bad(r, "manifest.json", "manifest.json is not the manifest of an aims auditor package.");
  const auto& m = mv.as_object();
  if (auto* org = m.if_contains("org"); org && org->is_object()) {
    r.org_id = str(org->as_object(), "id");
    r.org_name = str(org->as_object(), "name");
  }
  auto* files = m.if_contains("files");
  if (!files || !files->is_array()) return bad(r, "manifest.json", "manifest.json lists no files.");
  std::map<std::string, bool> listed{{"manifest.json", true}, {"README.txt", true}};
  for (const auto& fv : files->as_array()) {
    if (!fv.is_object()) return bad(r, "manifest.json", "manifest.json has a file entry that is not an object.");
    const auto& f = fv.as_object();
    auto path = str(f, "path");
    listed[path] = true;
    auto it = by_name.find(path);
    if (it == by_name.end()) return bad(r, path, "The file " + path + " listed in the manifest is missing from the package.");
    auto* size = f.if_contains("size");
    if (!size || !size->is_number() || size->to_number<std::uint64_t>() != it->second->data.size())
      return bad(r, path, "The file " + path + " does not have the size the manifest lists.");
    if (crypto::sha256_hex(it->second->data) != str(f, "sha256"))
      return bad(r, path, "The file " + path + " does not match its SHA-256 in the manifest (it was changed).");
    ++r.files;
  }
  for (const auto& e : *entries) {
    if (!listed.count(e.name)) return bad(r, e.name, "The file " + e.name + " is not listed in the manifest.");
    if (!e.crc_ok) return bad(r, e.name, "The file " + e.name + " does not match its CRC-32 in the archive.");
  }
  // Evidence: every live evidence record's file is present and named by its hash.
  auto eit = by_name.find("records/evidence.json");
  if (eit == by_name.end()) return bad(r, "records/evidence.json", "The package has no records/evidence.json.");
  auto ev = json::parse(eit->second->data, ec);
  if (ec || !ev.is_array()) return bad(r, "records/evidence.json", "records/evidence.json is not a JSON array.");
  for (const auto& rv : ev.as_array()) {
    const auto* doc = rv.is_object() ? rv.as_object().if_contains("doc") : nullptr;
    if (!doc || !doc->is_object()) continue;
    auto sha = str(doc->as_object(), "sha256");
    auto* deleted = doc->as_object().if_contains("deleted");
    if (sha.empty() || (deleted && deleted->is_bool() && deleted->as_bool())) continue;
    auto path = "evidence/" + sha;
    auto fit = by_name.find(path);
    if (fit == by_name.end())
      return bad(r, path, "The file of evidence " + str(rv.as_object(), "id") + " (" + path + ") is missing.");
    if (crypto::sha256_hex(fit->second->data) != sha)
      return bad(r, path, "The file " + path + " does not hash to the SHA-256 its evidence record names (it was changed).");
    ++r.evidence;
  }
  for (const auto& e : *entries)
    if (e.name.starts_with("evidence/") && crypto::sha256_hex(e.data) != e.name.substr(9))
      return bad(r, e.name, "The file " + e.name + " does not hash to its name (it was changed).");
  // The audit log against the package's checkpoint.
  auto lit = by_name.find("audit/log.jsonl");
  auto cit = by_name.find("audit/checkpoint.txt");
  if (lit == by_name.end()) return bad(r, "audit/log.jsonl", "The package has no audit/log.jsonl.");
  if (cit == by_name.end()) return bad(r, "audit/checkpoint.txt", "The package has no audit/checkpoint.txt.");
  std::istringstream in(lit->second->data);
  r.log = verify_export(in, VerifyOptions{key, cit->second->data, std::nullopt});
  if (!r.log.ok) return bad(r, "audit/log.jsonl", "The audit log does not verify. " + r.log.summary);
  // Records: each one's content hash matches the latest log entry of that record.
  std::map<std::pair<std::string, std::string>, std::string> latest;  // (record_type, record_id) -> content hash
  std::istringstream lines(lit->second->data);
  for (std::string line; std::getline(lines, line);) {
    auto l = parse_line(line);
    if (!l) continue;
    if (auto* e = std::get_if<ExportEntry>(&*l)) {
      if (auto en = parse_entry(e->entry)) latest[{en->record_type, en->record_id}] = en->content_sha256;
    }
  }
  for (const auto& e : *entries) {
    if (!e.name.starts_with("records/") || !e.name.ends_with(".json")) continue;
    auto type = record_type_of_file(e.name);
    auto rows = json::parse(e.data, ec);
    if (ec || !rows.is_array()) return bad(r, e.name, e.name + " is not a JSON array.");
    for (const auto& rv : rows.as_array()) {
      if (!rv.is_object()) return bad(r, e.name, e.name + " holds a row that is not an object.");
      const auto& row = rv.as_object();
      auto num = [&](std::string_view k) {
        auto* v = row.if_contains(k);
        return v && v->is_int64() ? v->as_int64() : std::int64_t{0};
      };
      auto* doc = row.if_contains("doc");
      json::object content{{"created_at", str(row, "created_at")}, {"doc", doc ? *doc : json::value(nullptr)},
                           {"id", str(row, "id")},                 {"parent_id", str(row, "parent_id")},
                           {"position", num("position")},          {"ref", str(row, "ref")},
                           {"updated_at", str(row, "updated_at")}, {"version", num("version")}};
      auto id = str(row, "parent_id").empty() ? str(row, "id") : str(row, "parent_id") + "/" + str(row, "id");
      auto it = latest.find({type, id});
      if (it == latest.end()) {
        ++r.unlogged;
        continue;
      }
      auto h = content_hash(content);
      if (!h || *h != it->second)
        return bad(r, e.name, "The " + type + " " + id + " in " + e.name +
                                  " does not match the content hash of its latest audit log entry (it was changed).");
      ++r.records;
    }
  }
  r.ok = true;
  return r;
}

}  // namespace aims::ledger
