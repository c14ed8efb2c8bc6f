// Everything about one AI system on one page, and what is missing for it: each part is read by
// calling the list service that serves that part's own list (with its system filter, a small
// limit and its total), never derived a second time; the findings of "what is missing" are
// defined once here, as data with their rule. Stateless functions over the services passed in;
// thread-safe (the services are).
#pragma once
#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/euact/classification_service.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/records/record_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "store/store.hpp"

namespace aims::inventory {

/// The services the overview reads through (the same ones the list endpoints call).
struct OverviewSources {
  store::Store& store;
  SystemService& systems;
  euact::ClassificationService& classifications;
  euact::ObligationService& obligations;
  risk::RiskService& risks;
  impact::ImpactService& impact;
  objectives::ObjectiveService& objectives;
  evidence::EvidenceService& evidence;
  records::RecordService& records;
};

/// One kind of "missing" finding: its code, the sentence people read, the web page that fixes it
/// ("{id}" stands for the system's id) and its rule over the overview's parts.
struct MissingRule {
  std::string_view code;
  std::string_view sentence;
  std::string_view link;
  bool (*applies)(const boost::json::object& overview);
};

/// Every finding, in the order shown.
const std::vector<MissingRule>& missing_rules();

/// The overview of the caller's AI system `system_id` as a JSON object: {system, classification,
/// risks, impact_assessments, objectives, evidence, records, history, missing}. not_found for a
/// system of another organization or none.
result<boost::json::object> system_overview(const OverviewSources& s, const accounts::Actor& a,
                                            const std::string& system_id);

}  // namespace aims::inventory
