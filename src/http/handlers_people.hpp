// Handlers of the competence matrix and of training completions (docs/competence.md), bound by
// the people area (src/app/areas/people.cpp). The struct refers to services the composition root
// owns, outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/people/competence_service.hpp"
#include "domain/people/training_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct PeopleServices {
  people::CompetenceService& competence;
  people::TrainingService& training;
};

AIMS_HANDLERS(PeopleServices, competence_matrix, list_training_completions, complete_training)

}  // namespace aims::http
