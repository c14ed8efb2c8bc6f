// Use cases of AI system impact assessments (ISO/IEC 42001 6.1.4 and 8.4, Annex A.5.2–A.5.5):
// create one for an AI system of the organization (pre-filled from its inventory record), edit it
// with optimistic concurrency, list with filters, history; submit for review and approve into
// immutable numbered versions (impact_service_workflow.cpp); the organization's thresholds; the
// EU AI Act Art. 27 view and the export model. Every call acts for an Actor and checks its role;
// other organizations' records answer not_found.
// Owned by the composition root; thread-safe (all state is in the store).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/impact/impact_rules.hpp"
#include "domain/inventory/list_cache.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/list_query.hpp"
#include "store/store.hpp"

namespace aims::impact {

/// A record as served: its JSON and version (for the ETag).
using View = records::Versioned;

class ImpactService {
 public:
  static constexpr std::string_view kKind = "impact_assessment";
  static constexpr std::string_view kVersionKind = "impact_assessment_version";
  static constexpr std::string_view kSettingsKind = "impact_settings";

  ImpactService(store::Store& store, const Clock& clock, IdSource& ids) : store_(store), clock_(clock), ids_(ids) {}

  result<View> create(const accounts::Actor& a, const boost::json::value& body);
  result<View> get(const accounts::Actor& a, const std::string& id);
  /// `if_match` is the ETag last read; required (428 without, 412 when stale).
  result<View> update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                      const std::optional<std::string>& if_match);
  /// {"items": [summaries], "total", "next"?}: the parameters of impact_kind(), an unknown one a 400.
  result<std::string> list(const accounts::Actor& a, const records::Params& p);
  /// 404 for an assessment that is not the organization's, before a bad limit or cursor (400).
  result<std::string> history(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& limit,
                              const std::optional<std::string>& cursor);

  // Workflow (impact_service_workflow.cpp). If-Match is optional here but checked when sent.
  result<View> submit(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& if_match);
  /// The new version's JSON; `number` receives its number.
  result<std::string> approve(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                              const std::optional<std::string>& if_match, std::int64_t& number);
  result<std::string> versions(const accounts::Actor& a, const std::string& id);
  result<std::string> version(const accounts::Actor& a, const std::string& id, const std::string& number);
  /// The Art. 27 view of the working record, or of an approved version.
  result<std::string> fria(const accounts::Actor& a, const std::string& id, const std::optional<std::string>& version);
  /// Everything an export shows: {organization, exported_at, source, assessment, fria, versions}.
  result<boost::json::object> export_model(const accounts::Actor& a, const std::string& id,
                                           const std::optional<std::string>& version);

  // The organization's thresholds (impact_service_settings.cpp).
  result<View> settings(const accounts::Actor& a);
  result<View> put_settings(const accounts::Actor& a, const boost::json::value& body,
                            const std::optional<std::string>& if_match);

 private:
  /// list() without the cache: reads the store.
  result<std::string> list_built(const accounts::Actor& a, const records::Params& p);
  /// The served record: the stored fields with the AI system, outcome, summary, annotated impacts,
  /// FRIA applicability and re-assessment status.
  boost::json::object view_of(const boost::json::object& doc, const boost::json::object* system, const Settings& s) const;
  /// The list entry: view_of without the long texts and rows.
  boost::json::object summary_of(const boost::json::object& view) const;
  Settings load_settings(store::ReadTx& tx, const std::string& org_id) const;
  Date today() const;

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  inventory::ListCache lists_{8u << 20};  // list answers by organization, role, day and parameters
};

}  // namespace aims::impact
