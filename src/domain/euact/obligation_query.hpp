// The obligations register's list parameters that its service reads itself besides the shared
// parser (GET /api/v1/obligations, docs/records.md): their checks, and the store conditions the
// ones that need no other record become. Values and pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/euact/eu_data.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::euact {

/// not_started, in_progress, met, not_applicable (the order of sort=status).
std::span<const std::string_view> obligation_statuses();

/// The filters of ObligationKind's extra_params, checked.
struct ObligationFilters {
  std::optional<std::string> article, role, due_before, applies_from, system_class;
  bool overdue = false;
  std::optional<bool> recheck;    // only obligations of systems whose classification needs (or not) a re-check
  std::string retired = "false";  // false (current only), true (retired only) or all
};

/// Reads the filters from the request's parameters (the last of a repeated name counts),
/// appending one field error per bad value.
ObligationFilters read_filters(const records::Params& p, std::vector<FieldError>& errs);

/// The ids of the obligations whose article or id matches `want`, case-insensitively: "Art. 50"
/// matches "Art. 50(1)" (a prefix followed by "("), "art26" matches the obligation art26.
std::vector<std::string> article_ids(const Data& data, const std::string& want);

/// Adds the conditions of the filters that depend only on the obligation (retired, role,
/// article, applies_from, due_before, overdue against `today`) to the store query.
void add_conditions(const ObligationFilters& f, const Data& data, const std::string& today, store::RecordQuery& sql);

/// True if the obligation is open (not met, not applicable), not retired, and due before `today`.
bool is_overdue(const boost::json::object& doc, const std::string& today);

}  // namespace aims::euact
