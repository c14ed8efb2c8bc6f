// What the kinds' spec files build their KindSpec from: its start (names, words, number prefix,
// facet function; or every word and place of a field-driven kind), the field shapes many kinds
// share (the name, a long text, a note, a member or several, a reference, a choice, a date, the
// next review), the one date-order rule, the filter value of a case-insensitive text facet, and
// the spec built once and kept. Pure functions and a function-local static; thread-safe.
#pragma once
#include <optional>
#include <string>

#include "domain/records/kind_spec.hpp"

namespace aims::records {

/// The names a kind's spec file writes its filters and sorts with: `using namespace records::spec_terms;`.
namespace spec_terms {
using records::FilterSpec;
using records::SortSpec;
using records::Where;
using store::FacetSlot;
}  // namespace spec_terms

/// The function a kind keeps to derive the facets of a record (see KindSpec::facets).
using FacetsFn = std::function<store::RecordFacets(const store::RecordRow& row, const boost::json::object* doc)>;
/// A kind's rule across fields (see KindSpec::check).
using CheckFn = std::function<void(const boost::json::object& doc, std::vector<FieldError>& errors)>;

/// The start of a kind's spec: its store name, the words of its messages, its number prefix and its
/// facet function, with its counter record named after the kind; the caller sets the rest.
KindSpec named_kind(std::string kind, std::string noun, std::string title, std::string prefix, FacetsFn facets = {});

/// The words and places of a field-driven kind.
struct KindWords {
  std::string kind, noun, title, prefix, plural, path, cli, clause;
};

/// The start of a field-driven kind's spec: named_kind with its plural, path, CLI command and clause.
KindSpec worded_kind(KindWords w);

/// The text that names a record (required): a list column, sorted on text slot 6, searched.
FieldSpec name_field(std::string name, std::string label, std::string help, std::size_t max_length = 200);

/// A long text of at most `max_length` characters, searched.
FieldSpec long_field(std::string name, std::string label, std::string help, bool required = false,
                     std::size_t max_length = 4000);

/// An optional short text of at most `max_length` characters, searched (a note, a channel).
FieldSpec note_field(std::string name, std::string label, std::string help, std::size_t max_length = 500);

/// How a field names members of the organization (user ids).
struct MemberUse {
  bool required = false;
  std::optional<store::FacetSlot> filter{};  // the list filter's text slot, if any
  std::size_t many = 0;                      // 0: one member; else a list of at most this many
  bool column = true;                        // shown as a list column
};

/// A member of the organization (ref "user"), or a list of members (refs "user").
FieldSpec member_field(std::string name, std::string label, std::string help, MemberUse use = {});

/// A reference to one record of `target` ("system" or a record kind): a list column, filtered on `filter`.
FieldSpec ref_field(std::string name, std::string label, std::string help, std::string target, bool required,
                    std::optional<store::FacetSlot> filter);

/// A list of references to `target` ("system", "control", "user" or a record kind).
FieldSpec refs_field(std::string name, std::string label, std::string help, std::string target,
                     std::size_t max_items = 50, bool required = false);

/// One of `values` (required): a list column, filtered on `filter`, starting at `default_value`.
FieldSpec choice_field(std::string name, std::string label, std::string help, std::vector<EnumValue> values,
                       std::optional<store::FacetSlot> filter, boost::json::value default_value = nullptr);

/// A date: a list column, sorted on `sort`.
FieldSpec date_field(std::string name, std::string label, std::string help, std::optional<store::FacetSlot> sort,
                     bool required = false);

/// The optional date of the next review, a list column sorted on text slot 7.
FieldSpec review_field(std::string help);

/// The rule that the date `last`, when both are given, does not come before the date `first`
/// (`strict`: comes after it); else a field error on `last`: "`message` (`first`'s date)".
CheckFn dates_in_order(std::string first, std::string last, std::string message, bool strict = false);

/// The spec `Make` builds, built on first use and kept (a function-local static: thread-safe).
template <KindSpec (*Make)()>
const KindSpec& built_once() {
  static const KindSpec spec = Make();
  return spec;
}

/// The facet a free-text filter value stands for when compared without case (e.g. an owner's
/// name): trimmed and lower-cased.
std::string lower_trimmed(const std::string& value);

}  // namespace aims::records
