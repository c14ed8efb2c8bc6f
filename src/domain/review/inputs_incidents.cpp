// Review input: AI incidents since the previous review — by severity and status, the serious
// ones, and their reporting clocks (src/domain/incidents/clocks.*: met on time, met late,
// running, overdue), with links to the incidents whose clocks are overdue or that are serious.
#include "domain/incidents/clock_rules.hpp"
#include "domain/incidents/clocks.hpp"
#include "domain/review/review_inputs.hpp"

namespace aims::review {

boost::json::object input_incidents(const PackInput& in) {
  Section s("incidents", "A.8.4", "AI incidents and their reporting");
  const auto now = parse_time(in.now).value_or(std::chrono::system_clock::now());
  const auto& rules = incidents::ClockRules::embedded().clocks();
  std::int64_t since = 0, serious = 0, met = 0, late = 0, running = 0, overdue = 0;
  each_record(in, "incident", [&](const store::RecordRow& row, const boost::json::object& doc) {
    if (archived(doc)) return;
    s.saw_records();
    auto status = text_of(doc, "status");
    s.count("open_by_status." + status, status == "closed" ? 0 : 1);
    auto aware = text_of(doc, "became_aware_at");
    bool recent = after_since(in, row.created_at);
    auto facts = incidents::facts_of(doc);
    bool is_serious = facts.qualified && facts.serious;
    if (!recent && status == "closed") return;
    if (recent) {
      ++since;
      s.count("by_severity." + text_of(doc, "severity"));
    }
    if (is_serious) ++serious;
    std::int64_t row_overdue = 0;
    for (const auto& c : incidents::evaluate(rules, facts, now)) {
      switch (c.status) {
        case incidents::ClockStatus::met: (c.on_time ? met : late) += 1; break;
        case incidents::ClockStatus::running: ++running; break;
        case incidents::ClockStatus::overdue: ++overdue; ++row_overdue; break;
        default: break;
      }
    }
    if (row_overdue > 0 || is_serious || recent)
      s.link("incident", row.id, title_of(doc, {"title"}, row.id), "/incidents/" + row.id,
             text_of(doc, "severity") + ", " + status + (is_serious ? ", serious" : "") +
                 (row_overdue ? ", " + std::to_string(row_overdue) + " clock(s) overdue" : "") +
                 (aware.empty() ? "" : ", aware " + day_of(aware)));
  });
  s.set("since_previous", since);
  s.set("serious", serious);
  s.set("clocks_met_on_time", met);
  s.set("clocks_met_late", late);
  s.set("clocks_running", running);
  s.set("clocks_overdue", overdue);
  return s.done(std::to_string(since) + " incident(s) since the previous review, " + std::to_string(serious) +
                " serious; reporting clocks: " + std::to_string(met) + " met on time, " + std::to_string(late) +
                " met late, " + std::to_string(running) + " running, " + std::to_string(overdue) + " overdue.");
}

}  // namespace aims::review
