#include "domain/evidence/evidence_kind.hpp"

#include <charconv>
#include <cstdio>

#include "core/text.hpp"
#include "domain/evidence/evidence_record.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::evidence {
namespace json = boost::json;
using namespace records::spec_terms;

namespace {

std::string padded(std::int64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%020lld", static_cast<long long>(n));
  return buf;
}

store::RecordFacets facets_of_evidence(const store::RecordRow& row, const json::object* doc) {
  store::RecordFacets f;
  f.text[0] = text::lower(records::doc_text(doc, "title"));
  f.text[1] = text::lower(records::doc_text(doc, "owner"));
  f.text[2] = records::doc_text(doc, "classification");
  bool deleted = false;
  if (doc)
    if (auto p = doc->if_contains("deleted"); p && p->is_bool()) deleted = p->as_bool();
  f.text[3] = deleted ? "true" : "";
  for (auto [slot, key] : {std::pair{4, "expires_on"}, std::pair{5, "effective_date"}}) {
    auto v = records::doc_text(doc, key);
    f.text[static_cast<std::size_t>(slot)] = v.empty() ? "~" : v;  // no date sorts after every date
  }
  std::int64_t size = 0;
  if (doc)
    if (auto p = doc->if_contains("size"); p && p->is_int64()) size = p->as_int64();
  f.text[6] = padded(size);
  f.text[7] = row.id;
  auto n = records::doc_text(doc, "number");
  std::int64_t number = 0;
  if (n.size() > 3) std::from_chars(n.data() + 3, n.data() + n.size(), number);
  f.number = number;
  std::string hay;
  for (auto k : {"title", "description", "filename", "owner"}) (hay += records::doc_text(doc, k)) += '\n';
  f.search = text::lower(hay + n);
  return f;
}

records::KindSpec evidence_spec() {
  auto k = records::named_kind(std::string(kEvidence), "evidence", "Evidence", "EV-", facets_of_evidence);
  k.filters = {
      FilterSpec{"owner", Where::sql, false, FacetSlot::text1, {}, records::lower_trimmed},
      FilterSpec{"classification", Where::sql, false, FacetSlot::text2,
                 std::vector<std::string>(classifications().begin(), classifications().end())},
  };
  // Read and checked by the service (evidence_list.cpp):
  //   deleted          SQL, text3 ("" live, "true" deleted; absent = false, all = no condition)
  //   linked_to        SQL, text7 in the ids of the evidence with a link to the target (the links
  //                    are other records, read when listing)
  //   expired          true: SQL, text4 below today; false: in memory (today's date)
  //   expiring_within  in memory: an expiry from today to today + n days
  k.extra_params = {"deleted", "linked_to", "expired", "expiring_within"};
  // The default is -uploaded_at (newest first): the service sends it when no sort is given.
  k.sorts = {
      SortSpec{"uploaded_at", Where::sql, FacetSlot::created_at},
      SortSpec{"title", Where::sql, FacetSlot::text0},
      SortSpec{"number", Where::sql, FacetSlot::number},
      SortSpec{"expires_on", Where::sql, FacetSlot::text4},
      SortSpec{"effective_date", Where::sql, FacetSlot::text5},
      SortSpec{"size", Where::sql, FacetSlot::text6},
      SortSpec{"owner", Where::sql, FacetSlot::text1},
  };
  return k;
}

}  // namespace

const records::KindSpec& evidence_kind() { return records::built_once<evidence_spec>(); }

}  // namespace aims::evidence
