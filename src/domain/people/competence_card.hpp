// The competence dashboard card: the figures of CompetenceService::summary (gaps and expired or
// expiring competences over every member), described for the web's generic card. Stateless; the
// provider borrows the service, which outlives the dashboard.
#pragma once
#include "domain/dashboard/dashboard.hpp"
#include "domain/people/competence_service.hpp"

namespace aims::people {

void add_competence_card(dashboard::Dashboard& d, CompetenceService& competence);

}  // namespace aims::people
