// The dashboard's card providers, one per area: each adds its card (and its lead or due sections)
// to a Dashboard, computing the figures with the same service calls as the endpoint the card
// summarises (named in each file).
// Stateless functions; the providers they add borrow the services, which outlive the dashboard.
#pragma once
#include "domain/assessment/assessment_service.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/dashboard/dashboard.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/records/kind_spec.hpp"
#include "domain/risk/risk_service.hpp"
#include "domain/soa/soa_service.hpp"

namespace aims::dashboard {

void add_systems_card(Dashboard& d, inventory::SystemService& systems);
void add_assessment_card(Dashboard& d, assessment::AssessmentService& assessments);
void add_soa_card(Dashboard& d, soa::SoaService& soa);
void add_impact_card(Dashboard& d, impact::ImpactService& impact);
void add_objectives_card(Dashboard& d, objectives::ObjectiveService& objectives);
void add_risks_card(Dashboard& d, risk::RiskService& risks);
void add_obligations_card(Dashboard& d, euact::ObligationService& obligations);
void add_evidence_card(Dashboard& d, evidence::EvidenceService& evidence);
void add_catalog_card(Dashboard& d, const catalog::Catalog& catalog);

}  // namespace aims::dashboard
