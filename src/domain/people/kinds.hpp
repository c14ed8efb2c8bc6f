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

/// The common members of a kind's field that names a member of the organization (ref "user").
records::FieldSpec person_field(std::string name, std::string label, std::string help, bool required);
/// The required reference to a competence of a kind (a column, filtered on `slot`).
records::FieldSpec competence_ref_field(std::string help, store::FacetSlot slot);
/// The optional `note` of a kind (500 characters, searched).
records::FieldSpec note_field(std::string help);
/// The required `name` of a kind: a column, sorted on `slot`, searched.
records::FieldSpec name_field(std::string help, store::FacetSlot slot);
/// A `check` rule: the date `last` cannot come before the date `first` ("the NOUN cannot WHAT (first)").
std::function<void(const boost::json::object&, std::vector<FieldError>&)> dates_in_order(std::string first, std::string last,
                                                                                       std::string what);

}  // namespace aims::people
