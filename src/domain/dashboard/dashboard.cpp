#include "domain/dashboard/dashboard.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "domain/accounts/roles.hpp"

namespace aims::dashboard {
namespace json = boost::json;

void Dashboard::add(std::string name, Provider provider) {
  for (const auto& c : cards_)
    if (c.name == name) throw std::logic_error("dashboard card registered twice: " + name);
  cards_.push_back(Card{std::move(name), std::move(provider)});
}

result<std::string> Dashboard::figures(const accounts::Actor& a) {
  // The size is read before any figure: a document computed after it is at least that current,
  // and is served only while the size is unchanged. With no log at all nothing is cached.
  std::int64_t generation = 0;
  if (auto st = store_.read([&](store::ReadTx& tx) -> status {
        generation = tx.audit_size(a.org_id);
        return ok();
      });
      !st)
    return st.error();
  auto key = a.org_id + "|" + a.user_id + "|" + std::string(accounts::role_name(a.role)) + "|" +
             clock_.now_text().substr(0, 10);
  if (generation > 0)
    if (auto hit = cache_.get(key, generation)) return std::move(hit->items_json);
  json::object cards, errors;
  for (const auto& c : cards_) {
    auto f = c.provider(a);
    if (f) {
      cards[c.name] = std::move(*f);
    } else if (f.error().code == errc::unavailable || f.error().code == errc::internal) {
      return f.error();  // the store, not the card: the whole answer fails
    } else {
      errors[c.name] = json::object{{"detail", f.error().detail}};
    }
  }
  auto doc = json::serialize(json::object{{"cards", std::move(cards)}, {"errors", std::move(errors)}});
  if (generation > 0) cache_.put(key, generation, inventory::CachedPage{doc, 0, std::nullopt});
  return doc;
}

}  // namespace aims::dashboard
