#include "domain/dashboard/dashboard.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "domain/accounts/roles.hpp"
#include "domain/records/kind_spec.hpp"

namespace aims::dashboard {
namespace json = boost::json;

namespace {

/// The last day of the month of `d`.
Date month_end(Date d) {
  std::chrono::year_month_day ymd{d};
  return std::chrono::sys_days{ymd.year() / ymd.month() / std::chrono::last};
}

/// Whether the error is the store's (the whole answer fails) rather than the section's.
bool fatal(const Error& e) { return e.code == errc::unavailable || e.code == errc::internal; }

}  // namespace

json::object due_item(std::string_view source, std::string title, const std::string& due_on, Date today, std::string link) {
  return json::object{{"source", source},
                      {"title", std::move(title)},
                      {"due_on", due_on},
                      {"overdue", due_on < format_date(today)},
                      {"link", std::move(link)}};
}

std::vector<json::object> page_items(const std::string& text) {
  auto v = json::parse(text);
  const auto& items = v.is_object() ? v.as_object().at("items").as_array() : v.as_array();
  std::vector<json::object> out;
  for (const auto& i : items)
    if (i.is_object() && !i.as_object().contains("error")) out.push_back(i.as_object());
  return out;
}

void Dashboard::check_unique(const std::string& name) const {
  auto taken = [&](const auto& v, auto key) { return std::any_of(v.begin(), v.end(), [&](const auto& c) { return c.*key == name; }); };
  if (taken(cards_, &Card::name) || taken(leads_, &Card::name) || taken(due_, &Due::source))
    throw std::logic_error("dashboard section registered twice: " + name);
}

void Dashboard::add(std::string name, Provider provider) {
  check_unique(name);
  cards_.push_back(Card{std::move(name), std::move(provider)});
}

void Dashboard::add_lead(std::string name, Provider provider) {
  check_unique(name);
  leads_.push_back(Card{std::move(name), std::move(provider)});
}

void Dashboard::add_due(std::string source, DueProvider provider) {
  check_unique(source);
  due_.push_back(Due{std::move(source), std::move(provider)});
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
  json::object out, cards, errors;
  auto section = [&](const Card& c, json::object& into) -> status {
    auto f = c.provider(a);
    if (f) into[c.name] = std::move(*f);
    else if (fatal(f.error())) return f.error();  // the store, not the section: the whole answer fails
    else errors[c.name] = json::object{{"detail", f.error().detail}};
    return ok();
  };
  for (const auto& c : leads_)
    if (auto st = section(c, out); !st) return st.error();
  auto today = date_of(clock_.now());
  auto until = month_end(today);
  json::array due;
  for (const auto& d : due_) {
    auto items = d.provider(a, today, until);
    if (items) {
      for (auto& i : *items) due.push_back(std::move(i));
    } else if (fatal(items.error())) {
      return items.error();
    } else {
      errors[d.source] = json::object{{"detail", items.error().detail}};
    }
  }
  std::stable_sort(due.begin(), due.end(), [](const json::value& x, const json::value& y) {
    return records::doc_text(&x.as_object(), "due_on") < records::doc_text(&y.as_object(), "due_on");
  });
  out["due_this_month"] = json::object{{"today", format_date(today)}, {"until", format_date(until)}, {"items", std::move(due)}};
  for (const auto& c : cards_)
    if (auto st = section(c, cards); !st) return st.error();
  out["cards"] = std::move(cards);
  out["errors"] = std::move(errors);
  auto doc = json::serialize(out);
  if (generation > 0) cache_.put(key, generation, inventory::CachedPage{doc, 0, std::nullopt});
  return doc;
}

}  // namespace aims::dashboard
