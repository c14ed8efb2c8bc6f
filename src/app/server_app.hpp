// The server's composition root: on the infrastructure it is given (audited store, catalog, clock,
// ids, signer, blob store) it builds the cross-cutting services, the dashboard, every area of
// areas/areas.hpp in order, and the HTTP API. Built once at start-up; api() is then thread-safe.
#pragma once
#include <memory>

#include "app/areas/areas.hpp"
#include "app/service_set.hpp"
#include "domain/accounts/auth_service.hpp"
#include "domain/dashboard/dashboard.hpp"
#include "http/api.hpp"
#include "http/static_files.hpp"

namespace aims::app {

class ServerApp {
 public:
  ServerApp(Infrastructure infra, http::StaticFiles web, http::ApiOptions opts);
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  http::Api& api() { return *api_; }
  /// A service an area composed (e.g. the evidence service the demo data is seeded with).
  template <class T>
  T& service() const {
    return services_.get<T>();
  }

 private:
  Infrastructure infra_;
  accounts::AuthService auth_;
  dashboard::Dashboard dashboard_;
  ServiceSet services_;
  std::unique_ptr<http::Api> api_;
};

}  // namespace aims::app
