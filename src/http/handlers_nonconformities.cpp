// Handlers of the nonconformity steps (ISO/IEC 42001 10.2): each reads the JSON body and If-Match
// and answers the changed nonconformity with its ETag.
#include "http/handlers_nonconformities.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

using StepFn = result<records::Versioned> (nonconformity::NcService::*)(const accounts::Actor&, const std::string&,
                                                                         const json::value&, const std::optional<std::string>&);

Response step(Context& c, const NonconformityServices& s, StepFn fn) {
  return changed_view(c, [&](json::value& body) { return (s.ncs.*fn)(*c.actor, c.req.params.at("id"), body, if_match(c)); });
}

}  // namespace

Response contain_nonconformity(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::contain);
}
Response analyse_nonconformity(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::analyse);
}
Response check_nonconformity_elsewhere(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::check_elsewhere);
}
Response add_nonconformity_update(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::add_update);
}
Response schedule_effectiveness_check(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::schedule_check);
}
Response record_effectiveness_result(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::record_result);
}
Response close_nonconformity(Context& c, const NonconformityServices& s) {
  return step(c, s, &nonconformity::NcService::close);
}

}  // namespace aims::http::handlers
