// The handler of the legal register's EU AI Act part (its own entries are generic records) and the
// struct of the service it uses, which the composition root owns and which outlives the router.
// Stateless; thread-safe.
#pragma once
#include "domain/context/legal_register.hpp"
#include "http/api.hpp"

namespace aims::http {

struct LegalRegisterServices {
  context::LegalRegisterService& legal;
};

AIMS_HANDLERS(LegalRegisterServices, legal_eu_ai_act_obligations)

}  // namespace aims::http
