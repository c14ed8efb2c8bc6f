#include "domain/demo/demo_records.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "domain/kinds/registry.hpp"
#include "domain/records/record_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

/// The id of the demo organization's AI system named `name`, or an internal error.
result<std::string> system_id(store::Store& store, const std::string& org_id, const std::string& name) {
  std::optional<std::string> id;
  auto st = store.read([&](store::ReadTx& tx) -> status {
    if (auto s = tx.find_system_by_name_key(org_id, text::lower(name))) id = s->id;
    return ok();
  });
  if (!st) return st.error();
  if (!id) return make_error(errc::internal, "the demo names no AI system '" + name + "'");
  return *id;
}

}  // namespace

status seed_records(store::Store& store, const Clock& clock, const accounts::Actor& actor) {
  records::RecordService service(store, clock);
  for (const auto* k : kinds::generic_kinds())
    for (const auto& text : k->demo) {
      auto body = json::parse(text).as_object();
      for (const auto& f : k->fields) {
        if (f.ref == "user" && body.contains(f.name)) {  // "@me": the demo organization's admin
          auto& v = body.at(f.name);
          if (v == json::value("@me")) v = actor.user_id;
          if (v.is_array())
            for (auto& e : v.as_array())
              if (e == json::value("@me")) e = actor.user_id;
        }
        if (f.ref != "system" || !body.contains(f.name) || body.at(f.name).is_null()) continue;
        auto& v = body.at(f.name);
        if (v.is_string()) {
          auto id = system_id(store, actor.org_id, std::string(v.as_string()));
          if (!id) return id.error();
          v = *id;
        } else if (v.is_array()) {
          for (auto& e : v.as_array()) {
            auto id = system_id(store, actor.org_id, std::string(e.as_string()));
            if (!id) return id.error();
            e = *id;
          }
        }
      }
      auto r = service.create(actor, *k, body);
      if (!r) return r.error();
    }
  return ok();
}

}  // namespace aims::demo
