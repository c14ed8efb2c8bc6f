#include "domain/context/legal_register.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "domain/context/legal_requirement_kind.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::context {
namespace json = boost::json;

result<std::string> LegalRegisterService::eu_ai_act(const accounts::Actor& a, const records::Params& p) const {
  if (auto st = records::require(a, legal_requirement_kind().read, "read the legal register"); !st) return st.error();
  auto params = p;
  if (std::none_of(params.begin(), params.end(), [](const auto& kv) { return kv.first == "sort"; }))
    params.emplace_back("sort", "system");
  auto page = obligations_.list(a, params);
  if (!page) return page.error();
  json::object out{{"source", "EU AI Act (Regulation (EU) 2024/1689)"}, {"register", "/api/v1/obligations"}};
  auto answer = json::parse(*page);  // kept alive while its members move
  for (auto& [key, value] : answer.as_object()) out[key] = std::move(value);
  return json::serialize(out);
}

}  // namespace aims::context
