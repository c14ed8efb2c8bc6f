// Records that may no longer change: a kind declares why a stored record of it is locked (e.g. a
// management review once signed off), and the generic record service refuses a change or an
// archive of such a record with a 409 "<title> <id> <why>.". Declared once per kind while its
// spec is built (like declare_list_view); read by the services. Thread-safe (the table is filled
// before it is read, under a mutex).
#pragma once
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/records/kind_spec.hpp"

namespace aims::records {

/// Why a stored document may no longer change, or nullopt.
using LockFn = std::function<std::optional<std::string>(const boost::json::object& doc)>;

/// Declares the lock rule of `kind` (one per kind; a second declaration replaces the first).
void declare_lock(const std::string& kind, LockFn fn);

/// 409 "<title> <id> <why>." when the kind's lock rule says the stored `doc` may no longer change.
status not_locked(const KindSpec& spec, const std::string& id, const boost::json::object& doc);

}  // namespace aims::records
