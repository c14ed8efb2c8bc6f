#include "domain/people/competence_card.hpp"

#include "domain/dashboard/card_figures.hpp"

namespace aims::people {
namespace json = boost::json;

void add_competence_card(dashboard::Dashboard& d, CompetenceService& competence) {
  d.add("competence", [&competence](const accounts::Actor& a) -> result<json::value> {
    auto s = competence.summary(a);
    if (!s) return s.error();
    auto n = [&](const char* key) { return s->at(key).as_int64(); };
    dashboard::describe_card(*s, "Competence", "/competence",
                             {{"people_with_gaps", "people with a competence gap", n("people_with_gaps"), "/competence", true},
                              {"gaps", "gaps in the competence matrix", n("gaps"), "/competence", true},
                              {"expired", "competences held that expired", n("expired"), "/competence-records?sort=expires_on", true},
                              {"expiring", "competences that expire within 30 days", n("expiring"),
                               "/competence-records?sort=expires_on", false}});
    return json::value(std::move(*s));
  });
}

}  // namespace aims::people
