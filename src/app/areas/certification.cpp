// The certification area: the certification cycle service (the certificate, the body's audits and
// their findings are field-driven kinds of the records area), its operations (cycle, stage 1
// readiness and its export, stage 2 evidence index) and the certification card of the dashboard
// (the certificate's status and the next audit of the cycle).
#include "app/areas/areas.hpp"
#include "domain/soa/soa_service.hpp"
#include "http/handlers_certification.hpp"

namespace aims::app {

void add_certification(AreaContext& a) {
  certification::requirements();  // a malformed requirements file stops the start, not a request
  auto& service = a.services.make<certification::CertificationService>(a.infra.store, a.infra.catalog, a.infra.clock,
                                                                       a.services.get<soa::SoaService>());
  auto h = http::bind_services(http::CertificationServices{service});
  a.operations.add(AIMS_OPERATIONS(h, get_certification_cycle, get_certification_readiness, export_certification_readiness,
                                   get_certification_evidence_index, export_certification_evidence_index));
  a.dashboard.add("certification", [&service](const accounts::Actor& actor) -> result<boost::json::value> {
    auto s = service.summary(actor);
    if (!s) return s.error();
    return boost::json::value(std::move(*s));
  });
}

}  // namespace aims::app
