#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "core/embedded.hpp"
#include "http/api.hpp"
#include "http/openapi_records.hpp"

namespace aims::http {
namespace json = boost::json;

namespace {

json::value to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      json::object o;
      for (const auto& kv : n) o[kv.first.as<std::string>()] = to_json(kv.second);
      return o;
    }
    case YAML::NodeType::Sequence: {
      json::array a;
      for (const auto& e : n) a.push_back(to_json(e));
      return a;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return json::value(s);  // quoted in the YAML source
      if (s == "true") return true;
      if (s == "false") return false;
      if (s == "null" || s == "~") return nullptr;
      if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-')) {
        char* end = nullptr;
        long long v = std::strtoll(s.c_str(), &end, 10);
        if (end && *end == '\0') return v;
        double d = std::strtod(s.c_str(), &end);
        if (end && *end == '\0' && s.find_first_not_of("0123456789.-eE+") == std::string::npos) return d;
      }
      return json::value(s);
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return nullptr;
  }
  return nullptr;
}

}  // namespace

std::string openapi_as_json() {
  auto src = embedded_file("api/openapi.yaml");
  if (!src) throw std::runtime_error("api/openapi.yaml is not embedded in this build");
  auto root = YAML::Load(std::string(*src));
  auto doc = to_json(root);
  add_record_kinds(doc.as_object());  // the paths of the field-driven kinds (api/openapi.yaml, "records")
  return json::serialize(doc);
}

}  // namespace aims::http
