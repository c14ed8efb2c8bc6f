// The management review area (ISO/IEC 42001 9.3): the review workflow service (the reviews' and
// review actions' fields are field-driven kinds of the records area), its operations and the
// management review card of the dashboard (next review due, reviews in progress, actions open
// and overdue). The monitoring section of the input pack reads the objectives' summary.
#include "app/areas/areas.hpp"
#include "domain/objectives/objective_service.hpp"
#include "http/handlers_review.hpp"

namespace aims::app {

void add_management_review(AreaContext& a) {
  auto& objectives = a.services.get<objectives::ObjectiveService>();
  auto& service = a.services.make<review::ReviewService>(
      a.infra.store, a.infra.clock, [&objectives](const accounts::Actor& actor) { return objectives.summary(actor); });
  auto h = http::bind_services(http::ReviewServices{service});
  a.operations.add(AIMS_OPERATIONS(h, get_management_review_attendance, start_management_review, get_management_review_pack,
                                   sign_off_management_review, export_management_review_minutes));
  a.dashboard.add("management_review", [&service](const accounts::Actor& actor) -> result<boost::json::value> {
    auto s = service.summary(actor);
    if (!s) return s.error();
    return boost::json::value(std::move(*s));
  });
}

}  // namespace aims::app
