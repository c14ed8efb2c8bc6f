// The evidence freshness card: GET /api/v1/evidence/freshness (default window) as it is; and the
// evidence that expires this month (the same call with the days left in the month), expired
// evidence included as overdue.
#include <boost/json.hpp>

#include "domain/dashboard/cards/cards.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void add_evidence_card(Dashboard& d, evidence::EvidenceService& evidence) {
  d.add("evidence", [&evidence](const accounts::Actor& a) -> result<json::value> {
    auto f = evidence.freshness(a, std::nullopt);
    if (!f) return f.error();
    return json::parse(*f);
  });
  d.add_due("evidence_expiring", [&evidence](const accounts::Actor& a, Date today, Date until) -> result<json::array> {
    auto f = evidence.freshness(a, std::to_string((until - today).count()));
    if (!f) return f.error();
    auto doc = json::parse(*f).as_object();
    json::array out;
    for (const char* list : {"expired", "expiring"})
      for (const auto& e : doc.at(list).as_array()) {
        const auto& o = e.as_object();
        out.push_back(due_item("evidence_expiring", records::doc_text(&o, "number") + " " + records::doc_text(&o, "title"),
                               records::doc_text(&o, "expires_on"), today, "/evidence/" + records::doc_text(&o, "id")));
      }
    return out;
  });
}

}  // namespace aims::dashboard
