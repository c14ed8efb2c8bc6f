// Review input: risks and opportunities — the risks by status (counted by the store), the risks
// added since the previous review, the accepted ones, and those whose review date has passed.
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_risks(const PackInput& in) {
  Section s("risks", "6.1", "Risks and opportunities");
  for (const char* status : {"open", "treating", "monitoring", "closed"}) {
    auto n = count_records(in, "risk", {{store::FacetSlot::text3, {status}}});
    if (n > 0) s.saw_records();
    s.set(std::string("status_") + status, n);
  }
  std::int64_t added = 0, accepted = 0, review_overdue = 0;
  each_record(in, "risk", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    auto status = text_of(doc, "status");
    auto acc = doc.if_contains("acceptance");
    // In force: not withdrawn and not expired (the rule of the risk's acceptance_state).
    bool is_accepted = acc && acc->is_object() && !acc->as_object().contains("withdrawn_at") &&
                       text_of(acc->as_object(), "expires_on") >= in.today;
    if (is_accepted) ++accepted;
    auto review = text_of(doc, "review_date");
    bool late = status != "closed" && !review.empty() && review < in.today;
    if (late) ++review_overdue;
    bool is_new = after_since(in, row.created_at);
    if (is_new) ++added;
    if (is_new || late)
      s.link("risk", row.id, title_of(doc, {"title"}, row.id), "/risks/" + row.id,
             std::string(is_new ? "new" : "") + (is_new && late ? ", " : "") + (late ? "review overdue since " + review : ""));
  });
  s.set("new", added);
  s.set("accepted", accepted);
  s.set("review_overdue", review_overdue);
  return s.done(std::to_string(added) + " new risk(s) since the previous review, " + std::to_string(accepted) +
                " accepted, " + std::to_string(review_overdue) + " with their review overdue.");
}

}  // namespace aims::review
