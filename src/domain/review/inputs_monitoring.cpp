// Review input: monitoring and measurement — the AI objectives by status and by the status their
// latest reading gives (off track = a breach of the target) and those whose reading is overdue, from the
// objectives' own summary (one truth), with links to the active objectives past their due date.
#include "domain/review/review_inputs.hpp"

namespace aims::review {
namespace json = boost::json;

json::object input_monitoring(const PackInput& in) {
  Section s("monitoring", "9.1", "Monitoring and measurement results");
  if (in.objectives.is_object()) {
    const auto& o = in.objectives.as_object();
    for (const char* key : {"total", "by_status", "by_derived_status"})
      if (auto v = o.if_contains(key)) s.set(key, *v);
    if (auto v = o.if_contains("overdue")) s.set("readings_overdue", *v);
    if (auto t = o.if_contains("total"); t && t->is_int64() && t->as_int64() > 0) s.saw_records();
  }
  std::int64_t breaches = 0, past_due = 0;
  each_record(in, "objective", [&](const store::RecordRow& row, const json::object& doc) {
    if (archived(doc) || text_of(doc, "status") != "active") return;
    s.saw_records();
    auto due = text_of(doc, "due_date");
    bool late = !due.empty() && due < in.today;
    auto key = title_of(doc, {"key"}, row.id);
    if (late) ++past_due;
    if (late) s.link("objective", key, title_of(doc, {"title"}, key), "/objectives/" + key, "due " + due + ", not achieved");
  });
  auto by = s.figures().if_contains("by_derived_status");
  if (by && by->is_object())
    if (auto off = by->as_object().if_contains("off_track"); off && off->is_int64()) breaches = off->as_int64();
  s.set("breaches", breaches);
  s.set("past_due", past_due);
  auto readings = s.figures().if_contains("readings_overdue");
  return s.done(std::to_string(breaches) + " objective(s) off track at their latest reading; " + std::to_string(past_due) +
                " active past their due date; " +
                (readings && readings->is_int64() ? std::to_string(readings->as_int64()) : std::string("0")) +
                " with a reading overdue.");
}

}  // namespace aims::review
