// Handlers of notifications: thin glue from the request to WebhookService and back.
#include "http/handlers_notify.hpp"

#include "http/handler_util.hpp"

namespace aims::http::handlers {

Response list_notification_events(Context&, const NotifyServices& s) {
  return json_response(200, s.webhooks.event_types_json());
}

Response list_webhooks(Context& c, const NotifyServices& s) { return json_or_problem(c, s.webhooks.list(*c.actor)); }

Response create_webhook(Context& c, const NotifyServices& s) {
  return with_json_body(c, [&](boost::json::value& body) {
    auto r = s.webhooks.create(*c.actor, body);
    if (!r) return problem(r.error(), c.req.path);
    auto res = json_response(201, *r);
    auto id = boost::json::parse(*r).as_object().at("id").as_string();
    res.set_header("Location", "/api/v1/webhooks/" + std::string(id));
    return res;
  });
}

Response get_webhook(Context& c, const NotifyServices& s) { return json_or_problem(c, s.webhooks.get(*c.actor, id_of(c))); }

Response delete_webhook(Context& c, const NotifyServices& s) {
  if (auto st = s.webhooks.remove(*c.actor, id_of(c)); !st) return problem(st.error(), c.req.path);
  return no_content();
}

Response test_webhook(Context& c, const NotifyServices& s) {
  return json_or_problem(c, s.webhooks.send_test(*c.actor, id_of(c)), 202);
}

Response list_notification_deliveries(Context& c, const NotifyServices& s) {
  return json_or_problem(c, s.webhooks.deliveries(*c.actor, c.req.query));
}

Response get_notification_delivery(Context& c, const NotifyServices& s) {
  return json_or_problem(c, s.webhooks.delivery(*c.actor, id_of(c)));
}

Response redeliver_notification(Context& c, const NotifyServices& s) {
  return json_or_problem(c, s.webhooks.redeliver(*c.actor, id_of(c)), 202);
}

}  // namespace aims::http::handlers
