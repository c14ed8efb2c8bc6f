// Handlers of the certification cycle (docs/certification.md): the cycle timeline, the stage 1
// readiness checklist and its export, the stage 2 evidence index and its export, bound by the certification area
// (src/app/areas/certification.cpp). The certificate, its audits and their findings are record
// kinds served by the records handlers. The struct refers to a service the composition root
// owns, outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/certification/certification_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct CertificationServices {
  certification::CertificationService& certification;
};

AIMS_HANDLERS(CertificationServices, get_certification_cycle, get_certification_readiness, export_certification_readiness,
              get_certification_evidence_index, export_certification_evidence_index)

}  // namespace aims::http
