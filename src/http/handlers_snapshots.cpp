// Handlers of register snapshots: parse, call SnapshotService, map the result.
#include "http/handlers_snapshots.hpp"

#include "http/content_disposition.hpp"
#include "http/handler_util.hpp"
#include "http/optional_body.hpp"
#include "http/problem.hpp"
#include "report/file_names.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response list_snapshots(Context& c, const SnapshotServices& s) {
  return json_or_problem(c, s.snapshots.list(*c.actor, c.req.query));
}

Response create_snapshot(Context& c, const SnapshotServices& s) {
  return created_view(c, "/api/v1/snapshots/", [&](json::value& body) { return s.snapshots.create(*c.actor, body); });
}

Response get_snapshot(Context& c, const SnapshotServices& s) { return record_view(c, s.snapshots); }

Response submit_snapshot(Context& c, const SnapshotServices& s) {
  return changed_view(c, [&](json::value& body) { return s.snapshots.submit(*c.actor, id_of(c), body); });
}

Response approve_snapshot(Context& c, const SnapshotServices& s) {
  return with_optional_body(c, [&](json::value& body) {
    return view_or_problem(c, s.snapshots.decide(*c.actor, id_of(c), true, body));
  });
}

Response reject_snapshot(Context& c, const SnapshotServices& s) {
  return with_optional_body(c, [&](json::value& body) {
    return view_or_problem(c, s.snapshots.decide(*c.actor, id_of(c), false, body));
  });
}

Response snapshot_history(Context& c, const SnapshotServices& s) {
  return record_history(c, s.snapshots);
}

/// The snapshot as a JSON file named "<organization> SNAP-n <register title> <day>.json" (the day
/// of its approval, or of its creation before).
Response download_snapshot(Context& c, const SnapshotServices& s) {
  auto v = s.snapshots.get(*c.actor, id_of(c));
  if (!v) return problem(v.error(), c.req.path);
  auto doc = json::parse(v->json).as_object();
  auto text = [&](const char* key) { return doc.at(key).is_string() ? std::string(doc.at(key).as_string()) : std::string(); };
  auto day = text("approved_at").empty() ? text("created_at") : text("approved_at");
  auto name = report::file_stem(c.actor->org_name, id_of(c) + " " + text("title"), day) + ".json";
  auto res = json_response(200, std::move(v->json));
  res.set_header("Content-Disposition", content_disposition("attachment", name));
  return res;
}

}  // namespace aims::http::handlers
