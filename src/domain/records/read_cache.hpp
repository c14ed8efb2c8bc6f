// List answers kept in an inventory::ListCache while the organization's audit log keeps its size
// (docs/benchmarks.md, "Read caches keyed by the audit log's size"): every change to an
// organization's records appends to its log in the same transaction, and the size is read before
// the answer is built, so a change made meanwhile makes the kept answer unusable at once. With no
// log (a store without the audit decorator) nothing is kept. Stateless functions; the cache is
// the calling service's (thread-safe).
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::records {

/// The list answer of `kind` for the caller's organization and role, the day (derived states such
/// as "overdue" follow today's date, "YYYY-MM-DD") and the parameters (the last of a repeated name
/// counts, as for parse_list) kept at the organization's current log size, or the one `build`
/// makes (kept when it succeeds).
result<inventory::CachedPage> cached_page(store::Store& store, inventory::ListCache& cache, const accounts::Actor& a,
                                          std::string_view kind, std::string_view day, const Params& p,
                                          const std::function<result<inventory::CachedPage>()>& build);
/// The same for an answer that is one JSON text.
result<std::string> cached_text(store::Store& store, inventory::ListCache& cache, const accounts::Actor& a,
                                std::string_view kind, std::string_view day, const Params& p,
                                const std::function<result<std::string>()>& build);

}  // namespace aims::records
