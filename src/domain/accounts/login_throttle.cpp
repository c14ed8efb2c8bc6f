#include "domain/accounts/login_throttle.hpp"

#include <algorithm>

namespace aims::accounts {

namespace {

using std::chrono::seconds;

/// Seconds from now until `until` (RFC 3339), rounded up; 0 if passed or empty.
int seconds_until(const std::string& until, TimePoint now) {
  if (until.empty()) return 0;
  auto t = parse_time(until);
  if (!t || *t <= now) return 0;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*t - now).count();
  return static_cast<int>((ms + 999) / 1000);
}

/// The row of `key` as it stands now: failures forgotten after the policy's quiet period.
store::LoginThrottleRow current(store::WriteTx& tx, const std::string& key, TimePoint now, const ThrottlePolicy& p) {
  auto row = tx.find_login_throttle(key);
  if (!row) return store::LoginThrottleRow{key, 0, "", ""};
  auto last = parse_time(row->updated_at);
  if (seconds_until(row->blocked_until, now) == 0 && (!last || now - *last > p.forget_after)) {
    row->failures = 0;
    row->blocked_until.clear();
  }
  return *row;
}

/// Counts one more failure on the row; blocks it when past `free_failures`.
void count_failure(store::LoginThrottleRow& r, int free_failures, TimePoint now, const ThrottlePolicy& p) {
  ++r.failures;
  r.updated_at = format_time(now);
  if (r.failures >= free_failures) {
    auto extra = std::min<std::int64_t>(r.failures - free_failures, 20);
    auto delay = std::min<std::int64_t>(p.base_delay.count() << extra, p.max_delay.count());
    r.blocked_until = format_time(now + seconds(delay));
  }
}

/// Gives one reserved failure back; the block goes with it once under `free_failures`.
void give_back(store::WriteTx& tx, store::LoginThrottleRow r, int free_failures, TimePoint now) {
  if (r.failures == 0) return;
  --r.failures;
  if (r.failures < free_failures) r.blocked_until.clear();
  r.updated_at = format_time(now);
  tx.put_login_throttle(r);
}

}  // namespace

status LoginThrottle::reserve(const std::string& email, const std::string& client, TimePoint now, int* retry_after) {
  return store_.write([&](store::WriteTx& tx) -> status {
    tx.delete_stale_login_throttles(format_time(now - std::chrono::hours(24)));
    auto acct = current(tx, account_key(email, client), now, policy_);
    auto cli = current(tx, client_key(client), now, policy_);
    int wait = std::max(seconds_until(acct.blocked_until, now), seconds_until(cli.blocked_until, now));
    if (wait > 0) {
      if (retry_after) *retry_after = wait;
      return make_error(errc::too_many_requests,
                        "Too many failed log-ins from this address; try again in " + std::to_string(wait) + " s.");
    }
    count_failure(acct, policy_.account_free_failures, now, policy_);
    count_failure(cli, policy_.client_free_failures, now, policy_);
    tx.put_login_throttle(acct);
    tx.put_login_throttle(cli);
    return ok();
  });
}

status LoginThrottle::succeeded(const std::string& email, const std::string& client, TimePoint now) {
  return store_.write([&](store::WriteTx& tx) -> status {
    tx.delete_login_throttle(account_key(email, client));
    give_back(tx, current(tx, client_key(client), now, policy_), policy_.client_free_failures, now);
    return ok();
  });
}

status LoginThrottle::released(const std::string& email, const std::string& client, TimePoint now) {
  return store_.write([&](store::WriteTx& tx) -> status {
    give_back(tx, current(tx, account_key(email, client), now, policy_), policy_.account_free_failures, now);
    give_back(tx, current(tx, client_key(client), now, policy_), policy_.client_free_failures, now);
    return ok();
  });
}

}  // namespace aims::accounts
