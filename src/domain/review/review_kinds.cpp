#include "domain/review/review_kinds.hpp"

#include "domain/records/field_kind.hpp"
#include "domain/records/kind_build.hpp"
#include "domain/records/lifecycle.hpp"
#include "domain/records/record_lock.hpp"

namespace aims::review {
namespace json = boost::json;
using namespace records;
using store::FacetSlot;

namespace {

/// An optional judgement: one of two values, or null while the review has not concluded.
FieldSpec judgement_field(const char* name, const char* label, const char* help, std::vector<EnumValue> values) {
  FieldSpec f{name, label, help, FieldType::enumeration, false};
  f.values = std::move(values);
  return f;
}

/// Each judgement given needs its text, and a text needs its judgement.
void check_review(const json::object& doc, std::vector<FieldError>& errors) {
  for (const auto& j : judgements()) {
    bool has_judgement = !doc_text(&doc, j.field).empty();
    bool has_text = !doc_text(&doc, j.text_field).empty();
    if (has_judgement && !has_text) errors.push_back({j.text_field, 0, std::string("is required with the judgement on ") + j.label});
    if (has_text && !has_judgement) errors.push_back({j.field, 0, std::string("is required with its text (") + j.label + ")"});
  }
}

/// The members the review service writes, served as stored (null when missing).
void derive_review(const json::object& doc, json::object& view) {
  view["status"] = doc.contains("status") ? doc.at("status") : json::value("planned");
  for (const char* key : {"held_on", "pack_hash", "started_by", "started_at", "signed_off_by", "signed_off_at", "sign_off_hash"})
    view[key] = doc.contains(key) ? doc.at(key) : json::value(nullptr);
}

KindSpec make_review() {
  auto k = worded_kind({"management_review", "management review", "Management review", "MR-", "Management reviews",
                        "management-reviews", "management-review", "9.3"});
  auto planned = date_field("planned_on", "Planned on", "The day the review is planned for.", kReviewPlannedSlot, true);
  k.fields = {
      name_field("title", "Title", "The review in a few words, e.g. Management review 2026."),
      planned,
      member_field("attendees", "Attendees", "The members taking part; top management should be among them.",
                   {.required = false, .filter = std::nullopt, .many = 40, .column = false}),
      long_field("agenda", "Agenda", "What the review covers besides the inputs of 9.3.2."),
      judgement_field("suitability", "Suitable?", "Whether the AI management system still fits the organization and its purpose.",
                      {{"suitable", "Suitable"}, {"not_suitable", "Not suitable"}}),
      long_field("suitability_text", "On suitability", "Why the review judged so."),
      judgement_field("adequacy", "Adequate?", "Whether the AI management system is enough to meet its requirements.",
                      {{"adequate", "Adequate"}, {"not_adequate", "Not adequate"}}),
      long_field("adequacy_text", "On adequacy", "Why the review judged so."),
      judgement_field("effectiveness", "Effective?", "Whether the AI management system achieves its intended results.",
                      {{"effective", "Effective"}, {"not_effective", "Not effective"}}),
      long_field("effectiveness_text", "On effectiveness", "Why the review judged so."),
  };
  k.check = check_review;
  k.derive = derive_review;
  declare_lock(k.kind, [](const json::object& doc) -> std::optional<std::string> {
    if (doc_text(&doc, "status") == "signed_off") return std::string("is signed off; its minutes cannot change");
    return std::nullopt;
  });
  auto spec = field_kind(std::move(k));
  spec.filters.push_back(FilterSpec{"status", Where::sql, false, kReviewStatusSlot, {"planned", "in_progress", "signed_off"}});
  spec.facets = [base = spec.facets](const store::RecordRow& row, const json::object* doc) {
    auto out = base(row, doc);
    auto status = doc_text(doc, "status");
    out.text[static_cast<std::size_t>(kReviewStatusSlot)] = status.empty() ? "planned" : status;
    return out;
  };
  return spec;
}

/// The review `id`'s stored status ("" when it cannot be read; check_refs names a missing review).
std::string review_status(store::ReadTx& tx, const std::string& org_id, const std::string& id) {
  return stored_text(tx, org_id, "management_review", id, "status");
}

/// The decisions of a signed-off review are in its signed minutes: no action is added to it or
/// moved onto or off it, and its decided actions keep their type and title. Carrying an action out
/// (status, owner, due date, description) stays open after the sign-off.
status action_guard(store::ReadTx& tx, const std::string& org_id, const json::object& before, const json::object& after) {
  auto refuse = [](const std::string& review, const char* what) {
    return make_error(errc::conflict, "Management review " + review + " is signed off; " + what + ".");
  };
  auto from = doc_text(&before, "review_id"), to = doc_text(&after, "review_id");
  if (before.empty()) {
    if (review_status(tx, org_id, to) == "signed_off") return refuse(to, "its decisions are final and no action can be added to it");
    return ok();
  }
  if (from != to) {
    if (review_status(tx, org_id, from) == "signed_off") return refuse(from, "its actions stay with it");
    if (review_status(tx, org_id, to) == "signed_off") return refuse(to, "no action can be moved onto it");
    return ok();
  }
  if (doc_text(&before, "type") != doc_text(&after, "type") || doc_text(&before, "title") != doc_text(&after, "title"))
    if (review_status(tx, org_id, to) == "signed_off")
      return refuse(to, "the type and title of its decided actions are in its minutes and cannot change");
  return ok();
}

KindSpec make_action() {
  auto k = worded_kind({"review_action", "review action", "Review action", "MRA-", "Review actions", "review-actions",
                        "review-action", "9.3"});
  auto due = date_field("due_date", "Due date", "The day the action is due.", kActionDueSlot, true);
  k.fields = {
      ref_field("review_id", "Management review", "The review that decided the action.", "management_review", true,
                kActionReviewSlot),
      choice_field("type", "Type", "What the decision is about.",
                   {{"improvement", "Improvement"}, {"aims_change", "Change to the AIMS"}, {"resources", "Resources"}},
                   FacetSlot::text1),
      name_field("title", "Title", "The decision in a few words."),
      member_field("owner", "Owner", "The member who carries the action out.", {.required = true, .filter = FacetSlot::text2}),
      due,
      choice_field("status", "Status", "Where the action stands.",
                   {{"open", "Open"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}},
                   kActionStatusSlot, "open"),
      long_field("description", "Description", "What is to be done and why."),
  };
  k.guard = action_guard;
  return field_kind(std::move(k));
}

}  // namespace

const std::vector<Judgement>& judgements() {
  static const std::vector<Judgement> all{{"suitability", "suitability_text", "suitable", "suitability"},
                                          {"adequacy", "adequacy_text", "adequate", "adequacy"},
                                          {"effectiveness", "effectiveness_text", "effective", "effectiveness"}};
  return all;
}

const records::KindSpec& management_review_kind() { return records::built_once<make_review>(); }
const records::KindSpec& review_action_kind() { return records::built_once<make_action>(); }

}  // namespace aims::review
