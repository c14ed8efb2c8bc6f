// An obligation as served (docs/euact.md): its stored fields, the EU AI Act data's texts of its
// obligation, and the members that depend on its AI system and today's date; and its stored list
// view (records::make_list_view), which keeps all but those members. Pure functions over the
// immutable data; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <optional>
#include <vector>
#include <string>

#include "domain/euact/eu_data.hpp"
#include "store/store.hpp"

namespace aims::euact {

/// The name of an AI system ("" without one or when its document cannot be read).
std::string system_name(const std::optional<store::SystemRow>& system);

/// The AI systems of `ids` as obligation labels name them (eu_data.hpp), read in one query of the
/// caller's transaction (for the rows of one page, never every system); every id has an entry,
/// `found` false for a system the organization no longer has.
std::map<std::string, NamedSystem> named_systems(store::ReadTx& tx, const std::string& org_id, std::vector<std::string> ids);

/// The members of a served obligation that depend on its AI system and today's date (system_name,
/// system_class, overdue), from its document (or a stored list view's inputs).
boost::json::object system_members(const boost::json::object& doc, const std::optional<store::SystemRow>& system,
                                   const std::string& today);

/// The obligation as served (without recheck_needed, which lists add): the document, `members` in
/// their places, the row's version and times, and the data's texts.
boost::json::object obligation_view(const Data& data, const store::RecordRow& row, boost::json::object doc,
                                    const boost::json::object& members);

/// The stored list view of an obligation: system_members and recheck_needed as holes, the
/// document members system_members reads as its inputs. The data's texts are those compiled into
/// the binary (raise obligation_kind()'s facets_rev when catalog/eu-ai-act changes them).
std::string obligation_list_view(const store::RecordRow& row, const boost::json::object& doc);

}  // namespace aims::euact
