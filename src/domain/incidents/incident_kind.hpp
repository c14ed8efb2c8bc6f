// The AI incidents register (ISO/IEC 42001 10.2, A.8.4; EU AI Act Art. 73 and 26(5)) as a
// field-driven record kind: what happened to which AI system, when it occurred, when the
// organization became aware of it and when a causal link was established, who and what it
// affected, its severity, status, actions and owner. Its qualification and report summaries are
// members the incident service writes (not fields a client sends); its facets add whether it is
// serious, whether a clock is open and the next deadline, so that the clocks board is a SQL
// query. Immutable; thread-safe.
#pragma once
#include <string>
#include <vector>

#include "domain/records/kind_spec.hpp"

namespace aims::incidents {

const records::KindSpec& incident_kind();

/// The ISO 3166-1 alpha-2 codes of the 27 Member States of the European Union.
const std::vector<std::string>& member_state_codes();

/// The facet slots the kind adds to its fields' ones.
inline constexpr store::FacetSlot kSeriousSlot = store::FacetSlot::text5;   // serious | not_serious | unqualified
inline constexpr store::FacetSlot kOpenClockSlot = store::FacetSlot::text6; // "open" when a clock is not met yet
inline constexpr store::FacetSlot kDeadlineSlot = store::FacetSlot::text7;  // the next deadline, RFC 3339 UTC

}  // namespace aims::incidents
