// The kinds of clause 10 (docs/nonconformity.md): nonconformities (NC-, 10.2) with the members
// their workflow writes (containment, cause analysis, "could it occur elsewhere?", updates to risks
// and the AIMS, the effectiveness checks), corrective actions (CAPA-) linked to their NC by
// `nc_id`, and the improvement register (OFI-, 10.1). Each is a field-driven kind; an NC's
// `status` and `closed_on` move only through the steps of NcService. Immutable; thread-safe.
#pragma once
#include <string>

#include "domain/records/kind_spec.hpp"

namespace aims::nonconformity {

const records::KindSpec& nonconformity_kind();
const records::KindSpec& corrective_action_kind();
const records::KindSpec& improvement_kind();

/// True when `id` is a clause or an Annex A control of the embedded ISO/IEC 42001 catalog.
bool is_requirement(const std::string& id);

/// The kind of the registry whose number prefix starts `id` ("INC-3" → the incident kind), or null.
const records::KindSpec* kind_of_id(const std::string& id);

/// Checks that `id` names a record of the organization of a registered kind (by its prefix): a
/// 400 naming `field` otherwise.
status check_record_id(store::ReadTx& tx, const std::string& org_id, const std::string& field, const std::string& id);

/// Facet slots beyond the fields' own ones.
inline constexpr store::FacetSlot kOpenDueSlot = store::FacetSlot::text5;  // due_date while not closed / done

}  // namespace aims::nonconformity
