// The server's figures for /metrics (docs/operations.md): requests counted and timed by method,
// route and status, kept in memory for the life of the process, and written out in the
// Prometheus text format (version 0.0.4) with the store's transaction figures and the size of
// each organization's audit log. Thread-safe: observe() takes one mutex once per request.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace aims::http {

class Metrics {
 public:
  /// Upper bounds (seconds) of the request-duration histogram's buckets; +Inf is implied.
  static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  Metrics();
  /// Counts one answered request. `route` is the OpenAPI path template it matched ("" when it
  /// matched none: counted as "unmatched", so the label set stays bounded by the API's routes).
  void observe(const std::string& method, const std::string& route, int status, double seconds);

  /// Everything the store says, read at scrape time.
  struct StoreFigures {
    store::TxFigures tx;  // store::tx_figures() at the scrape
    bool database_up = false;
    /// (organization id, audit log entries), at most kMaxOrgSeries of them.
    std::vector<std::pair<std::string, std::int64_t>> audit_sizes;
    std::int64_t organizations = 0;
  };
  static constexpr std::size_t kMaxOrgSeries = 1000;

  /// The whole exposition, ending with a newline.
  std::string render(const StoreFigures& store) const;

 private:
  struct Series {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative; summed when written
    std::uint64_t count = 0;
    double sum = 0;
  };
  std::chrono::steady_clock::time_point started_;
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, Series> series_;  // (method, route, status)
};

/// A label value escaped for the text format (backslash, double quote, newline).
std::string prometheus_label(const std::string& value);

}  // namespace aims::http
