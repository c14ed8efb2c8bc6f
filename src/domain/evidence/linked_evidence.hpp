// Evidence linked to one record, as the records that show it (assessment answers, SoA entries)
// read and write it: by evidence id, never by free text. Free functions on the caller's
// transaction; thread-safe as the transaction is used by one thread.
#pragma once
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/evidence/link_targets.hpp"
#include "store/store.hpp"

namespace aims::evidence {

/// The live evidence linked to `target_key`, by number: [{id, number, title, filename,
/// classification, expires_on, sha256, uploaded_at}].
boost::json::array linked_evidence(store::ReadTx& tx, const std::string& org_id, const std::string& target_key);

/// Field errors for the entries of `ids` (field `field`) that are not live evidence of the
/// organization; empty when all are. Evidence of another organization is unknown here.
std::vector<FieldError> unknown_evidence(store::ReadTx& tx, const std::string& org_id, const std::vector<std::string>& ids,
                                         std::string_view field);

/// Links each evidence of `ids` (checked with unknown_evidence first) to `target`; links that
/// exist stay, each new one gets its custody event and history entry.
status link_all(store::WriteTx& tx, const catalog::Catalog& cat, const accounts::Actor& a,
                const std::vector<std::string>& ids, const LinkTarget& target, const std::string& now);

}  // namespace aims::evidence
