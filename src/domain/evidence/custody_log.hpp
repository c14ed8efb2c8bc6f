// Writes inside an evidence transaction that every change shares: the chain-of-custody event,
// the history entry and the human number (EV-12). Free functions on the caller's WriteTx;
// thread-safe as the transaction is used by one thread.
#pragma once
#include <boost/json.hpp>

#include <string>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/evidence/link_targets.hpp"
#include "store/store.hpp"

namespace aims::evidence {

/// Appends the custody event `action` (upload, upload_duplicate, update, link, unlink, download,
/// delete) of evidence `evidence_id`, numbered after the last one, with its history entry.
status append_event(store::WriteTx& tx, const accounts::Actor& a, const std::string& evidence_id,
                    const std::string& now, std::string_view action, boost::json::object detail);

/// Writes a history entry for a record of `record_type`, numbered after the record's last entry.
status write_history(store::WriteTx& tx, const accounts::Actor& a, std::string_view record_type,
                     const std::string& record_id, const std::string& now, std::string_view operation,
                     const boost::json::array& changes);

/// Field-by-field changes between two documents, as history stores them.
boost::json::array changes_between(const boost::json::object& before, const boost::json::object& after);

/// Links evidence to a target (if not linked yet; `created` tells) after checking the target
/// exists, with the link's custody event and history entry. validation (field `field`) if the
/// target does not exist.
status put_link(store::WriteTx& tx, const catalog::Catalog& cat, const accounts::Actor& a, const std::string& evidence_id,
                const LinkTarget& t, const std::string& note, const std::string& now, bool& created,
                std::string_view field = "link");

}  // namespace aims::evidence
