#include "domain/ledger/pack_verifier.hpp"

#include <boost/json.hpp>

#include <set>
#include <sstream>

#include "core/crypto.hpp"
#include "core/zip.hpp"
#include "domain/ledger/audit_pack_format.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "domain/ledger/pack_verifier_records.hpp"
#include "domain/ledger/pack_verifier_reports.hpp"
#include "core/json_members.hpp"

namespace aims::ledger {
namespace json = boost::json;

namespace {

PackResult bad(PackResult r, std::string file, std::string summary) {
  r.ok = false;
  r.bad_file = std::move(file);
  r.summary = std::move(summary);
  return r;
}

bool is_fixed_file(const std::string& path) {
  static const std::set<std::string> fixed{"README.txt", "audit/log.jsonl", "audit/checkpoint.txt",
                                           "audit/public-key.txt"};
  return fixed.count(path) > 0;
}

}  // namespace

PackResult verify_pack(std::string_view archive, const note::Verifier& key) {
  PackResult r;
  // 1. The archive: readable, each name once, each CRC-32 right.
  auto entries = zip::read(archive);
  if (!entries) return bad(r, "", entries.error().detail);
  PackFiles by_name;
  for (const auto& e : *entries) {
    if (by_name.count(e.name)) return bad(r, e.name, "The package holds " + e.name + " twice.");
    if (!e.crc_ok) return bad(r, e.name, "The file " + e.name + " does not match its CRC-32 in the archive.");
    by_name[e.name] = &e;
  }
  // 2. The manifest.
  auto mit = by_name.find("manifest.json");
  if (mit == by_name.end()) return bad(r, "manifest.json", "The package has no manifest.json.");
  json::error_code ec;
  auto mv = json::parse(mit->second->data, ec);
  if (ec || !mv.is_object() || string_at(mv.as_object(), "format") != kPackFormat)
    return bad(r, "manifest.json", "manifest.json is not the manifest of an aims auditor package.");
  const auto& m = mv.as_object();
  auto* version = m.if_contains("version");
  if (!version || !version->is_int64() || version->as_int64() != kPackVersion)
    return bad(r, "manifest.json", "manifest.json is not of package format version " + std::to_string(kPackVersion) +
                                       " (packages of earlier versions are not signed or carry no reports; download a new one).");
  if (auto* org = m.if_contains("org"); org && org->is_object()) {
    r.org_id = string_at(org->as_object(), "id");
    r.org_name = string_at(org->as_object(), "name");
  }
  // 3. manifest.sig: signed by KEY over this manifest, this organization and a checkpoint.
  auto sit = by_name.find("manifest.sig");
  if (sit == by_name.end()) return bad(r, "manifest.sig", "The package has no manifest.sig (its manifest is not signed).");
  auto text = note::open(sit->second->data, key);
  if (!text) {
    auto why = text.error().detail;  // note::open speaks of "the checkpoint"
    if (auto at = why.find("the checkpoint"); at != std::string::npos) why.replace(at, 14, "it");
    return bad(r, "manifest.sig", "manifest.sig is not signed by the key " + key.name + ": " + why + ".");
  }
  auto stmt = parse_manifest_statement(*text);
  if (!stmt) return bad(r, "manifest.sig", stmt.error().detail + ".");
  if (stmt->org_id != r.org_id)
    return bad(r, "manifest.sig", "manifest.sig is signed for the organization " + stmt->org_id +
                                      ", but manifest.json names " + r.org_id + ".");
  if (stmt->manifest_sha256 != crypto::sha256_hex(mit->second->data))
    return bad(r, "manifest.json", "manifest.json is not the manifest manifest.sig signs (it was changed).");
  const auto* mcp = m.if_contains("checkpoint");
  if (!mcp || !mcp->is_object() || string_at(mcp->as_object(), "origin") != key.name ||
      !mcp->as_object().contains("size") || !mcp->as_object().at("size").is_int64() ||
      mcp->as_object().at("size").as_int64() != stmt->size ||
      string_at(mcp->as_object(), "root_hash") != merkle::to_hex(stmt->root))
    return bad(r, "manifest.json", "manifest.json's checkpoint is not the one manifest.sig signs.");
  // 4. Every file listed once with its size and hash; every file of the archive listed.
  auto* files = m.if_contains("files");
  if (!files || !files->is_array()) return bad(r, "manifest.json", "manifest.json lists no files.");
  std::set<std::string> listed;
  for (const auto& fv : files->as_array()) {
    if (!fv.is_object()) return bad(r, "manifest.json", "manifest.json has a file entry that is not an object.");
    const auto& f = fv.as_object();
    auto path = string_at(f, "path");
    if (path == "manifest.json" || path == "manifest.sig" || !listed.insert(path).second)
      return bad(r, "manifest.json", "manifest.json lists " + (path.empty() ? "a file without path" : path) +
                                         (path.starts_with("manifest.") ? ", which it cannot list." : " twice."));
    auto it = by_name.find(path);
    if (it == by_name.end()) return bad(r, path, "The file " + path + " listed in the manifest is missing from the package.");
    auto* size = f.if_contains("size");
    if (!size || !size->is_number() || size->to_number<std::uint64_t>() != it->second->data.size())
      return bad(r, path, "The file " + path + " does not have the size the manifest lists.");
    if (crypto::sha256_hex(it->second->data) != string_at(f, "sha256"))
      return bad(r, path, "The file " + path + " does not match its SHA-256 in the manifest (it was changed).");
    ++r.files;
  }
  for (const auto& e : *entries) {
    if (e.name == "manifest.json" || e.name == "manifest.sig") continue;
    if (!listed.count(e.name)) return bad(r, e.name, "The file " + e.name + " is not listed in the manifest.");
    if (!is_fixed_file(e.name) && !pack_records_file_of_path(e.name) && !e.name.starts_with("evidence/") &&
        !e.name.starts_with("reports/"))
      return bad(r, e.name, "The file " + e.name + " is not a file of the package format.");
  }
  std::vector<std::string> required{"README.txt", "audit/log.jsonl", "audit/checkpoint.txt", "audit/public-key.txt"};
  for (const auto& f : pack_records_files())
    if (!f.since_kind) required.push_back(f.path);  // a kind's file may predate the kind (check_records)
  for (const auto& path : required)
    if (!by_name.count(path)) return bad(r, path, "The package has no " + path + ".");
  // 5. The fixed texts.
  if (by_name.at("README.txt")->data != pack_readme())
    return bad(r, "README.txt", "README.txt is not the text of this package format (it was changed).");
  if (by_name.at("audit/public-key.txt")->data != note::verifier_key(key.name, key.key) + "\n")
    return bad(r, "audit/public-key.txt", "audit/public-key.txt holds another key than the one verified with.");
  // 6. The checkpoint is the one signed into manifest.sig, and the log verifies against it.
  const auto& cpt_text = by_name.at("audit/checkpoint.txt")->data;
  auto cpt = open_checkpoint(cpt_text, key);
  if (!cpt) return bad(r, "audit/checkpoint.txt", "audit/checkpoint.txt is not valid: " + cpt.error().detail + ".");
  if (cpt->size != stmt->size || cpt->root != stmt->root)
    return bad(r, "audit/checkpoint.txt", "audit/checkpoint.txt is not the checkpoint manifest.sig signs.");
  const auto& log = by_name.at("audit/log.jsonl")->data;
  std::istringstream in(log);
  r.log = verify_export(in, VerifyOptions{key, cpt_text, std::nullopt});
  if (!r.log.ok) return bad(r, "audit/log.jsonl", "The audit log does not verify. " + r.log.summary);
  if (r.log.entries != cpt->size)
    return bad(r, "audit/log.jsonl", "audit/log.jsonl does not hold exactly the entries of its checkpoint.");
  // 7, 8, 9. Records against the log; evidence files and reports against their records.
  if (auto f = check_records(by_name, log, r.org_id, r)) return bad(r, f->file, f->summary);
  if (auto f = check_evidence(by_name, r)) return bad(r, f->file, f->summary);
  if (auto f = check_reports(by_name, r)) return bad(r, f->file, f->summary);
  r.ok = true;
  return r;
}

}  // namespace aims::ledger
