// API client commands of webhooks (docs/notifications.md): aims webhook add --endpoint URL|list|remove|test|
// deliveries|delivery|redeliver. Admin only on the server. Registered once on the main thread.
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/list_command.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace webhook_cli {
namespace json = boost::json;

std::string events_text(const json::object& o) {
  std::string s;
  if (auto* e = o.if_contains("events"); e && e->is_array())
    for (const auto& v : e->as_array())
      if (v.is_string()) s += (s.empty() ? "" : ",") + std::string(v.as_string());
  return s;
}

void print_delivery(const json::object& d) {
  std::cout << "Delivery " << string_of(d, "id") << " (" << string_of(d, "event_type") << ", event " << string_of(d, "event_id")
            << "): " << string_of(d, "status") << " after " << int_of(d, "attempts").value_or(0) << " attempt(s)\n";
  if (auto* log = d.if_contains("attempt_log"); log && log->is_array())
    for (const auto& a : log->as_array()) {
      const auto& x = a.as_object();
      std::cout << "  #" << int_of(x, "n").value_or(0) << " " << string_of(x, "at") << "  "
                << (x.at("status_code").is_null() ? std::string("-") : std::to_string(int_of(x, "status_code").value_or(0)))
                << "  " << int_of(x, "duration_ms").value_or(0) << " ms  " << string_of(x, "error") << "\n";
    }
}

void register_add(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string url, description;
    std::vector<std::string> events;
  } o;
  auto* cmd = parent->add_subcommand("add", "Register a webhook endpoint; prints its signing secret once");
  o.api.add_to(cmd);
  cmd->add_option("--endpoint", o.url, "The endpoint: an http:// or https:// URL")->required();
  cmd->add_option("--event", o.events, "An event type it wants (repeat for several; see the API's notification-events)")
      ->required();
  cmd->add_option("--description", o.description, "A note for admins (at most 200 characters)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::array events;
    for (const auto& e : o.events) events.emplace_back(e);
    json::object body{{"url", o.url}, {"events", std::move(events)}};
    if (!o.description.empty()) body["description"] = o.description;
    http::ClientRequest req{"POST", "/api/v1/webhooks", {}, "application/json", json::serialize(body)};
    auto r = api.send(req);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& w) {
      std::cout << "Webhook " << string_of(w, "id") << " → " << string_of(w, "url") << " (" << events_text(w) << ")\n"
                << "Secret (shown once; keep it to verify AIMS-Webhook-Signature): " << string_of(w, "secret") << "\n";
    });
  }));
}

void register_list(CLI::App* parent, int& exit_code) {
  static ApiOptions api_opts;
  auto* cmd = parent->add_subcommand("list", "The organization's webhook endpoints");
  api_opts.add_to(cmd);
  cmd->callback(with_session(api_opts, exit_code, [](ApiSession& api) {
    auto r = api.get("/api/v1/webhooks");
    if (!r) return kExitFailed;
    return print_response(*r, api_opts.json, [](const json::object& page) {
      const auto& items = page.at("items").as_array();
      if (items.empty()) {
        std::cout << "No webhooks.\n";
        return;
      }
      Table t({"id", "url", "events", "description"});
      t.set_max_width(1, 60);
      for (const auto& v : items) {
        const auto& w = v.as_object();
        t.add_row({string_of(w, "id"), string_of(w, "url"), events_text(w), string_of(w, "description")});
      }
      t.print(std::cout);
    });
  }));
}

/// A command that names one webhook or delivery and sends `method` to `path(id)`.
void register_one(CLI::App* parent, int& exit_code, const char* name, const char* help, const char* method,
                  std::string (*path)(const std::string&)) {
  struct Opts {
    ApiOptions api;
    std::string id;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent->add_subcommand(name, help);
  o->api.add_to(cmd);
  cmd->add_option("id", o->id, "The id")->required();
  cmd->callback(with_session(o->api, exit_code, [o, method, path, name = std::string(name)](ApiSession& api) {
    http::ClientRequest req;
    req.method = method;
    req.target = path(o->id);
    auto r = api.send(req);
    if (!r) return kExitFailed;
    if (r->status == 204) {
      std::cout << "Removed webhook " << o->id << ".\n";
      return 0;
    }
    return print_response(*r, o->api.json, print_delivery);
  }));
}

void register_deliveries(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    QueryOptions filters;
    int limit = 0;
    bool all = false;
  } o;
  auto* cmd = parent->add_subcommand("deliveries", "The delivery log, newest first");
  o.api.add_to(cmd);
  o.filters.add_to(cmd, {{"--webhook", "webhook", "Only this webhook's deliveries"},
                         {"--status", "status", "pending, delivered or failed"},
                         {"--channel", "channel", "webhook or email"}});
  cmd->add_option("--limit", o.limit, "Deliveries per page, 1 to 500 (server default 50)");
  cmd->add_flag("--all", o.all, "Follow the pages to the end");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto q = o.filters.query();
    if (o.limit) q.emplace_back("limit", std::to_string(o.limit));
    auto l = api.list("/api/v1/notification-deliveries", q, o.all);
    if (!l) return kExitFailed;
    if (o.api.json) {
      std::cout << json::serialize(json::object{{"items", l->items}}) << "\n";
      return 0;
    }
    if (l->items.empty()) {
      std::cout << "No deliveries.\n";
      return 0;
    }
    Table t({"id", "created", "event", "to", "status", "attempts", "last"});
    t.set_max_width(3, 48);
    for (const auto& v : l->items) {
      const auto& d = v.as_object();
      auto last = d.at("last_status").is_null() ? std::string("-") : std::to_string(int_of(d, "last_status").value_or(0));
      t.add_row({string_of(d, "id"), string_of(d, "created_at"), string_of(d, "event_type"),
                 string_of(d, "channel") == "webhook" ? string_of(d, "url") : string_of(d, "email"), string_of(d, "status"),
                 std::to_string(int_of(d, "attempts").value_or(0)), last});
    }
    t.print(std::cout);
    if (l->next) std::cout << "More deliveries: use --all.\n";
    return 0;
  }));
}

}  // namespace webhook_cli

void register_webhook_commands(CLI::App& app, int& exit_code) {
  add_command_group(
      app, "webhook", "Signed webhooks and the delivery log (admin; API client)", exit_code,
      {webhook_cli::register_add, webhook_cli::register_list,
       [](CLI::App* p, int& e) {
         webhook_cli::register_one(p, e, "remove", "Remove a webhook endpoint (its pending deliveries fail)", "DELETE",
                      [](const std::string& id) { return "/api/v1/webhooks/" + http::encode_segment(id); });
       },
       [](CLI::App* p, int& e) {
         webhook_cli::register_one(p, e, "test", "Queue a signed webhook.test delivery to one endpoint", "POST",
                      [](const std::string& id) { return "/api/v1/webhooks/" + http::encode_segment(id) + "/test"; });
       },
       webhook_cli::register_deliveries,
       [](CLI::App* p, int& e) {
         webhook_cli::register_one(p, e, "delivery", "One delivery with its attempts", "GET",
                      [](const std::string& id) { return "/api/v1/notification-deliveries/" + http::encode_segment(id); });
       },
       [](CLI::App* p, int& e) {
         webhook_cli::register_one(p, e, "redeliver", "Send a delivery again (same event id and body)", "POST", [](const std::string& id) {
           return "/api/v1/notification-deliveries/" + http::encode_segment(id) + "/redeliver";
         });
       }});
}

}  // namespace aims::cli
