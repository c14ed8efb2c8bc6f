// The nonconformity area (ISO/IEC 42001 10.1, 10.2): the steps of a nonconformity (its fields, its
// corrective actions and the improvement register are field-driven kinds of the records area), their
// operations and the dashboard card (open and overdue nonconformities, overdue corrective actions,
// effectiveness checks due).
#include "app/areas/areas.hpp"
#include "http/handlers_nonconformities.hpp"

namespace aims::app {

void add_nonconformity(AreaContext& a) {
  auto& service = a.services.make<nonconformity::NcService>(a.infra.store, a.infra.clock);
  auto h = http::bind_services(http::NonconformityServices{service});
  a.operations.add(AIMS_OPERATIONS(h, contain_nonconformity, analyse_nonconformity, check_nonconformity_elsewhere,
                                   add_nonconformity_update, schedule_effectiveness_check, record_effectiveness_result,
                                   close_nonconformity));
  a.dashboard.add("nonconformities", [&service](const accounts::Actor& actor) -> result<boost::json::value> {
    auto s = service.summary(actor);
    if (!s) return s.error();
    return boost::json::value(std::move(*s));
  });
}

}  // namespace aims::app
