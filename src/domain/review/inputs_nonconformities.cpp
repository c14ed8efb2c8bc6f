// Review input: nonconformities (counts by status and severity, opened per month, overdue) and
// their corrective actions (by status, overdue), read by kind name: "no records" until the
// nonconformity kinds exist and are used.
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_nonconformities(const PackInput& in) {
  Section s("nonconformities", "10.2", "Nonconformities and corrective actions");
  std::int64_t open = 0, overdue = 0, capa_overdue = 0;
  each_record(in, "nonconformity", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto status = text_of(doc, "status");
    auto severity = text_of(doc, "severity");
    s.count("by_status." + (status.empty() ? std::string("open") : status));
    if (!severity.empty()) s.count("by_severity." + severity);
    auto opened = text_of(doc, "opened_on");
    auto month = (opened.empty() ? day_of(row.created_at) : opened).substr(0, 7);
    if (month.size() == 7) s.count("opened_by_month." + month);
    bool closed = status == "closed";
    auto due = text_of(doc, "due_date");
    bool late = !closed && !due.empty() && due < in.today;
    if (!closed) ++open;
    if (late) ++overdue;
    if (late || (!closed && severity == "major") || after_since(in, row.updated_at))
      s.link("nonconformity", row.id, title_of(doc, {"title"}, row.id), "/nonconformities/" + row.id,
             status + (severity.empty() ? "" : ", " + severity) + (late ? ", overdue since " + due : ""));
  });
  each_record(in, "corrective_action", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto status = text_of(doc, "status");
    s.count("corrective_actions_by_status." + (status.empty() ? std::string("open") : status));
    auto due = text_of(doc, "due_date");
    bool late = status != "done" && status != "cancelled" && !due.empty() && due < in.today;
    if (late) {
      ++capa_overdue;
      s.link("corrective_action", row.id, title_of(doc, {"title"}, row.id), "/corrective-actions/" + row.id,
             "overdue since " + due + " (" + text_of(doc, "nc_id") + ")");
    }
  });
  s.set("open", open);
  s.set("overdue", overdue);
  s.set("corrective_actions_overdue", capa_overdue);
  return s.done(std::to_string(open) + " nonconformities open, " + std::to_string(overdue) + " overdue; " +
                std::to_string(capa_overdue) + " corrective actions overdue.");
}

}  // namespace aims::review
