// Review input, AI-specific: EU AI Act obligations overdue (not met, not retired, due before
// today: the obligations board's rule) and AI impact assessments due for review (their next review
// date reached).
#include "domain/euact/eu_data.hpp"
#include "domain/euact/obligation_view.hpp"
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_ai_specific(const PackInput& in) {
  Section s("ai_specific", "A.5", "EU AI Act obligations and AI impact assessments");
  std::int64_t overdue = 0, due = 0;
  struct Overdue {
    std::string id, obligation_id, system_id, note;
  };
  std::vector<Overdue> listed;
  each_record(in, "obligation", [&](const store::RecordRow& row, const boost::json::object& doc) {
    s.saw_records();
    auto status = text_of(doc, "status");
    auto r = doc.if_contains("retired");
    bool retired = r && r->is_bool() && r->as_bool();
    auto when = text_of(doc, "due");
    if (retired || (status != "not_started" && status != "in_progress") || when.empty() || when >= in.today) return;
    ++overdue;
    listed.push_back({row.id, text_of(doc, "obligation_id"), row.parent_id, status + ", due " + when});
  });
  // Each obligation's AI system by its name: the systems of those the section lists, in one query.
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < listed.size() && i < kMaxItems; ++i) ids.push_back(listed[i].system_id);
  auto systems = euact::named_systems(in.tx, in.org_id, std::move(ids));
  for (const auto& o : listed) {
    auto named = systems.find(o.system_id);
    s.link("obligation", o.id,
           named != systems.end() ? euact::obligation_label(o.obligation_id, o.id, named->second)
                                  : euact::obligation_label(o.obligation_id, o.id, o.system_id),
           "/obligations?system=" + o.system_id, o.note);
  }
  each_record(in, "impact_assessment", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto next = text_of(doc, "next_review_date");
    if (next.empty() || next > in.today) return;
    ++due;
    s.link("impact_assessment", row.id, title_of(doc, {"title"}, row.id), "/impact/" + row.id, "review due " + next);
  });
  s.set("obligations_overdue", overdue);
  s.set("impact_assessments_due", due);
  return s.done(std::to_string(overdue) + " EU AI Act obligation(s) overdue; " + std::to_string(due) +
                " impact assessment(s) due for review.");
}

}  // namespace aims::review
