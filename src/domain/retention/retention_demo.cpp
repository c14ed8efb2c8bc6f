#include "domain/retention/retention_demo.hpp"

#include "domain/retention/retention_service.hpp"

namespace aims::retention {
namespace json = boost::json;

status seed_demo(store::Store& store, const Clock& clock, const accounts::Actor& admin) {
  RetentionService service(store, clock);
  auto periods = json::parse(R"({"periods":{"risk":84,"impact_assessment":120,"context_issue":36,"communication":24,"raci_activity":36}})");
  if (auto r = service.put(admin, periods, std::string("\"v0\"")); !r) return r.error();
  auto hold = json::parse(R"({"kind":"context_issue","record_id":"CI-1","reason":"Regulator inquiry into the credit scoring model"})");
  if (auto r = service.hold(admin, hold); !r) return r.error();
  return ok();
}

}  // namespace aims::retention
