// The organization's retention periods (ISO/IEC 42001 7.5.3) and legal holds: one record of kind
// retention_settings per organization (id "settings", none set until an admin saves them) with a
// period in months per record kind or kind and type ("document:policy"), and one legal_hold record
// per held record ("<kind>:<id>"), placed and released by admins, each change with its history row
// and (through the audited store) its audit entry. Every member reads both.
// Owned by the composition root; thread-safe (state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "store/store.hpp"

namespace aims::retention {

/// A served document and its version (for the ETag); `id` for a Location.
struct View {
  std::string id;
  std::int64_t version = 0;
  std::string json;
};

class RetentionService {
 public:
  RetentionService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// {"periods": {key: months}, "kinds": [the record kinds], "version", "updated_at", "updated_by"}.
  result<View> get(const accounts::Actor& a);
  /// Replaces the periods (admins only; If-Match, "v0" before the first save): each key a record
  /// kind of the registry, or such a kind, ":" and a type; each value 1–1200 months.
  result<View> put(const accounts::Actor& a, const boost::json::value& body, const std::optional<std::string>& if_match);
  /// Places a legal hold ({"kind", "record_id", "reason"}) on a record of the organization (admins only).
  result<View> hold(const accounts::Actor& a, const boost::json::value& body);
  /// Releases the legal hold of a record ({"kind", "record_id", "reason"}; admins only).
  result<View> release(const accounts::Actor& a, const boost::json::value& body);
  /// {"items": [holds]}: the active holds, or every hold with all=true.
  result<std::string> list_holds(const accounts::Actor& a, const std::optional<std::string>& all);

 private:
  result<View> set_hold(const accounts::Actor& a, const boost::json::value& body, bool on);

  store::Store& store_;
  const Clock& clock_;
};

}  // namespace aims::retention
