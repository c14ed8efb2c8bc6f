#include "domain/objectives/objective_kind.hpp"


#include "core/text.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/objectives/objective_records.hpp"
#include "domain/records/kind_build.hpp"
#include "domain/records/list_view.hpp"

namespace aims::objectives {
namespace json = boost::json;
using namespace records::spec_terms;

namespace {

const catalog::Catalog& embedded() {
  static const catalog::Catalog cat = catalog::Catalog::load_embedded();
  return cat;
}

std::string rank(const std::string& status) {
  int i = 0;
  for (std::string_view s : {"active", "achieved", "retired"}) {
    if (s == status) break;
    ++i;
  }
  return std::to_string(i);
}

store::RecordFacets facets_of_objective(const store::RecordRow& row, const json::object* doc) {
  store::RecordFacets f;
  const auto n = row.position;
  auto owner = records::doc_text(doc, "owner");
  f.text[0] = records::tied_key(text::lower(records::doc_text(doc, "title")), n);
  f.text[1] = text::lower(text::trim(owner));
  f.text[2] = records::tied_key(text::lower(owner), n);
  f.text[3] = records::doc_text(doc, "status");
  f.text[4] = records::tied_key(rank(f.text[3]), n);
  f.text[5] = records::tied_key(records::doc_text(doc, "due_date"), n);  // objectives without a due date come first
  auto system = records::doc_text(doc, "system_id");
  f.text[6] = system.empty() ? "none" : system;
  f.text[7] = records::doc_text(doc, "annex_c_objective");
  const auto* item = embedded().find("iso42001", f.text[7]);
  std::string hay = row.ref;  // the key
  for (auto k : {"title", "description", "measure", "owner"}) (hay += '\n') += records::doc_text(doc, k);
  (hay += '\n') += item ? item->title : std::string();
  f.search = text::lower(hay);
  f.number = n;
  return f;
}

std::vector<std::string> annex_c_objectives() {
  std::vector<std::string> out;
  if (const auto* fw = embedded().framework("iso42001"))
    for (const auto* item : embedded().select(*fw, catalog::ItemFilter{std::string("ai_objective")})) out.push_back(item->id);
  return out;
}

records::KindSpec objective_spec() {
  auto k = records::named_kind(kObjectiveKind, "AI objective", "AI objective", "OBJ-", facets_of_objective);
  records::declare_list_view(k.kind, objective_list_view);
  auto trimmed = [](const std::string& v) { return text::trim(v); };
  k.filters = {
      FilterSpec{"system_id", Where::sql, false, FacetSlot::text6, {}, trimmed, true},
      FilterSpec{"status", Where::sql, false, FacetSlot::text3, {"active", "achieved", "retired"}},
      FilterSpec{"owner", Where::sql, false, FacetSlot::text1, {}, records::lower_trimmed, true},
      FilterSpec{"annex_c_objective", Where::sql, false, FacetSlot::text7, annex_c_objectives()},
      // The derived status and an overdue reading follow from the latest reading (another record)
      // and today's date: applied by the service.
      FilterSpec{"derived_status", Where::memory, false, FacetSlot::text0, {"on_track", "at_risk", "off_track", "no_data"}},
      FilterSpec{"overdue", Where::memory, false, FacetSlot::text0, {"true", "false"}},
  };
  k.sorts = {
      SortSpec{"key", Where::sql, FacetSlot::position},
      SortSpec{"title", Where::sql, FacetSlot::text0},
      SortSpec{"due_date", Where::sql, FacetSlot::text5},
      SortSpec{"status", Where::sql, FacetSlot::text4},
      SortSpec{"derived_status", Where::memory},
      SortSpec{"owner", Where::sql, FacetSlot::text2},
      SortSpec{"updated_at", Where::sql, FacetSlot::updated_at},
      SortSpec{"created_at", Where::sql, FacetSlot::created_at},
  };
  return k;
}

}  // namespace

const records::KindSpec& objective_kind() { return records::built_once<objective_spec>(); }

}  // namespace aims::objectives
