#include "http/metrics.hpp"

#include <charconv>
#include <cmath>

namespace aims::http {
namespace {

/// A sample value as the text format writes it.
std::string sample_value(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (std::isnan(v)) return "NaN";
  char buf[40];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // the shortest text that reads back as v
  return ec == std::errc() ? std::string(buf, end) : std::string("NaN");
}

/// The methods the router serves; anything else is counted as "other" (bounded labels).
std::string method_label(const std::string& m) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    if (m == known) return m;
  return "other";
}

void family(std::string& out, const char* name, const char* type, const char* help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, const std::string& name, const std::string& labels, double v) {
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(sample_value(v)).append("\n");
}

}  // namespace

std::string prometheus_label(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

Metrics::Metrics() : started_(std::chrono::steady_clock::now()) {}

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  Series& s = series_[{method_label(method), route.empty() ? "unmatched" : route, status}];
  if (bucket < kBuckets.size()) ++s.buckets[bucket];
  ++s.count;
  s.sum += seconds;
}

std::string Metrics::render(const StoreFigures& store) const {
  std::string out;
  std::map<std::tuple<std::string, std::string, int>, Series> series;
  {
    std::lock_guard lock(mu_);
    series = series_;
  }
  family(out, "aims_http_requests_total", "counter", "HTTP requests answered, by method, route and status.");
  for (const auto& [key, s] : series) {
    const auto& [method, route, status] = key;
    sample(out, "aims_http_requests_total",
           "method=\"" + method + "\",route=\"" + prometheus_label(route) + "\",status=\"" + std::to_string(status) + "\"",
           static_cast<double>(s.count));
  }
  family(out, "aims_http_request_duration_seconds", "histogram",
         "Time from a request's arrival to its answer (to the first byte of a streamed body), by method and route.");
  // The histogram is per (method, route): statuses are summed.
  std::map<std::pair<std::string, std::string>, Series> by_route;
  for (const auto& [key, s] : series) {
    Series& t = by_route[{std::get<0>(key), std::get<1>(key)}];
    for (std::size_t i = 0; i < s.buckets.size(); ++i) t.buckets[i] += s.buckets[i];
    t.count += s.count;
    t.sum += s.sum;
  }
  for (const auto& [key, s] : by_route) {
    std::string base = "method=\"" + key.first + "\",route=\"" + prometheus_label(key.second) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      sample(out, "aims_http_request_duration_seconds_bucket", base + ",le=\"" + sample_value(kBuckets[i]) + "\"",
             static_cast<double>(cumulative));
    }
    sample(out, "aims_http_request_duration_seconds_bucket", base + ",le=\"+Inf\"", static_cast<double>(s.count));
    sample(out, "aims_http_request_duration_seconds_sum", base, s.sum);
    sample(out, "aims_http_request_duration_seconds_count", base, static_cast<double>(s.count));
  }
  family(out, "aims_db_transactions_total", "counter", "Store transactions run, by mode (a retried write counts once).");
  sample(out, "aims_db_transactions_total", "mode=\"read\"", static_cast<double>(store.tx.reads));
  sample(out, "aims_db_transactions_total", "mode=\"write\"", static_cast<double>(store.tx.writes));
  family(out, "aims_db_transaction_seconds_total", "counter",
         "Time spent in store transactions, by mode, waits for locks and retries included.");
  sample(out, "aims_db_transaction_seconds_total", "mode=\"read\"", store.tx.read_seconds);
  sample(out, "aims_db_transaction_seconds_total", "mode=\"write\"", store.tx.write_seconds);
  family(out, "aims_db_write_retries_total", "counter", "Write attempts rolled back and run again (busy or serialization failure).");
  sample(out, "aims_db_write_retries_total", "", static_cast<double>(store.tx.retries));
  family(out, "aims_db_writes_gave_up_total", "counter", "Writes answered busy (503) after their last attempt.");
  sample(out, "aims_db_writes_gave_up_total", "", static_cast<double>(store.tx.gave_up));
  family(out, "aims_db_group_commits_total", "counter",
         "Commits that made a group of two or more writes durable at once (SQLite group commit).");
  sample(out, "aims_db_group_commits_total", "", static_cast<double>(store.tx.group_commits));
  family(out, "aims_db_up", "gauge", "1 if the database answered a query during this scrape, else 0.");
  sample(out, "aims_db_up", "", store.database_up ? 1 : 0);
  family(out, "aims_organizations", "gauge", "Organizations in the installation.");
  sample(out, "aims_organizations", "", static_cast<double>(store.organizations));
  family(out, "aims_audit_log_entries", "gauge",
         "Entries in an organization's audit log (the first 1000 organizations by creation).");
  for (const auto& [org, size] : store.audit_sizes)
    sample(out, "aims_audit_log_entries", "org=\"" + prometheus_label(org) + "\"", static_cast<double>(size));
  family(out, "aims_uptime_seconds", "gauge", "Seconds since the server started.");
  sample(out, "aims_uptime_seconds", "",
         std::floor(std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count()));
  return out;
}

}  // namespace aims::http
