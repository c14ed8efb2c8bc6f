// What the kinds' spec files build their KindSpec from: its start (names, words, number prefix,
// facet function), the filter value of a case-insensitive text facet, and the spec built once and
// kept. Pure functions and a function-local static; thread-safe.
#pragma once
#include <string>

#include "domain/records/kind_spec.hpp"

namespace aims::records {

/// The function a kind keeps to derive the facets of a record (see KindSpec::facets).
using FacetsFn = std::function<store::RecordFacets(const store::RecordRow& row, const boost::json::object* doc)>;

/// The start of a kind's spec: its store name, the words of its messages, its number prefix and its
/// facet function, with its counter record named after the kind; the caller sets the rest.
KindSpec named_kind(std::string kind, std::string noun, std::string title, std::string prefix, FacetsFn facets = {});

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
