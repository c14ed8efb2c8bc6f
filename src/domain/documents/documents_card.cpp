#include "domain/documents/documents_card.hpp"

#include "domain/dashboard/card_figures.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::documents {
namespace json = boost::json;

void add_documents_card(dashboard::Dashboard& d, DocumentService& documents) {
  d.add("documents", [&documents](const accounts::Actor& a) -> result<json::value> {
    if (auto s = records::require(a, accounts::Action::read, "read documents"); !s) return s.error();
    auto overdue = documents.overdue_reviews(a);
    if (!overdue) return overdue.error();
    auto missing = documents.missing_acknowledgements(a);
    if (!missing) return missing.error();
    json::object card{{"overdue_reviews", *overdue},
                      {"overdue_link", "/documents?sort=next_review_date"},
                      {"missing_acknowledgements", *missing},
                      {"acknowledgements_link", "/documents/acknowledgements"}};
    dashboard::describe_card(card, "Controlled documents", "/documents",
                             {{"overdue_reviews", "published documents overdue for review", *overdue,
                               "/documents?sort=next_review_date", true},
                              {"missing_acknowledgements", "acknowledgements the audiences still owe", *missing,
                               "/documents/acknowledgements", true}});
    return card;
  });
}

}  // namespace aims::documents
