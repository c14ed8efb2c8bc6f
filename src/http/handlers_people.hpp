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

namespace handlers {

Response competence_matrix(Context& c, const PeopleServices& s);
Response list_training_completions(Context& c, const PeopleServices& s);
Response complete_training(Context& c, const PeopleServices& s);

}  // namespace handlers
}  // namespace aims::http
