// The field shapes of the clause 4.1/4.2 registers (context issues, interested parties, their
// requirements, the legal and contractual obligations register, the climate determination) that
// no other kind has: internal or external, and a low/medium/high scale; the shapes every kind
// shares come from records/kind_build.hpp. Pure functions; thread-safe.
#pragma once
#include "domain/records/kind_build.hpp"

namespace aims::context {

/// Internal or external (required): a list column, filtered on text slot 1.
records::FieldSpec origin_field(std::string label, std::string help);

/// A required low / medium / high scale (medium by default), filtered on `slot`.
records::FieldSpec scale_field(std::string name, std::string label, std::string help, store::FacetSlot slot);

}  // namespace aims::context
