#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace {
using namespace records;

bool has_items(const boost::json::object& doc, std::string_view key) {
  auto p = doc.if_contains(key);
  return p && p->is_array() && !p->as_array().empty();
}

/// Every N months needs its N, the other recurrences none; a campaign has an audience.
void check_training_campaign(const boost::json::object& doc, std::vector<FieldError>& errors) {
  auto recurrence = doc_text(&doc, "recurrence");
  auto months = doc.if_contains("recurrence_months");
  bool has_months = months && months->is_int64();
  if (recurrence == "months" && !has_months)
    errors.push_back({"recurrence_months", 0, "a campaign that recurs every N months needs the number of months"});
  if (recurrence != "months" && has_months)
    errors.push_back({"recurrence_months", 0, "only a campaign that recurs every N months has a number of months"});
  if (!has_items(doc, "audience_role_ids") && !has_items(doc, "audience_member_ids"))
    errors.push_back({"audience_role_ids", 0, "a campaign needs an audience: AIMS roles, people or both"});
}

KindSpec training_campaign_spec() {
  auto k = worded_kind({"training_campaign", "training campaign", "Training campaign", "TRN-", "Training campaigns",
                        "training-campaigns", "training", "7.3"});
  k.check = check_training_campaign;
  FieldSpec months{"recurrence_months", "Every (months)", "For every N months: N.", FieldType::integer};
  months.min = 1;
  months.max = 120;
  k.fields = {
      name_field("title", "Title", "The training in a few words."),
      long_field("description", "Description", "What the training covers and how it is given."),
      refs_field("competence_ids", "Competences given", "The competences a person holds after completing it.", "competence",
                 20, true),
      refs_field("audience_role_ids", "Audience: AIMS roles", "Everyone who holds one of these roles.", "aims_role"),
      refs_field("audience_member_ids", "Audience: people", "These members, whatever their roles.", "user", 500),
      date_field("due_date", "Due date", "When everyone in the audience should have completed it.", store::FacetSlot::text7),
      choice_field("recurrence", "Recurrence", "Whether people take the training again, and how often.",
                   {{"none", "Once"}, {"annual", "Every year"}, {"months", "Every N months"}}, store::FacetSlot::text0, "none"),
      months,
      choice_field("status", "Status", "Planned campaigns have not started, open ones take completions.",
                   {{"planned", "Planned"}, {"open", "Open"}, {"closed", "Closed"}}, store::FacetSlot::text1, "open")};
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& training_campaign_kind() { return records::built_once<training_campaign_spec>(); }

}  // namespace aims::people
