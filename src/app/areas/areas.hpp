// The server's areas: each composes its own services (areas/<area>.cpp), binds its handlers to
// their operations of api/openapi.yaml and adds its dashboard card. kAreas is the composition
// root's list, in card order; adding an area is its file, its declaration and its line here.
// Start-up thread only.
#pragma once
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/dashboard/dashboard.hpp"
#include "domain/evidence/blob_store.hpp"
#include "domain/ledger/checkpoint.hpp"
#include "app/service_set.hpp"
#include "http/handlers.hpp"
#include "http/routes.hpp"
#include "store/store.hpp"

namespace aims::app {

/// What every area is built on; owned by the caller of ServerApp and outliving it.
struct Infrastructure {
  store::Store& store;  // the audited store: every write is in the audit log
  const catalog::Catalog& catalog;
  const Clock& clock;
  IdSource& ids;
  const ledger::LogSigner& signer;  // the audit log's signing key
  evidence::BlobStore& blobs;       // evidence file contents
  std::uint64_t max_upload_bytes;   // larger evidence uploads are refused
  int notify_max_attempts = 8;      // attempts of a notification delivery before it fails
};

/// What composing one area gets: the infrastructure, the services composed so far (its own go in
/// there too), and the operations (handlers by operationId) and dashboard it adds to.
struct AreaContext {
  const Infrastructure& infra;
  ServiceSet& services;
  http::Operations& operations;
  dashboard::Dashboard& dashboard;
};

void add_accounts(AreaContext& a);
void add_systems(AreaContext& a);
void add_assessments(AreaContext& a);
void add_soa(AreaContext& a);
void add_impact(AreaContext& a);
void add_objectives(AreaContext& a);
void add_risks(AreaContext& a);
void add_euact(AreaContext& a);
void add_evidence(AreaContext& a);
void add_catalog(AreaContext& a);
void add_audit(AreaContext& a);
void add_org_settings(AreaContext& a);
void add_dashboard(AreaContext& a);
void add_records(AreaContext& a);
void add_system_overview(AreaContext& a);
void add_raci(AreaContext& a);
void add_communication(AreaContext& a);
void add_retention(AreaContext& a);
void add_scope(AreaContext& a);
void add_documents(AreaContext& a);
void add_people(AreaContext& a);
void add_snapshots(AreaContext& a);
void add_legal_register(AreaContext& a);
void add_incidents(AreaContext& a);
void add_nonconformity(AreaContext& a);
void add_certification(AreaContext& a);
void add_management_review(AreaContext& a);
void add_actions(AreaContext& a);
void add_internal_audit(AreaContext& a);
void add_notifications(AreaContext& a);

/// Every area, in the order its dashboard card is shown (and its services are composed).
inline constexpr void (*kAreas[])(AreaContext&) = {
    add_accounts,
    add_systems,
    add_assessments,
    add_soa,
    add_impact,
    add_objectives,
    add_risks,
    add_euact,
    add_evidence,
    add_catalog,
    add_audit,
    add_org_settings,
    add_dashboard,
    add_records,
    add_system_overview,
    add_raci,
    add_communication,
    add_retention,
    add_scope,
    add_documents,
    add_people,
    add_snapshots,
    add_legal_register,
    add_incidents,
    add_nonconformity,
    add_certification,
    add_management_review,
    add_actions,
    add_internal_audit,
    add_notifications,
};

}  // namespace aims::app
