#include "domain/people/kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"

namespace aims::people {
namespace json = boost::json;
using records::FieldSpec;
using records::FieldType;
using store::FacetSlot;

namespace {

bool has_items(const json::object& doc, std::string_view key) {
  auto p = doc.if_contains(key);
  return p && p->is_array() && !p->as_array().empty();
}

/// Every N months needs its N, the other recurrences none; a campaign has an audience.
void check(const json::object& doc, std::vector<FieldError>& errors) {
  auto recurrence = records::doc_text(&doc, "recurrence");
  auto months = doc.if_contains("recurrence_months");
  bool has_months = months && months->is_int64();
  if (recurrence == "months" && !has_months)
    errors.push_back({"recurrence_months", 0, "a campaign that recurs every N months needs the number of months"});
  if (recurrence != "months" && has_months)
    errors.push_back({"recurrence_months", 0, "only a campaign that recurs every N months has a number of months"});
  if (!has_items(doc, "audience_role_ids") && !has_items(doc, "audience_member_ids"))
    errors.push_back({"audience_role_ids", 0, "a campaign needs an audience: AIMS roles, people or both"});
}

records::KindSpec make() {
  auto k = records::named_kind("training_campaign", "training campaign", "Training campaign", "TRN-");
  k.plural = "Training campaigns";
  k.path = "training-campaigns";
  k.cli = "training";
  k.clause = "7.3";
  k.check = check;
  FieldSpec title{"title", "Title", "The training in a few words.", FieldType::text, true};
  title.column = true;
  title.sort = FacetSlot::text6;
  title.search = true;
  FieldSpec description{"description", "Description", "What the training covers and how it is given.", FieldType::long_text};
  description.max_length = 4000;
  description.search = true;
  FieldSpec gives{"competence_ids", "Competences given", "The competences a person holds after completing it.",
                  FieldType::refs, true};
  gives.ref = "competence";
  gives.max_items = 20;
  FieldSpec roles{"audience_role_ids", "Audience: AIMS roles", "Everyone who holds one of these roles.", FieldType::refs};
  roles.ref = "aims_role";
  roles.max_items = 50;
  FieldSpec members{"audience_member_ids", "Audience: people", "These members, whatever their roles.", FieldType::refs};
  members.ref = "user";
  members.max_items = 500;
  FieldSpec due{"due_date", "Due date", "When everyone in the audience should have completed it.", FieldType::date};
  due.column = true;
  due.sort = FacetSlot::text7;
  FieldSpec recurrence{"recurrence", "Recurrence", "Whether people take the training again, and how often.",
                       FieldType::enumeration, true};
  recurrence.values = {{"none", "Once"}, {"annual", "Every year"}, {"months", "Every N months"}};
  recurrence.default_value = "none";
  recurrence.column = true;
  recurrence.filter = FacetSlot::text0;
  FieldSpec months{"recurrence_months", "Every (months)", "For every N months: N.", FieldType::integer};
  months.min = 1;
  months.max = 120;
  FieldSpec status{"status", "Status", "Planned campaigns have not started, open ones take completions.",
                   FieldType::enumeration, true};
  status.values = {{"planned", "Planned"}, {"open", "Open"}, {"closed", "Closed"}};
  status.default_value = "open";
  status.column = true;
  status.filter = FacetSlot::text1;
  k.fields = {title, description, gives, roles, members, due, recurrence, months, status};
  return records::field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& training_campaign_kind() { return records::built_once<make>(); }

}  // namespace aims::people
