// Review input: the status of the actions decided by earlier management reviews (review_action).
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_previous_actions(const PackInput& in) {
  Section s("previous_actions", "9.3.2", "Actions from earlier management reviews");
  std::int64_t open = 0, overdue = 0;
  each_record(in, "review_action", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc) || text_of(doc, "review_id") == in.review_id) return;
    s.saw_records();
    auto status = text_of(doc, "status");
    s.count("by_status." + (status.empty() ? std::string("open") : status));
    bool done = status == "done" || status == "cancelled";
    auto due = text_of(doc, "due_date");
    bool late = !done && !due.empty() && due < in.today;
    if (!done) ++open;
    if (late) ++overdue;
    if (!done || after_since(in, row.updated_at))
      s.link("review_action", row.id, title_of(doc, {"title"}, row.id), "/review-actions/" + row.id,
             status + (due.empty() ? "" : ", due " + due) + (late ? " (overdue)" : "") + ", from " + text_of(doc, "review_id"));
  });
  s.set("open", open);
  s.set("overdue", overdue);
  return s.done(std::to_string(open) + " action(s) of earlier reviews still open, " + std::to_string(overdue) + " overdue.");
}

}  // namespace aims::review
