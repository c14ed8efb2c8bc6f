// Review input: opportunities for continual improvement (improvement records, by decision), read
// by kind name: "no records" until the improvement register exists and is used.
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_improvements(const PackInput& in) {
  Section s("improvements", "10.1", "Opportunities for improvement");
  std::int64_t pending = 0;
  each_record(in, "improvement", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto decision = text_of(doc, "decision");
    if (decision.empty()) decision = "proposed";
    s.count("by_decision." + decision);
    bool open = decision == "proposed" || decision == "accepted";
    if (open) ++pending;
    if (open || after_since(in, row.updated_at))
      s.link("improvement", row.id, title_of(doc, {"title"}, row.id), "/improvements/" + row.id,
             decision + (text_of(doc, "source").empty() ? "" : ", from " + text_of(doc, "source")) +
                 (text_of(doc, "due_date").empty() ? "" : ", due " + text_of(doc, "due_date")));
  });
  s.set("pending", pending);
  return s.done(std::to_string(pending) + " opportunit" + (pending == 1 ? "y" : "ies") +
                " for improvement proposed or accepted and not implemented yet.");
}

}  // namespace aims::review
