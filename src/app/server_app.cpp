#include "app/server_app.hpp"

namespace aims::app {

ServerApp::ServerApp(Infrastructure infra, http::StaticFiles web, http::ApiOptions opts)
    : infra_(infra), auth_(infra.store, infra.clock, infra.ids), dashboard_(infra.store, infra.clock) {
  api_ = std::make_unique<http::Api>(http::Services{infra_.store, auth_}, std::move(web), opts,
                                     [this](http::Operations& operations) {
                                       AreaContext a{infra_, services_, operations, dashboard_};
                                       for (auto add_area : kAreas) add_area(a);
                                     });
}

}  // namespace aims::app
