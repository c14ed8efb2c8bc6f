// Field makers the clause 4.1/4.2 registers share (interested parties, their requirements, the
// legal and contractual obligations register, the climate determination): a member as owner, a
// list of references, a low/medium/high scale, a next review date. Pure functions; thread-safe.
#pragma once
#include "domain/records/field_spec.hpp"

namespace aims::context {

/// A reference to a member of the organization (a user id), filtered on `slot`.
records::FieldSpec member_field(std::string name, std::string label, std::string help, store::FacetSlot slot);

/// A list of references to `target` ("system", "control" or a record kind), at most 50.
records::FieldSpec refs_field(std::string name, std::string label, std::string help, std::string target);

/// A required low / medium / high scale (medium by default), filtered on `slot`.
records::FieldSpec scale_field(std::string name, std::string label, std::string help, store::FacetSlot slot);

/// The optional date of the next review, a list column sorted on text slot 7.
records::FieldSpec review_field(std::string help);

}  // namespace aims::context
