#include "domain/risk/risk_kind.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/records/kind_build.hpp"
#include "domain/records/list_view.hpp"
#include "domain/risk/risk_fields.hpp"
#include "domain/risk/risk_list_view.hpp"

namespace aims::risk {
namespace json = boost::json;
using namespace records::spec_terms;

namespace {

store::RecordFacets facets_of_risk(const store::RecordRow& row, const json::object* doc) {
  store::RecordFacets f;
  const auto n = row.position;
  auto owner = text::lower(records::doc_text(doc, "owner"));
  auto status = records::doc_text(doc, "status");
  auto all = statuses();
  auto rank = std::find(all.begin(), all.end(), status) - all.begin();
  f.text[0] = records::tied_key(text::lower(records::doc_text(doc, "title")), n);
  f.text[1] = owner;
  f.text[2] = records::tied_key(owner, n);
  f.text[3] = status;
  f.text[4] = records::tied_key(std::to_string(rank), n);
  f.text[5] = doc && doc->contains("treatment") && doc->at("treatment").is_string() ? records::doc_text(doc, "treatment") : "none";
  auto date = [&](std::string_view k) {
    auto d = records::doc_text(doc, k);
    return records::tied_key(d.empty() ? "9999-99-99" : d, n);  // risks without the date come last
  };
  f.text[6] = date("due_date");
  f.text[7] = date("review_date");
  std::string hay = row.id;
  for (auto k : {"title", "description", "owner", "treatment_plan"}) (hay += '\n') += records::doc_text(doc, k);
  if (doc)
    for (auto k : {"planned_controls", "existing_controls", "risk_sources", "objectives"})
      if (auto a = doc->if_contains(k); a && a->is_array())
        for (const auto& e : a->as_array())
          if (e.is_string()) (hay += '\n') += std::string_view(e.as_string());
  f.search = text::lower(hay);
  f.number = n;
  return f;
}

std::vector<std::string> names(std::span<const std::string_view> v) { return {v.begin(), v.end()}; }

records::KindSpec risk_spec() {
  auto k = records::named_kind(kRiskKind, "risk", "Risk", "R-", facets_of_risk);
  k.counter_id = kCounterId;
  records::declare_list_view(k.kind, risk_list_view);
  auto treatments_or_none = names(treatments());
  treatments_or_none.push_back("none");
  k.filters = {
      FilterSpec{"system_id", Where::sql, true, FacetSlot::text0, {},
                 [](const std::string& v) { return v == "none" ? std::string() : v; }},
      FilterSpec{"status", Where::sql, false, FacetSlot::text3, names(statuses())},
      FilterSpec{"owner", Where::sql, false, FacetSlot::text1, {}, records::lower_trimmed, true},
      FilterSpec{"treatment", Where::sql, false, FacetSlot::text5, treatments_or_none},
      // The service compares the review date with today in SQL (the facet text7).
      FilterSpec{"overdue", Where::memory, false, FacetSlot::text7, {"true", "false"}},
      // Under the organization's criteria or today's date: checked and applied by the service.
      FilterSpec{"inherent_level", Where::memory},
      FilterSpec{"residual_level", Where::memory},
      FilterSpec{"acceptance", Where::memory},
      FilterSpec{"control", Where::memory},
      FilterSpec{"inherent_likelihood", Where::memory},
      FilterSpec{"inherent_impact", Where::memory},
      FilterSpec{"residual_likelihood", Where::memory},
      FilterSpec{"residual_impact", Where::memory},
  };
  k.sorts = {
      SortSpec{"number", Where::sql, FacetSlot::position},
      SortSpec{"title", Where::sql, FacetSlot::text0},
      SortSpec{"status", Where::sql, FacetSlot::text4},
      SortSpec{"owner", Where::sql, FacetSlot::text2},
      SortSpec{"inherent", Where::memory},
      SortSpec{"residual", Where::memory},
      SortSpec{"due_date", Where::sql, FacetSlot::text6},
      SortSpec{"review_date", Where::sql, FacetSlot::text7},
      SortSpec{"updated_at", Where::sql, FacetSlot::updated_at},
  };
  return k;
}

}  // namespace

const records::KindSpec& risk_kind() { return records::built_once<risk_spec>(); }

}  // namespace aims::risk
