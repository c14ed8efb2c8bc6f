// The records evidence can be linked to, named by a target key "<type>:<id>":
//   system:sys_…                 an AI system            risk:…, impact_assessment:…, objective:…,
//   assessment:asm_…             a gap assessment        obligation:…, classification:…  (generic records)
//   answer:asm_…:A.6.2.4         one answer of it        soa_entry:A.6.2.4  (an Annex A control's SoA entry)
//   catalog_item:iso42001:7.5.3  a clause or control of the catalog
// Pure functions over a read transaction; thread-safe.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/catalog/catalog.hpp"
#include "store/store.hpp"

namespace aims::evidence {

struct LinkTarget {
  std::string type;  // e.g. "system"
  std::string id;    // the rest of the key, e.g. "sys_…" or "asm_…:A.6.2.4"
  std::string key;   // type + ":" + id
};

/// The link target types, in the order the API documents them.
const std::vector<std::string_view>& target_types();

/// Parses a target key; validation error (field `field`) if it is malformed or of an unknown type.
result<LinkTarget> parse_target(std::string_view key, std::string_view field = "target");

/// Checks that the target exists in the organization and returns a label for people (e.g. the
/// system's name). validation error (field `field`) if it does not exist.
result<std::string> resolve_target(store::ReadTx& tx, const catalog::Catalog& cat, const std::string& org_id,
                                   const LinkTarget& t, std::string_view field = "target");

}  // namespace aims::evidence
