// What the clause 4.1/4.2 registers (context issues, interested parties, their requirements, the
// legal and contractual obligations register, the climate determination) build their specs from:
// the start of a kind with its words, path, command and clause, and the fields they share — the
// text that names a record, a long text, a member as owner, a list of references, a low/medium/high
// scale, a next review date. Pure functions; thread-safe.
#pragma once
#include "domain/records/field_spec.hpp"
#include "domain/records/kind_spec.hpp"

namespace aims::context {

/// The words and places of a register.
struct KindWords {
  std::string kind, noun, title, prefix, plural, path, cli, clause;
};

/// The start of a register's spec: records::named_kind with its plural, path, CLI command and clause.
records::KindSpec context_kind(KindWords w);

/// The text that names a record (required): a list column, sorted on text slot 6, searched.
records::FieldSpec name_field(std::string name, std::string label, std::string help, std::size_t max_length = 200);

/// A long text of at most 4000 characters, searched.
records::FieldSpec long_field(std::string name, std::string label, std::string help, bool required = false);

/// Internal or external (required): a list column, filtered on text slot 1.
records::FieldSpec origin_field(std::string label, std::string help);

/// A reference to a member of the organization (a user id), filtered on `slot`.
records::FieldSpec member_field(std::string name, std::string label, std::string help, store::FacetSlot slot);

/// A list of references to `target` ("system", "control" or a record kind), at most 50.
records::FieldSpec refs_field(std::string name, std::string label, std::string help, std::string target);

/// A required low / medium / high scale (medium by default), filtered on `slot`.
records::FieldSpec scale_field(std::string name, std::string label, std::string help, store::FacetSlot slot);

/// The optional date of the next review, a list column sorted on text slot 7.
records::FieldSpec review_field(std::string help);

}  // namespace aims::context
