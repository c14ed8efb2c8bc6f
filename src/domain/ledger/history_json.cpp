#include "domain/ledger/history_json.hpp"

namespace aims::ledger {
namespace json = boost::json;

json::object history_item(const store::HistoryRow& h) {
  boost::system::error_code ec;
  auto changes = json::parse(h.changes, ec);
  return json::object{{"version", h.version},
                      {"at", h.at},
                      {"actor", h.actor},
                      {"operation", h.operation},
                      {"changes", ec ? json::value(json::array()) : changes},
                      {"audit_seq", h.audit_seq ? json::value(*h.audit_seq) : json::value(nullptr)}};
}

}  // namespace aims::ledger
