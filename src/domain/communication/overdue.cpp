#include "domain/communication/overdue.hpp"

#include <algorithm>
#include <map>

#include "core/date.hpp"
#include "domain/common/stored.hpp"
#include "domain/communication/communication_kind.hpp"
#include "domain/communication/communication_plan_kind.hpp"
#include "domain/records/field_kind.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/retention/retention.hpp"

namespace aims::communication {
namespace json = boost::json;

namespace {

/// The organization's records of a kind that are not archived, as (id, document).
std::vector<std::pair<std::string, json::object>> live(store::ReadTx& tx, const std::string& org_id, const std::string& kind) {
  store::RecordFilter f;
  f.org_id = org_id;
  f.kind = kind;
  f.parent_id = "";
  std::vector<std::pair<std::string, json::object>> out;
  for (auto& r : tx.list_records(f)) {
    if (r.ref == records::kArchivedRef) continue;
    auto doc = stored::parse_object(r.doc);
    doc["created_on"] = r.created_at.substr(0, 10);
    out.emplace_back(r.id, std::move(doc));
  }
  return out;
}

std::int64_t period_months(std::string_view schedule) {
  if (schedule == "monthly") return 1;
  if (schedule == "quarterly") return 3;
  if (schedule == "annually") return 12;
  return 0;
}

}  // namespace

result<json::object> OverdueService::overdue(const accounts::Actor& a) {
  if (auto st = records::require(a, accounts::Action::read, "read the communication plan"); !st) return st.error();
  const auto today = format_date(date_of(clock_.now()));
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    std::map<std::string, std::string> last_sent;  // plan entry -> latest sent_on
    for (const auto& [id, doc] : live(tx, a.org_id, communication_kind().kind)) {
      auto plan = records::doc_text(&doc, "plan_entry");
      auto sent = records::doc_text(&doc, "sent_on");
      if (!plan.empty() && sent > last_sent[plan]) last_sent[plan] = sent;
    }
    std::int64_t planned = 0;
    std::vector<json::object> items;
    for (const auto& [id, doc] : live(tx, a.org_id, communication_plan_kind().kind)) {
      auto schedule = records::doc_text(&doc, "schedule");
      if (schedule == "event_driven" || schedule.empty()) continue;
      ++planned;
      auto first = records::doc_text(&doc, "due_on");
      auto last = last_sent.count(id) ? last_sent[id] : "";
      std::string due;
      if (last.empty()) due = first.empty() ? retention::add_months(records::doc_text(&doc, "created_on"), period_months(schedule)) : first;
      else if (schedule != "once") due = retention::add_months(last, period_months(schedule));
      if (due.empty() || due >= today) continue;
      items.push_back(json::object{{"id", id}, {"title", doc.at("title")}, {"schedule", schedule},
                                   {"owner", doc.contains("owner") ? doc.at("owner") : json::value(nullptr)},
                                   {"last_sent_on", last.empty() ? json::value(nullptr) : json::value(last)}, {"due_on", due}});
    }
    std::sort(items.begin(), items.end(), [](const json::object& x, const json::object& y) {
      auto key = [](const json::object& o) {
        return std::pair<std::string_view, std::string_view>(o.at("due_on").as_string(), o.at("id").as_string());
      };
      return key(x) < key(y);
    });
    json::array arr(items.begin(), items.end());
    out = json::object{{"today", today}, {"planned", planned}, {"total", static_cast<std::int64_t>(arr.size())}, {"items", std::move(arr)}};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::communication
