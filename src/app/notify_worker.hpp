// The server's delivery worker (docs/notifications.md): a background thread that takes due
// deliveries from the queue in the database (claim_deliveries: a lease, FOR UPDATE SKIP LOCKED on
// PostgreSQL, so that several servers never send one delivery twice), sends each one — a signed
// webhook POST, or an e-mail through SMTP — with a timeout, logs the attempt and either marks it
// delivered or schedules the next attempt with exponential back-off and jitter until its attempts
// run out. A delivery whose server stops mid-send is taken again when its lease ends.
// start() and stop() from the composition root's thread; the worker's own thread does the rest.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "core/clock.hpp"
#include "store/notifications.hpp"
#include "store/store.hpp"

namespace aims::app {

struct NotifyWorkerOptions {
  std::chrono::milliseconds poll{1000};          // how often the queue is looked at
  std::chrono::milliseconds retry_base{30000};   // the first retry's delay (before jitter)
  std::chrono::seconds timeout{10};              // for connecting, and for each send and receive
  int batch = 10;                                // deliveries taken at once
  std::chrono::milliseconds scan_every{60000};   // how often time-based events are looked for
};

/// What one attempt gave: an HTTP/SMTP status (0: no answer), the start of the answer, an error.
struct AttemptOutcome {
  bool delivered = false;
  std::int64_t status_code = 0;
  std::string excerpt;
  std::string error;
};

/// Sends one delivery of a channel; `secret` is the webhook's (empty for e-mail).
using ChannelSender = std::function<AttemptOutcome(const store::DeliveryRow& d, const std::string& secret)>;

/// A webhook POST of the delivery's body with the AIMS-Webhook-* headers, signed with `secret`.
AttemptOutcome send_webhook(const store::DeliveryRow& d, const std::string& secret, std::chrono::seconds timeout,
                            const Clock& clock);

class NotifyWorker {
 public:
  NotifyWorker(store::Store& store, const Clock& clock, NotifyWorkerOptions options);
  ~NotifyWorker();
  NotifyWorker(const NotifyWorker&) = delete;
  NotifyWorker& operator=(const NotifyWorker&) = delete;

  /// The sender of e-mail deliveries (none: they wait in the queue).
  void set_email_sender(ChannelSender sender) { email_ = std::move(sender); }
  /// The periodic scan of time-based events (notify::scan_due_events), run every scan_every.
  void set_scan(std::function<void()> scan) { scan_ = std::move(scan); }
  void start();
  void stop();
  /// Sends what is due now, on the caller's thread: the number of attempts made.
  int run_once();

 private:
  void loop();

  store::Store& store_;
  const Clock& clock_;
  NotifyWorkerOptions opts_;
  ChannelSender email_;
  std::function<void()> scan_;
  std::chrono::steady_clock::time_point last_scan_{};
  std::mt19937_64 rng_{std::random_device{}()};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace aims::app
