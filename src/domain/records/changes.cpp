#include "domain/records/changes.hpp"

namespace aims::records {
namespace json = boost::json;

void add_change(json::array& changes, const json::object& before, const json::object& after, std::string_view key) {
  const json::value* a = before.if_contains(key);
  const json::value* b = after.if_contains(key);
  json::value av = a ? *a : json::value(nullptr);
  json::value bv = b ? *b : json::value(nullptr);
  if (av != bv) changes.push_back(json::object{{"field", key}, {"from", av}, {"to", bv}});
}

}  // namespace aims::records
