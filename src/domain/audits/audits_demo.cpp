#include "domain/audits/audits_demo.hpp"

#include "core/text.hpp"
#include "domain/audits/audit_kinds.hpp"
#include "domain/audits/audit_service.hpp"
#include "domain/demo/demo_members.hpp"
#include "domain/records/record_service.hpp"

namespace aims::audits {
namespace json = boost::json;
using namespace std::chrono;

namespace {

std::string day(const Clock& clock, int offset_days) { return format_time(clock.now() + hours(24 * offset_days)).substr(0, 10); }

}  // namespace

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& actor) {
  auto auditor_id = demo::member_id(store, demo::kAuditor);
  if (!auditor_id) return auditor_id.error();
  auto auditee_id = demo::member_id(store, demo::kComplianceLead);
  if (!auditee_id) return auditee_id.error();
  std::optional<std::string> cv, credit, chatbot, evidence;
  if (auto st = store.read([&](store::ReadTx& tx) -> status {
        if (auto s = tx.find_system_by_name_key(actor.org_id, text::lower("CV screening assistant"))) cv = s->id;
        if (auto s = tx.find_system_by_name_key(actor.org_id, text::lower("Credit scoring model"))) credit = s->id;
        if (auto s = tx.find_system_by_name_key(actor.org_id, text::lower("Customer service chatbot"))) chatbot = s->id;
        store::RecordFilter f;
        f.org_id = actor.org_id;
        f.kind = "evidence";
        f.parent_id = "";
        f.limit = 1;
        if (auto rows = tx.list_records(f); !rows.empty()) evidence = rows.front().id;
        return ok();
      });
      !st)
    return st;
  if (!cv || !credit || !chatbot) return make_error(errc::internal, "the demo's internal audit needs the CV screening assistant, the credit scoring model and the chatbot");
  const accounts::Actor lead{*auditor_id, demo::kAuditor, actor.org_id, actor.org_name, accounts::Role::auditor};
  const accounts::Actor auditee{*auditee_id, demo::kComplianceLead, actor.org_id, actor.org_name, accounts::Role::manager};
  records::RecordService records(store, clock);
  AuditService audits(store, clock);

  json::object body{
      {"title", "Internal audit of AI risk management and operation"},
      {"objectives", "Establish whether AI risks are assessed and treated as planned, and whether the AI systems in scope are "
                     "operated, monitored and verified as our procedures say."},
      {"criteria", "ISO/IEC 42001 clauses 6.1 and 8, the Annex A controls in scope as stated in our Statement of Applicability, "
                   "the AI policy (DOC-1) and the AI risk procedure."},
      {"clauses", "6.1, 8"},
      {"controls", json::array{"A.5.2", "A.6.2.4", "A.6.2.6", "A.8.4", "A.10.4"}},
      {"system_ids", json::array{*cv, *credit, *chatbot}},
      {"units", "HR Operations, Retail Credit, Customer Service"},
      {"lead_auditor", *auditor_id},
      {"independence", "Ines (lead auditor): I have no operational role in risk management or in the AI systems in scope and "
                       "did not take part in the work audited."},
      {"planned_start", day(clock, -40)},
      {"planned_end", day(clock, -30)},
      {"actual_start", day(clock, -38)},
      {"actual_end", day(clock, -31)}};
  auto created = records.create(actor, internal_audit_kind(), body);
  if (!created) return created.error();
  const auto id = created->id;
  auto started = audits.start(lead, id, records::etag(created->version));
  if (!started) return started.error();

  struct RowResult {
    const char* row;
    const char* result;
    const char* examined;
  };
  const RowResult rows[] = {
      {"6.1.1", "conforming", "The AI risk procedure and the planning of actions for risks and opportunities."},
      {"6.1.2", "nc_raised", "The risk register: the CV screening assistant's risks were last assessed before its ranking change."},
      {"6.1.3", "conforming", "Risk treatment plans of the credit scoring model and their link to controls in the SoA."},
      {"6.1.4", "observation", "Impact assessment records; the chatbot's assessment names no review date."},
      {"8.1", "conforming", "Operational planning and control of the three systems in scope."},
      {"8.2", "nc_raised", "Risk assessments at planned intervals: none repeated after the change of the CV screening model."},
      {"8.3", "conforming", "Risk treatment: treatment actions of the sampled risks were done on time."},
      {"8.4", "ofi", "Impact assessments; their results could feed the risk register automatically."},
      {"A.5.2", "conforming", "The impact assessment process and its records."},
      {"A.6.2.4", "conforming", "Verification and validation reports of the credit scoring model."},
      {"A.6.2.6", "not_sampled", "Not examined in this audit; planned for the next one."},
      {"A.8.4", "conforming", "The incident procedure and the serious incident handled this year."},
  };
  for (const auto& r : rows) {
    json::object change{{"result", r.result}, {"examined", r.examined}};
    if (evidence && std::string_view(r.row) == "6.1.3") change["evidence_ids"] = json::array{*evidence};
    if (std::string_view(r.row) == "8.2") change["record_refs"] = json::array{*cv};
    auto done = audits.update_row(lead, id, r.row, change, records::etag(1));
    if (!done) return done.error();
  }
  auto sampled = audits.add_sample(lead, id,
                                   json::object{{"row", "8.1"},
                                                {"population", "AI systems in the audit's scope"},
                                                {"draw_from", "ai_systems"},
                                                {"method", "Simple random sample without replacement"},
                                                {"sample_size", 2},
                                                {"seed", 2026}},
                                   records::etag(started->version));
  if (!sampled) return sampled.error();
  auto sample_doc = json::parse(sampled->json).as_object();
  json::object results;
  for (const auto& item : sample_doc.at("samples").as_array().back().as_object().at("items").as_array())
    results[item.as_object().at("item").as_string()] = "conforming";
  auto with_results = audits.sample_results(lead, id, "1", json::object{{"results", results}}, records::etag(sampled->version));
  if (!with_results) return with_results.error();

  const char* findings[][4] = {
      {"major_nc", "8.2", "Risk assessment not repeated after a significant change",
       "The CV screening assistant's ranking model changed in the spring; no risk assessment followed, although the procedure "
       "requires one after every significant change. The incident of this year followed from that change."},
      {"minor_nc", "6.1.2", "Risk criteria not applied to two risks",
       "Two risks of the credit scoring model carry a level that does not follow from their likelihood and impact under the "
       "organization's criteria."},
      {"observation", "6.1.4", "Impact assessment without a review date",
       "The chatbot's impact assessment names no date for its next review; nothing is wrong yet, but it may be forgotten."},
      {"ofi", "8.4", "Feed impact assessment results into the risk register",
       "Risks found in impact assessments are copied into the register by hand; linking them would save work and mistakes."},
  };
  for (const auto& f : findings) {
    auto made = records.create(lead, audit_finding_kind(),
                               json::object{{"audit_id", id}, {"type", f[0]}, {"requirement", f[1]}, {"title", f[2]}, {"description", f[3]}});
    if (!made) return made.error();
  }
  auto rfi = records.create(lead, audit_request_kind(),
                            json::object{{"audit_id", id},
                                         {"title", "Risk assessments after model changes"},
                                         {"request", "Please provide the risk assessments made after each change of the CV screening model this year."},
                                         {"owner", *auditee_id},
                                         {"due_date", day(clock, -35)},
                                         {"status", "answered"},
                                         {"answer", "There is none after the spring change; the change was treated as a minor update."}});
  if (!rfi) return rfi.error();
  auto reported = audits.report(lead, id,
                                json::object{{"conclusion",
                                              "Risk management and operation conform in most of what was sampled. One major "
                                              "nonconformity: risk assessments are not repeated after significant changes of an "
                                              "AI system (AF-1); one minor nonconformity in applying the risk criteria (AF-2). "
                                              "Both need corrective action before the next surveillance audit."}},
                                records::etag(with_results->version));
  if (!reported) return reported.error();
  auto first = audits.sign_off(lead, id, json::object{{"as", "lead_auditor"}}, records::etag(reported->version));
  if (!first) return first.error();
  auto second = audits.sign_off(auditee, id, json::object{{"as", "auditee"}, {"statement", "Findings accepted; corrective actions follow."}},
                                records::etag(first->version));
  if (!second) return second.error();

  json::object next{
      {"title", "Internal audit of context, leadership, support and improvement"},
      {"objectives", "Cover the clauses and controls the first audit of the cycle did not, and follow up its nonconformities."},
      {"criteria", "ISO/IEC 42001 clauses 4, 5, 7, 9 and 10 and the Annex A controls in scope."},
      {"clauses", "4, 5, 7, 9, 10"},
      {"controls", json::array{"A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.6", "A.9.2", "A.10.2", "A.10.3"}},
      {"system_ids", json::array{*credit}},
      {"lead_auditor", *auditor_id},
      {"planned_start", day(clock, 120)},
      {"planned_end", day(clock, 125)}};
  auto planned = records.create(actor, internal_audit_kind(), next);
  if (!planned) return planned.error();
  return ok();
}

}  // namespace aims::audits
