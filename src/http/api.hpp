// The HTTP application: routes, authentication, CSRF and role context, static web files.
// `handle` turns a Request into a Response with no socket in sight. Built once by the composition
// root; handle() is thread-safe (services and the store are).
#pragma once
#include <boost/json.hpp>

#include <memory>
#include <optional>
#include <string>

#include "domain/accounts/auth_service.hpp"
#include "domain/assessment/assessment_service.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/impact/impact_service.hpp"
#include "domain/euact/classification_service.hpp"
#include "domain/euact/obligation_service.hpp"
#include "domain/evidence/evidence_service.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/objectives/objective_service.hpp"
#include "domain/objectives/reading_service.hpp"
#include "domain/org/org_settings.hpp"
#include "domain/records/record_service.hpp"
#include "domain/risk/criteria_service.hpp"
#include "domain/risk/risk_service.hpp"
#include "domain/ledger/audit_pack.hpp"
#include "domain/ledger/audit_service.hpp"
#include "domain/soa/soa_service.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "store/store.hpp"

namespace aims::http {

struct Services {
  store::Store& store;
  const catalog::Catalog& catalog;
  accounts::AuthService& auth;
  inventory::SystemService& systems;
  assessment::AssessmentService& assessments;
  soa::SoaService& soa;
  impact::ImpactService& impact;
  objectives::ObjectiveService& objectives;
  objectives::ReadingService& readings;
  risk::CriteriaService& risk_criteria;
  risk::RiskService& risks;
  euact::ClassificationService& classifications;
  euact::ObligationService& obligations;
  evidence::EvidenceService& evidence;
  ledger::AuditService& audit;
  ledger::AuditPackService& audit_pack;
  org::OrgSettingsService& org_settings;
  records::RecordService& records;  // every field-driven kind (handlers_records.cpp)
};

/// What a handler gets: the request, and who is calling in which organization.
struct Context {
  Request& req;
  Services& svc;
  std::optional<accounts::Principal> principal;
  std::optional<accounts::Actor> actor;
  bool secure_cookies = false;
  bool trust_forwarded_for = false;  // the client address is X-Forwarded-For's last entry
};

struct ApiOptions {
  std::size_t max_json_body = 1 << 20;     // bytes
  bool secure_cookies = false;             // add Secure to the session cookie (behind TLS)
  bool trust_forwarded_for = false;        // behind one trusted reverse proxy (see Context)
};

class Api {
 public:
  Api(Services svc, StaticFiles web, ApiOptions opts = {});
  Response handle(Request& req);
  /// True if the request's route streams its body (decided from method and path alone).
  bool streams_body(const Request& req) const;
  const Router& router() const { return router_; }
  /// The OpenAPI document as JSON (converted from the embedded YAML at start-up).
  const std::string& openapi_json() const { return openapi_json_; }

 private:
  Response dispatch(Request& req);
  Services svc_;
  StaticFiles web_;
  ApiOptions opts_;
  Router router_;
  std::string openapi_json_;
};

/// Registers every route (routes.cpp: all routes in one place).
void register_routes(Router& r, const std::string& openapi_json);
/// Registers the routes of every field-driven kind of the registry and GET /api/v1/kinds
/// (handlers_records.cpp).
void register_record_routes(Router& r);

/// Parses a JSON request body; bad_request/unsupported_media_type/payload_too_large on failure.
result<boost::json::value> parse_json_body(const Request& req, std::size_t max = 1 << 20);

/// Converts the embedded api/openapi.yaml to JSON text. Throws on a malformed document.
std::string openapi_as_json();

}  // namespace aims::http
