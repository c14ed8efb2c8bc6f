#include "domain/records/kind_build.hpp"

#include <utility>

#include "core/text.hpp"

namespace aims::records {

KindSpec named_kind(std::string kind, std::string noun, std::string title, std::string prefix, FacetsFn facets) {
  KindSpec k;
  k.counter_id = kind;
  k.kind = std::move(kind);
  k.noun = std::move(noun);
  k.title = std::move(title);
  k.prefix = std::move(prefix);
  k.facets = std::move(facets);
  return k;
}

std::string lower_trimmed(const std::string& value) { return text::lower(text::trim(value)); }

}  // namespace aims::records
