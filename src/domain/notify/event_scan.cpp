#include "domain/notify/event_scan.hpp"

#include <boost/json.hpp>

#include "core/date.hpp"
#include "domain/notify/webhook_service.hpp"
#include "store/actions.hpp"
#include "store/notifications.hpp"

namespace aims::notify {
namespace json = boost::json;

namespace {

/// The webhooks are the recipient of an organization-wide event (one mark, whatever endpoints).
constexpr const char* kWebhooks = "webhooks";

json::object action_data(const store::ActionRow& a) {
  return json::object{{"action",
                       json::object{{"source", a.kind},
                                    {"record_id", a.record_id},
                                    {"parent_id", a.parent_id},
                                    {"sub_id", a.sub_id},
                                    {"title", a.title},
                                    {"owner", a.owner},
                                    {"due_date", a.due},
                                    {"status", a.status}}}};
}

}  // namespace

result<std::int64_t> scan_due_events(store::Store& store, const Clock& clock, IdSource& ids, int max_attempts) {
  const std::string today = format_date(date_of(clock.now()));
  std::vector<std::string> orgs;
  auto r = store.read([&](store::ReadTx& tx) -> status {
    auto* n = store::notification_store(tx);
    if (!n) return ok();
    for (const auto& o : tx.list_orgs())
      if (!n->list_webhooks(o.id).empty()) orgs.push_back(o.id);
    return ok();
  });
  if (!r) return r.error();
  std::int64_t queued = 0;
  for (const auto& org : orgs) {
    // Overdue actions, as the action index derives them; a page at a time, each page one write.
    std::optional<store::ActionPosition> after;
    for (;;) {
      std::int64_t page_queued = 0;
      std::optional<store::ActionPosition> next;
      auto w = store.write([&](store::WriteTx& tx) -> status {
        page_queued = 0;
        next.reset();
        store::ActionQuery q;
        q.org_id = org;
        q.overdue_on = today;
        q.limit = 200;
        q.count = false;
        q.after = after;
        auto page = store::query_actions(tx, q);
        auto* n = store::notification_store(tx);
        for (const auto& a : page.items) {
          // One occurrence: this action overdue since this due date (a new due date, once passed, is another).
          auto key = "action.overdue:" + store::action_key(a) + ":" + a.due;
          if (!n->mark_sent(org, key, kWebhooks, clock.now_text())) continue;
          if (auto s = queue_event(tx, clock, ids, max_attempts, org, "action.overdue", action_data(a)); !s) return s;
          ++page_queued;
        }
        if (page.more && !page.items.empty())
          next = store::ActionPosition{store::action_sort_value(page.items.back(), q.sort), store::action_key(page.items.back())};
        return ok();
      });
      if (!w) return w.error();
      queued += page_queued;
      if (!next) break;
      after = next;
    }
  }
  return queued;
}

}  // namespace aims::notify
