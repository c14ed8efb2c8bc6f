// Handlers of the nonconformity steps (docs/nonconformity.md): containment, cause analysis,
// elsewhere check, updates, effectiveness check and result, close; bound by the nonconformity area
// (src/app/areas/nonconformity.cpp). The struct refers to a service the composition root owns,
// outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/nonconformity/nc_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct NonconformityServices {
  nonconformity::NcService& ncs;
};

namespace handlers {

Response contain_nonconformity(Context& c, const NonconformityServices& s);
Response analyse_nonconformity(Context& c, const NonconformityServices& s);
Response check_nonconformity_elsewhere(Context& c, const NonconformityServices& s);
Response add_nonconformity_update(Context& c, const NonconformityServices& s);
Response schedule_effectiveness_check(Context& c, const NonconformityServices& s);
Response record_effectiveness_result(Context& c, const NonconformityServices& s);
Response close_nonconformity(Context& c, const NonconformityServices& s);

}  // namespace handlers
}  // namespace aims::http
