// The EU AI Act obligations register as a generic record kind (docs/records.md): its KindSpec
// (records without numbers, one per AI system and obligation: parent = the system id, id = the
// obligation id), its list parameters and where each is applied, and the facets derived from a
// stored obligation. Immutable after first use; thread-safe.
#pragma once
#include <string>
#include <string_view>

#include "domain/records/kind_spec.hpp"

namespace aims::euact {

/// The spec of the kind "obligation". Facet slots: text0 system id, text1 status, text2 "true"
/// when retired ("" when current, as for a row whose document cannot be read), text3 obligation
/// id, text4 applies_from, text5 applies_from sort key, text6 due sort key (also what due_before
/// and overdue compare with), text7 status sort key; search holds the roles as "|provider|…|".
/// Sort keys end with "\x1f<system id>\x1f<article position>" so that ties keep the order of
/// systems, then of articles (the stored position is the obligation's place in the data).
const records::KindSpec& obligation_kind();

/// The text a role is found by in the facets' search ("|deployer|").
std::string role_token(std::string_view role);

}  // namespace aims::euact
