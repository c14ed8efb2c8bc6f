#include "domain/evidence/text_evidence.hpp"

#include <boost/json.hpp>

#include <limits>

#include "domain/evidence/evidence_record.hpp"

namespace aims::evidence {
namespace json = boost::json;

namespace {

/// Moves the text of `field` (a list of strings) to the end of the notes and removes the field;
/// the history changes, or nullopt when it holds no text (an empty list is left: it is not served).
std::optional<json::array> move_field(json::object& doc, std::string_view field) {
  auto v = doc.if_contains(field);
  if (!v) return std::nullopt;
  std::string moved;
  if (v->is_array())
    for (const auto& t : v->as_array())
      if (t.is_string() && !t.as_string().empty()) moved += (moved.empty() ? "" : "; ") + std::string(t.as_string());
  if (moved.empty()) return std::nullopt;
  json::array changes{json::object{{"field", field}, {"from", *v}, {"to", nullptr}}};
  doc.erase(field);
  auto notes = str_of(doc, "notes");
  auto after = notes + (notes.empty() ? "" : "\n\n") + std::string(kMovedEvidenceLabel) + " " + moved;
  changes.push_back(json::object{{"field", "notes"}, {"from", notes}, {"to", after}});
  doc["notes"] = after;
  return changes;
}

store::RecordRow next_row(const store::RecordRow& row, const json::object& doc, const std::string& now) {
  store::RecordRow r = row;
  r.version = row.version + 1;
  r.updated_at = now;
  r.doc = json::serialize(doc);
  return r;
}

}  // namespace

result<int> move_text_evidence_to_notes(store::Store& store, const Clock& clock) {
  int changed = 0;
  std::vector<store::Organization> orgs;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        orgs = tx.list_orgs();
        return ok();
      });
      !st)
    return st.error();
  for (const auto& org : orgs) {
    auto st = store.write([&](store::WriteTx& tx) -> status {
      auto now = clock.now_text();
      auto record = [&](std::string_view type, const std::string& id, const store::RecordRow& r, const json::array& changes) {
        store::HistoryRow h{org.id, std::string(type), id, r.version, now, "system", "migrate", json::serialize(changes)};
        ++changed;
        return tx.insert_history(h);
      };
      for (const auto& asm_row : tx.list_assessments(org.id, std::numeric_limits<int>::max(), std::nullopt))
        for (const auto& row : tx.list_answers(org.id, asm_row.id)) {
          auto doc = parse_object(row.doc);
          auto changes = move_field(doc, "evidence");
          if (!changes) continue;
          auto next = next_row(row, doc, now);
          if (auto s = tx.put_answer(next, row.version); !s) return s;
          if (auto s = record("answer", asm_row.id + "/" + row.id, next, *changes); !s) return s;
        }
      for (const auto& row : tx.list_soa_entries(org.id)) {
        auto doc = parse_object(row.doc);
        auto changes = move_field(doc, "evidence_refs");
        if (!changes) continue;
        auto next = next_row(row, doc, now);
        if (auto s = tx.put_soa_entry(next, row.version); !s) return s;
        if (auto s = record("soa_entry", row.id, next, *changes); !s) return s;
      }
      return ok();
    });
    if (!st) return st.error();
  }
  return changed;
}

}  // namespace aims::evidence
