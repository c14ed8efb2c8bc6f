#include "domain/review/review_demo.hpp"

#include "core/date.hpp"
#include "domain/demo/demo_members.hpp"
#include "domain/records/record_service.hpp"
#include "domain/review/review_kinds.hpp"

namespace aims::review {
namespace json = boost::json;

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor, ReviewService::ObjectivesSummary objectives) {
  auto dana = demo::member_id(store, demo::kDataSteward);
  if (!dana) return dana.error();
  auto ines = demo::member_id(store, demo::kAuditor);
  if (!ines) return ines.error();
  const auto today = date_of(clock.now());
  auto day = [&](int offset) { return format_date(today + std::chrono::days{offset}); };
  records::RecordService records(store, clock);
  ReviewService service(store, clock, std::move(objectives));
  auto review = records.create(actor, management_review_kind(),
                               json::object{{"title", "Management review 2026"},
                                            {"planned_on", day(0)},
                                            {"attendees", json::array{json::string(actor.user_id), json::string(*dana), json::string(*ines)}},
                                            {"agenda", "The yearly review of the AI management system before the certification audit."}});
  if (!review) return review.error();
  auto started = service.start(actor, review->id, records::etag(review->version));
  if (!started) return started.error();
  struct Decision {
    const char* type;
    const char* title;
    std::string owner;
    int due;
    const char* status;
    const char* description;
  };
  const Decision decisions[] = {
      {"resources", "Fund a second internal auditor for AI systems", actor.user_id, 60, "open",
       "One auditor cannot cover the programme of three years with the AI systems added this year."},
      {"aims_change", "Add the chatbot's human-oversight checks to the AIMS scope", *dana, 30, "in_progress",
       "The checks run today outside the management system; they become part of it with an owner and a record."},
      {"improvement", "Re-train the CV screening assistant's reviewers on the incident's lessons", *ines, -5, "done",
       "The serious incident showed that reviewers trusted the ranking; the training explains its limits."},
  };
  for (const auto& d : decisions) {
    auto r = records.create(actor, review_action_kind(),
                            json::object{{"review_id", review->id}, {"type", d.type}, {"title", d.title}, {"owner", d.owner},
                                         {"due_date", day(d.due)}, {"status", d.status}, {"description", d.description}});
    if (!r) return r.error();
  }
  auto concluded = records.update(
      actor, management_review_kind(), review->id,
      json::object{{"suitability", "suitable"},
                   {"suitability_text", "The scope and policy still fit the AI systems in use and the organization's role as deployer and provider."},
                   {"adequacy", "not_adequate"},
                   {"adequacy_text", "Audit capacity and the oversight of the chatbot fall short; two decisions address them."},
                   {"effectiveness", "effective"},
                   {"effectiveness_text", "Objectives are mostly on track and the serious incident was contained and reported in time to the provider."}},
      records::etag(started->version));
  if (!concluded) return concluded.error();
  auto signed_off = service.sign_off(actor, review->id, records::etag(concluded->version));
  if (!signed_off) return signed_off.error();
  auto next = records.create(actor, management_review_kind(),
                             json::object{{"title", "Management review 2027"},
                                          {"planned_on", day(182)},
                                          {"attendees", json::array{json::string(actor.user_id), json::string(*dana)}},
                                          {"agenda", "Half-year review: the decisions of MR-1 and the surveillance audit."}});
  if (!next) return next.error();
  return ok();
}

}  // namespace aims::review
