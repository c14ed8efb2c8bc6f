#include "domain/people/people_demo.hpp"

#include <boost/json.hpp>

#include "core/date_months.hpp"
#include "domain/demo/demo_members.hpp"
#include "domain/people/competence_action_kind.hpp"
#include "domain/people/kinds.hpp"
#include "domain/people/training_service.hpp"
#include "domain/records/record_service.hpp"

namespace aims::people {
namespace json = boost::json;

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor) {
  std::vector<std::string> people{actor.user_id};
  for (const char* email : {demo::kDataSteward, demo::kOversightLead, demo::kAuditor}) {
    auto id = demo::member_id(store, email);
    if (!id) return id.error();
    people.push_back(*id);
  }
  const auto& admin_id = people[0];
  const auto& dana = people[1];
  const auto& omar = people[2];
  const auto& ines = people[3];
  const auto today = date_of(clock.now());
  auto ago = [&](int days) { return format_date(today - std::chrono::days{days}); };
  records::RecordService records(store, clock);
  auto make = [&](const records::KindSpec& k, json::object body) -> status {
    auto r = records.create(actor, k, body);
    return r ? ok() : status(r.error());
  };
  // Who holds which AIMS role (the roles of aims_role_kind()'s demo: ROLE-1 top management …).
  const std::tuple<std::string, const char*, const char*> assignments[] = {
      {admin_id, "ROLE-1", nullptr}, {admin_id, "ROLE-2", nullptr},
      {dana, "ROLE-6", nullptr},     {dana, "ROLE-3", "Credit scoring model"},
      {omar, "ROLE-4", "Customer service chatbot"}, {ines, "ROLE-5", nullptr},
  };
  std::optional<std::string> credit, chatbot;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        if (auto s = tx.find_system_by_name_key(actor.org_id, "credit scoring model")) credit = s->id;
        if (auto s = tx.find_system_by_name_key(actor.org_id, "customer service chatbot")) chatbot = s->id;
        return ok();
      });
      !st)
    return st;
  for (const auto& [person, role, system] : assignments) {
    json::object body{{"person", person}, {"role_id", role}, {"from", ago(200)}};
    if (system) {
      auto id = std::string(system) == "Credit scoring model" ? credit : chatbot;
      if (id) body["system_ids"] = json::array{json::string(*id)};
    }
    if (auto s = make(role_assignment_kind(), body); !s) return s;
  }
  // Competence records: dana's AI literacy expired two months ago, omar's oversight training
  // expires within the month.
  const std::tuple<std::string, const char*, const char*, std::string, std::optional<std::string>, const char*> held[] = {
      {admin_id, "COMP-3", "qualification", ago(400), std::nullopt, "Certificate in AI regulation"},
      {admin_id, "COMP-2", "experience", ago(700), std::nullopt, "Led the risk assessments of 2025"},
      {admin_id, "COMP-6", "training", ago(300), std::nullopt, "Lead implementer course"},
      {dana, "COMP-1", "training", ago(790), ago(60), "AI literacy e-learning 2024"},
      {dana, "COMP-5", "experience", ago(900), std::nullopt, "Data quality lead since 2022"},
      {omar, "COMP-4", "training", ago(350), std::nullopt, "Oversight workshop for contact-centre leads"},
      {omar, "COMP-7", "assessment", ago(120), std::nullopt, "Fairness case study, assessed"},
      {ines, "COMP-6", "qualification", ago(500), std::nullopt, "Certified internal auditor"},
  };
  for (const auto& [person, comp, how, on, expires, note] : held) {
    json::object body{{"person", person}, {"competence_id", comp}, {"acquired_by", how}, {"achieved_on", on},
                      {"note", note}, {"verified_by", admin_id}};
    if (expires) body["expires_on"] = *expires;
    if (auto s = make(competence_record_kind(), body); !s) return s;
  }
  // Dana owns the credit scoring model (ROLE-3) without AI risk assessment (COMP-2): the gap has
  // a training booked.
  if (auto s = make(competence_action_kind(),
                    {{"person", dana}, {"competence_id", "COMP-2"}, {"action_type", "training"},
                     {"due_date", format_date(today + std::chrono::days{30})}, {"status", "open"}, {"closes_gap", true},
                     {"note", "AI risk assessment course, spring session"}});
      !s)
    return s;
  // The annual AI literacy campaign for every AIMS role: the admin and the auditor completed it.
  auto campaign = records.create(actor, training_campaign_kind(),
                                 json::object{{"title", "Annual AI literacy training"},
                                              {"description", "What our AI systems do, their limits, and when to ask for a human decision."},
                                              {"competence_ids", json::array{"COMP-1"}},
                                              {"audience_role_ids", json::array{"ROLE-1", "ROLE-2", "ROLE-3", "ROLE-4", "ROLE-5", "ROLE-6", "ROLE-7"}},
                                              {"due_date", format_date(today + std::chrono::days{45})},
                                              {"recurrence", "annual"},
                                              {"status", "open"}});
  if (!campaign) return campaign.error();
  TrainingService training(store, clock);
  for (const auto& [person, days] : {std::pair{admin_id, 20}, std::pair{ines, 5}}) {
    auto r = training.complete(actor, campaign->id, json::object{{"person", person}, {"completed_on", ago(days)}});
    if (!r) return r.error();
  }
  return ok();
}

}  // namespace aims::people
