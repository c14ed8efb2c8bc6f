#include "domain/evidence/linked_evidence.hpp"

#include <algorithm>

#include "domain/evidence/custody_log.hpp"
#include "domain/evidence/evidence_record.hpp"

namespace aims::evidence {
namespace json = boost::json;

namespace {

/// The human number's integer (EV-12 -> 12), for ordering.
long number_of(const json::object& o) {
  auto n = str_of(o, "number");
  auto dash = n.find('-');
  try {
    return dash == std::string::npos ? 0 : std::stol(n.substr(dash + 1));
  } catch (...) {
    return 0;
  }
}

}  // namespace

json::array linked_evidence(store::ReadTx& tx, const std::string& org_id, const std::string& target_key) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = std::string(kLink);
  f.ref = target_key;
  std::vector<json::object> found;
  for (const auto& link : tx.list_records(f)) {
    auto ev = tx.find_record(org_id, std::string(kEvidence), "", link.parent_id);
    if (!ev || ev->ref.empty()) continue;  // deleted evidence keeps its links but is not shown
    auto d = parse_object(ev->doc);
    json::object o;
    for (auto k : {"id", "number", "title", "filename", "classification", "expires_on", "sha256", "uploaded_at"})
      o[k] = d.contains(k) ? d.at(k) : json::value(nullptr);
    found.push_back(std::move(o));
  }
  std::sort(found.begin(), found.end(), [](const json::object& x, const json::object& y) { return number_of(x) < number_of(y); });
  json::array out;
  for (auto& o : found) out.push_back(std::move(o));
  return out;
}

std::vector<FieldError> unknown_evidence(store::ReadTx& tx, const std::string& org_id, const std::vector<std::string>& ids,
                                         std::string_view field) {
  std::vector<FieldError> out;
  for (const auto& id : ids) {
    auto ev = tx.find_record(org_id, std::string(kEvidence), "", id);
    if (!ev || ev->ref.empty())
      out.push_back({std::string(field), 0,
                     "'" + id + "' is not the id of evidence in this organization's vault (evidence is linked by id: "
                     "upload the file to the vault and pick it; write free text in notes)"});
  }
  return out;
}

status link_all(store::WriteTx& tx, const catalog::Catalog& cat, const accounts::Actor& a,
                const std::vector<std::string>& ids, const LinkTarget& target, const std::string& now) {
  for (const auto& id : ids) {
    bool created = false;
    if (auto s = put_link(tx, cat, a, id, target, "", now, created, "evidence"); !s) return s;
  }
  return ok();
}

}  // namespace aims::evidence
