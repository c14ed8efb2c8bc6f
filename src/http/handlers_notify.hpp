// Handlers of notifications (docs/notifications.md): webhook endpoints, the delivery log,
// redelivery and test deliveries, and the list of event types; bound by the notifications area
// (src/app/areas/notifications.cpp). The struct refers to services the composition root owns,
// outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/notify/webhook_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct NotifyServices {
  notify::WebhookService& webhooks;
};

AIMS_HANDLERS(NotifyServices, list_notification_events, list_webhooks, create_webhook, get_webhook, delete_webhook,
              test_webhook, list_notification_deliveries, get_notification_delivery, redeliver_notification)

}  // namespace aims::http
