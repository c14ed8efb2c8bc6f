// The people area (AIMS roles, competence and training): the competence matrix and training
// completion services, their operations, and the competence card of the dashboard (gaps and
// expired competences over every member, the figures of CompetenceService::summary).
#include "app/areas/areas.hpp"
#include "domain/people/competence_card.hpp"
#include "http/handlers_people.hpp"

namespace aims::app {

void add_people(AreaContext& a) {
  auto& competence = a.services.make<people::CompetenceService>(a.infra.store, a.infra.clock);
  auto& training = a.services.make<people::TrainingService>(a.infra.store, a.infra.clock);
  auto h = http::bind_services(http::PeopleServices{competence, training});
  a.operations.add(AIMS_OPERATIONS(h, competence_matrix, list_training_completions, complete_training));
  people::add_competence_card(a.dashboard, competence);
}

}  // namespace aims::app
