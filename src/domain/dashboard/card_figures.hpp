// What makes a dashboard card render on the web without a component of its own: the card says
// its title, the page it summarises and its figures ({key, label, value, link, attention}), and
// the web's generic card shows them (docs/architecture.md, dashboard). Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace aims::dashboard {

/// One figure of a card: a count, its words ("overdue reviews"), the page listing what it counts,
/// and whether a count above zero asks for attention.
struct CardFigure {
  std::string key;
  std::string label;
  std::int64_t value = 0;
  std::string link;
  bool attention = false;
};

/// Adds {title, link, figures} to `card` (its other members stay as they are).
inline void describe_card(boost::json::object& card, std::string title, std::string link,
                          const std::vector<CardFigure>& figures) {
  boost::json::array out;
  for (const auto& f : figures)
    out.push_back(boost::json::object{{"key", f.key}, {"label", f.label}, {"value", f.value},
                                      {"link", f.link.empty() ? boost::json::value(nullptr) : boost::json::value(f.link)},
                                      {"attention", f.attention}});
  card["title"] = std::move(title);
  card["link"] = std::move(link);
  card["figures"] = std::move(out);
}

}  // namespace aims::dashboard
