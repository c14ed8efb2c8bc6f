// Handlers of the action tracker (docs/actions.md), bound by the actions area
// (src/app/areas/actions.cpp). The struct refers to a service the composition root owns, outliving
// the router. Stateless; thread-safe.
#pragma once
#include "domain/actions/action_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct ActionServices {
  actions::ActionService& actions;
};

AIMS_HANDLERS(ActionServices, list_actions)

}  // namespace aims::http
