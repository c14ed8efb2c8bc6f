// DocumentService: the "reviewed, no change" event and the dashboard's count of overdue reviews
// (a SQL query on the documents' review-date facet).
#include <algorithm>

#include "core/date.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/documents/document_common.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "domain/records/record_service.hpp"
#include "domain/records/versions.hpp"

namespace aims::documents {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;
using namespace detail;

namespace {

Date add_months(Date d, std::int64_t months) {
  std::chrono::year_month_day ymd{d};
  auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{ym / std::chrono::last}.day();
  return std::chrono::sys_days{ym / std::min(ymd.day(), last)};
}

}  // namespace

result<records::Versioned> DocumentService::review(const Actor& a, const std::string& id, const json::value& body) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    if (auto s = records::require(a, Action::write_record, "record document reviews"); !s) return s;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"note"});
    auto note = in.text("note", 2000, true);
    if (!in.ok()) return in.failure("The review is not valid.");
    auto& [row, doc] = *d;
    if (is_archived(doc)) return make_error(errc::conflict, "Document " + id + " is archived; restore it before reviewing it.");
    if (!published_row(tx, a.org_id, id))
      return make_error(errc::conflict, "Document " + id + " has no published version to review yet.");
    auto months = doc.contains("review_interval_months") && doc.at("review_interval_months").is_int64()
                      ? doc.at("review_interval_months").as_int64() : 12;
    auto now = clock_.now_text();
    auto next_date = format_date(add_months(date_of(clock_.now()), months));
    json::array changes{json::object{{"field", "next_review_date"},
                                     {"from", doc.contains("next_review_date") ? doc.at("next_review_date") : nullptr},
                                     {"to", next_date}}};
    if (note && !note->empty()) changes.push_back(json::object{{"field", "review_note"}, {"from", nullptr}, {"to", *note}});
    auto after = doc;
    after["next_review_date"] = next_date;
    after["last_reviewed_at"] = now;
    after["last_reviewed_by"] = a.email;
    auto next = records::next_version(row, after, now, a.email);
    if (auto s = records::save(tx, document_kind(), a, next, row.version, "review", changes); !s) return s;
    out = records::Versioned{id, next.version, json::serialize(records::record_view(document_kind(), next))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::int64_t> DocumentService::overdue_reviews(const Actor& a) {
  std::int64_t n = 0;
  // Documents not archived whose next review date is before today, read a page at a time; each
  // counts when it has a published version (one indexed read).
  store::RecordQuery q;
  q.org_id = a.org_id;
  q.kind = document_kind().kind;
  q.parent_id = "";
  q.ref = "";
  q.below = std::make_pair(kReviewDateSlot, format_date(date_of(clock_.now())));
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for_each_row(tx, q, [&](const store::RecordRow& row) {
      if (published_row(tx, a.org_id, row.id)) ++n;
    });
    return ok();
  });
  if (!st) return st.error();
  return n;
}

}  // namespace aims::documents
