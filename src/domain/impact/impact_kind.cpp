#include "domain/impact/impact_kind.hpp"

#include "core/text.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::impact {
namespace json = boost::json;
using namespace records::spec_terms;

namespace {

constexpr const char* kStatuses[] = {"draft", "in_review", "approved"};

store::RecordFacets facets_of_assessment(const store::RecordRow& row, const json::object* doc) {
  store::RecordFacets f;
  f.text[0] = text::lower(records::doc_text(doc, "title"));
  f.text[1] = records::doc_text(doc, "status");
  int rank = 0;  // an unknown status sorts with drafts, as it always did
  for (int i = 0; i < 3; ++i)
    if (f.text[1] == kStatuses[i]) rank = i;
  f.text[2] = std::to_string(rank);
  f.text[3] = records::doc_text(doc, "next_review_date");  // none: first
  f.search = text::lower(records::doc_text(doc, "title") + "\n" + records::doc_text(doc, "ref"));
  f.number = row.position;
  return f;
}

records::KindSpec impact_spec() {
  auto k = records::named_kind("impact_assessment", "impact assessment", "Impact assessment", "IA-", facets_of_assessment);
  k.filters = {
      FilterSpec{"system_id", Where::sql, true},
      FilterSpec{"status", Where::sql, false, FacetSlot::text1, {kStatuses[0], kStatuses[1], kStatuses[2]}},
      // The outcome follows from the organization's thresholds, the re-assessment status from the
      // AI system as it is now and today's date: applied by the service.
      FilterSpec{"outcome", Where::memory, false, FacetSlot::text0, {"normal", "sensitive", "restricted"}},
      FilterSpec{"reassessment_due", Where::memory, false, FacetSlot::text0, {"true", "false"}},
  };
  k.sorts = {
      SortSpec{"updated_at", Where::sql, FacetSlot::updated_at},
      SortSpec{"created_at", Where::sql, FacetSlot::created_at},
      SortSpec{"title", Where::sql, FacetSlot::text0},
      SortSpec{"ref", Where::sql, FacetSlot::position},
      SortSpec{"status", Where::sql, FacetSlot::text2},
      SortSpec{"outcome", Where::memory},
      SortSpec{"next_review_date", Where::sql, FacetSlot::text3},
  };
  return k;
}

}  // namespace

const records::KindSpec& impact_kind() { return records::built_once<impact_spec>(); }

}  // namespace aims::impact
