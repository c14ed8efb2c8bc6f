// The record kinds of AIMS roles, competence and training (ISO/IEC 42001 5.3, 7.2, 7.3, A.3.2,
// A.4.6; EU AI Act Art. 4): competences, AIMS roles, role assignments, people's competence
// records and training campaigns, each a field-driven kind (docs/competence.md). Immutable; thread-safe.
#pragma once
#include "domain/records/kind_spec.hpp"

namespace aims::people {

const records::KindSpec& competence_kind();         // COMP-: what a person may need to know or do
const records::KindSpec& aims_role_kind();          // ROLE-: a role in the AI management system
const records::KindSpec& role_assignment_kind();    // RA-: a member holds a role, for a time
const records::KindSpec& competence_record_kind();  // CR-: a member holds a competence, until its expiry
const records::KindSpec& training_campaign_kind();  // TRN-: training that gives competences to an audience

}  // namespace aims::people
