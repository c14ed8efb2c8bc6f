#include "domain/incidents/incidents_demo.hpp"

#include "core/text.hpp"
#include "domain/incidents/incident_kind.hpp"
#include "domain/incidents/incident_service.hpp"
#include "domain/records/record_service.hpp"

namespace aims::incidents {
namespace json = boost::json;
using namespace std::chrono;

namespace {

std::string ago(const Clock& clock, hours h) { return format_time(clock.now() - h); }

}  // namespace

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor) {
  std::optional<std::string> cv, chatbot;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        if (auto s = tx.find_system_by_name_key(actor.org_id, text::lower("CV screening assistant"))) cv = s->id;
        if (auto s = tx.find_system_by_name_key(actor.org_id, text::lower("Customer service chatbot"))) chatbot = s->id;
        return ok();
      });
      !st)
    return st;
  if (!cv || !chatbot) return make_error(errc::internal, "the demo's incidents need the CV screening assistant and the chatbot");
  records::RecordService records(store, clock);
  IncidentService service(store, clock);
  const auto& k = incident_kind();
  json::object serious{
      {"title", "Qualified applicants rejected for a career gap"},
      {"system_id", *cv},
      {"occurred_at", ago(clock, hours(40))},
      {"became_aware_at", ago(clock, hours(30))},
      {"causal_link_at", ago(clock, hours(29))},
      {"description", "A recruiter noticed that the assistant ranked every applicant with a career gap of more than a year "
                      "at the bottom, whatever the qualifications; 212 applications in two countries were screened out "
                      "before a person read them."},
      {"affected_count", 212},
      {"affected_persons", "Applicants for 14 vacancies, many of them returning from parental leave or illness."},
      {"member_states", "DE, NL"},
      {"severity", "high"},
      {"status", "investigating"},
      {"actions", "The assistant's ranking is switched off; recruiters read every application. The provider is analysing "
                  "the model; the rejected applicants are being contacted."}};
  auto created = records.create(actor, k, serious);
  if (!created) return created.error();
  auto q = service.qualify(actor, created->id,
                           json::object{{"harm_category", "c"},
                                        {"causal_link", "established"},
                                        {"rationale", "The ranking of a high-risk Annex III point 4(a) system discriminated "
                                                      "against applicants with career gaps, which infringes the right to "
                                                      "non-discrimination protected by Union law."}},
                           records::etag(created->version));
  if (!q) return q.error();
  auto r = service.send_report(actor, created->id,
                               json::object{{"type", "initial"},
                                            {"recipient_kind", "provider"},
                                            {"recipient", "TalentRank Software GmbH (the provider)"},
                                            {"sent_at", ago(clock, hours(28))},
                                            {"reference", "TR-SUP-4471"},
                                            {"content", "Initial report: the ranking penalises career gaps; 212 applications "
                                                        "affected in DE and NL; ranking switched off; logs attached."}},
                               records::etag(q->version));
  if (!r) return r.error();
  json::object minor{{"title", "Chatbot gave outdated opening hours"},
                     {"system_id", *chatbot},
                     {"occurred_at", ago(clock, hours(80))},
                     {"became_aware_at", ago(clock, hours(76))},
                     {"description", "The chatbot quoted last year's holiday opening hours to customers for one day."},
                     {"affected_count", 35},
                     {"member_states", "DE"},
                     {"severity", "low"},
                     {"status", "open"}};
  auto second = records.create(actor, k, minor);
  if (!second) return second.error();
  return ok();
}

}  // namespace aims::incidents
