#include "domain/euact/obligation_kind.hpp"

#include <cstdio>

#include "domain/euact/obligation_query.hpp"
#include "domain/euact/obligation_view.hpp"
#include "domain/records/kind_build.hpp"
#include "domain/records/list_view.hpp"

namespace aims::euact {
namespace json = boost::json;
using namespace records::spec_terms;

namespace {

/// `value`, then the system and the article position: the order of the register's ties.
std::string tied(const std::string& value, const store::RecordRow& row) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\x1f%06lld", static_cast<long long>(row.position));
  return value + '\x1f' + row.parent_id + buf;
}

store::RecordFacets facets_of_obligation(const store::RecordRow& row, const json::object* doc) {
  store::RecordFacets f;
  auto status = records::doc_text(doc, "status");
  bool retired = false;
  if (doc)
    if (auto p = doc->if_contains("retired"); p && p->is_bool()) retired = p->as_bool();
  std::string rank;
  for (std::size_t i = 0; i < obligation_statuses().size(); ++i)
    if (obligation_statuses()[i] == status) rank = std::to_string(i);
  f.text[0] = row.parent_id;
  f.text[1] = status;
  f.text[2] = retired ? "true" : "";
  f.text[3] = row.id;
  f.text[4] = records::doc_text(doc, "applies_from");
  f.text[5] = tied(f.text[4], row);
  f.text[6] = tied(records::doc_text(doc, "due"), row);
  f.text[7] = tied(rank, row);
  std::string roles = "|";
  if (doc)
    if (auto a = doc->if_contains("roles"); a && a->is_array())
      for (const auto& r : a->as_array())
        if (r.is_string()) (roles += std::string_view(r.as_string())) += '|';
  f.search = roles;
  f.number = row.position;
  return f;
}

records::KindSpec obligation_spec() {
  // No numbers (prefix ""): an obligation is named by its system and obligation ids.
  auto k = records::named_kind("obligation", "obligation", "Obligation", "", facets_of_obligation);
  k.counter_id.clear();
  records::declare_list_view(k.kind, obligation_list_view);
  k.text_search = false;
  k.filters = {
      FilterSpec{"system", Where::sql, false, FacetSlot::text0},
      FilterSpec{"status", Where::sql, false, FacetSlot::text1, std::vector<std::string>(obligation_statuses().begin(), obligation_statuses().end())},
  };
  // Read and checked by the service (obligation_query.hpp), all applied in SQL except recheck=false:
  //   retired       text2 ("" current, "true" retired; absent = false, all = no condition)
  //   article       text3 in the ids of the obligations whose article matches (from the data)
  //   role          search contains role_token(role)
  //   applies_from  text4 equal
  //   due_before    text6 below the date; overdue: status open, not retired, text6 below today
  //   system_class  text0 in the ids of the organization's systems of that class (read from the
  //                 systems when listing: a system's class is another record's field)
  //   recheck       true: text0 in the systems whose classification needs a re-check; false:
  //                 in memory (the re-check depends on the classification records and on the
  //                 questionnaire this server carries, not on the obligation)
  k.extra_params = {"article", "role", "due_before", "overdue", "applies_from", "retired", "recheck", "system_class"};
  k.sorts = {
      SortSpec{"applies_from", Where::sql, FacetSlot::text5},
      SortSpec{"due", Where::sql, FacetSlot::text6},
      // By the system's name: another record's field, sorted in memory.
      SortSpec{"system", Where::memory},
      SortSpec{"article", Where::sql, FacetSlot::position},
      SortSpec{"status", Where::sql, FacetSlot::text7},
  };
  return k;
}

}  // namespace

const records::KindSpec& obligation_kind() { return records::built_once<obligation_spec>(); }

std::string role_token(std::string_view role) { return "|" + std::string(role) + "|"; }

}  // namespace aims::euact
