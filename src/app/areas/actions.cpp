// The action tracker area (docs/actions.md): the service over the action index, its operation and
// the actions card of the dashboard (my open and overdue actions, every overdue action).
#include "app/areas/areas.hpp"
#include "http/handlers_actions.hpp"

namespace aims::app {

void add_actions(AreaContext& a) {
  auto& service = a.services.make<actions::ActionService>(a.infra.store, a.infra.clock);
  auto h = http::bind_services(http::ActionServices{service});
  a.operations.add(AIMS_OPERATIONS(h, list_actions));
  a.dashboard.add("actions", [&service](const accounts::Actor& actor) -> result<boost::json::value> {
    auto s = service.summary(actor);
    if (!s) return s.error();
    return boost::json::value(std::move(*s));
  });
}

}  // namespace aims::app
