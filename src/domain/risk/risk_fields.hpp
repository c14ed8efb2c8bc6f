// The fields of an AI risk (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3): reading them from a request
// with field errors, the rules a whole risk must keep under the organization's criteria, and the
// field-by-field differences recorded in its history. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <span>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/risk/criteria.hpp"

namespace aims::risk {

/// The fields a client sets, in the order of the stored record.
std::span<const std::string_view> editable_fields();
/// Statuses in their order: open, treating, monitoring, closed.
std::span<const std::string_view> statuses();
/// Treatment options (ISO/IEC 42001 6.1.3 / ISO 31000): modify, avoid, share, retain.
std::span<const std::string_view> treatments();

/// Reads the fields present in `body`: types, lengths, catalog ids (risk sources C.3.x,
/// objectives C.2.x, Annex A controls among the planned controls), dates. Unknown fields and
/// the read-only ones of a served risk are errors. With `creating`, title and the inherent
/// likelihood and impact are required. Values checked against the criteria come later (check_rules).
boost::json::object read_fields(const boost::json::object& body, bool creating, const catalog::Catalog& cat,
                                std::vector<FieldError>& errors);

/// A new record's fields: `fields` over the defaults (residual likelihood and impact default to
/// the inherent ones, status to open).
boost::json::object with_defaults(const boost::json::object& fields);

/// The rules a complete risk keeps: likelihood and impact on the criteria's scales, a rationale
/// when a residual value exceeds its inherent one, a treatment option before treating or monitoring.
void check_rules(const boost::json::object& risk, const Criteria& c, std::vector<FieldError>& errors);

/// Annex A controls among a list of planned controls (entries that name a catalog control).
bool is_annex_a_ref(std::string_view entry);

/// Field-by-field differences of the editable fields and the acceptance: [{"field","from","to"}].
boost::json::array diff(const boost::json::object& before, const boost::json::object& after);

}  // namespace aims::risk
