// Use cases of the Statement of Applicability (SPEC §5): the working copy (one entry per Annex A
// control, with the answer of the latest completed assessment and its conflict), edits under the server's rules, approval into
// immutable numbered versions, diffs and exports. Acts for an Actor and checks its role.
// The working copy's document is cached per organization at the size of its audit log, which every
// record change of the organization grows in its own transaction (docs/benchmarks.md).
// Owned by the composition root; thread-safe (state is in the store; the catalog is immutable;
// the cache locks).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/inventory/list_cache.hpp"
#include "store/store.hpp"

namespace aims::soa {

struct Entry {
  std::int64_t version = 0;
  std::string json;
};

struct Export {
  std::string content_type;
  std::string filename;
  std::string body;
};

class SoaService {
 public:
  SoaService(store::Store& store, const catalog::Catalog& cat, const Clock& clock)
      : store_(store), cat_(cat), clock_(clock) {}

  result<std::string> working(const accounts::Actor& a);
  result<Entry> update(const accounts::Actor& a, const std::string& control_id, const boost::json::value& body,
                       const std::optional<std::string>& if_match);
  result<std::string> approve(const accounts::Actor& a, const boost::json::value& body, std::int64_t& number);
  result<std::string> versions(const accounts::Actor& a);
  result<std::string> version(const accounts::Actor& a, const std::string& number);
  result<std::string> diff(const accounts::Actor& a, const std::optional<std::string>& from,
                           const std::optional<std::string>& to);
  result<Export> export_file(const accounts::Actor& a, const std::optional<std::string>& format,
                             const std::optional<std::string>& version);

 private:
  /// The working entries (catalog order) read in one transaction; `source` receives the
  /// assessment their answers come from (or null).
  boost::json::array entries(store::ReadTx& tx, const std::string& org_id, boost::json::value* source = nullptr);
  result<boost::json::array> entries_of(const accounts::Actor& a, const std::string& which);

  store::Store& store_;
  const catalog::Catalog& cat_;
  const Clock& clock_;
  inventory::ListCache cache_{4u << 20};  // working documents by organization
};

/// Counts of an entry list: applicable, excluded and per implementation status.
boost::json::object summary(const boost::json::array& entries);

}  // namespace aims::soa
