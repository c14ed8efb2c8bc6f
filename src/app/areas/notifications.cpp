// The notifications area (docs/notifications.md): webhook endpoints and the delivery log. The
// delivery worker that sends the queue is started by `aims serve` (app/notify_worker.hpp).
#include "app/areas/areas.hpp"
#include "http/handlers_notify.hpp"

namespace aims::app {

void add_notifications(AreaContext& a) {
  auto& webhooks = a.services.make<notify::WebhookService>(a.infra.store, a.infra.clock, a.infra.ids,
                                                            a.infra.notify_max_attempts);
  auto h = http::bind_services(http::NotifyServices{webhooks});
  a.operations.add(AIMS_OPERATIONS(h, list_notification_events, list_webhooks, create_webhook, get_webhook, delete_webhook,
                                   test_webhook, list_notification_deliveries, get_notification_delivery,
                                   redeliver_notification));
}

}  // namespace aims::app
