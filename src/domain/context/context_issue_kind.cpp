#include "domain/context/context_issue_kind.hpp"

#include "domain/context/context_fields.hpp"
#include "domain/records/field_kind.hpp"

namespace aims::context {
namespace {
using namespace records;

/// An open issue of high relevance must come back for review; a closed one has nothing to review.
void check_context_issue(const boost::json::object& doc, std::vector<FieldError>& errors) {
  auto status = doc_text(&doc, "status");
  bool dated = !doc_text(&doc, "review_date").empty();
  if (status == "open" && doc_text(&doc, "relevance") == "high" && !dated)
    errors.push_back({"review_date", 0, "an open issue of high relevance needs a next review date"});
  if (status == "closed" && dated)
    errors.push_back({"review_date", 0, "a closed issue has no next review; clear the date or reopen the issue"});
}

KindSpec context_issue_spec() {
  auto k = worded_kind({"context_issue", "context issue", "Context issue", "CI-", "Context issues", "context-issues",
                        "context-issue", "4.1"});
  k.check = check_context_issue;
  auto category = choice_field("category", "Category", "The area the issue belongs to.",
                               {{"legal", "Legal and regulatory"}, {"technological", "Technological"},
                                {"market", "Market and economic"}, {"social", "Social and cultural"},
                                {"ethical", "Ethical"}, {"environmental", "Environmental and climate"},
                                {"organizational", "Organizational"}},
                               store::FacetSlot::text0);
  auto effect = choice_field("effect", "Effect", "Whether the issue is a risk, an opportunity or both for the intended results.",
                             {{"risk", "Risk"}, {"opportunity", "Opportunity"}, {"both", "Risk and opportunity"}},
                             store::FacetSlot::text2);
  effect.column = false;
  auto relevance = scale_field("relevance", "Relevance", "How strongly the issue affects the AI management system.",
                               store::FacetSlot::text3);
  relevance.column = true;
  relevance.sort = store::FacetSlot::number;
  auto status = choice_field("status", "Status", "Open issues need action, monitored ones are watched, closed ones no longer apply.",
                             {{"open", "Open"}, {"monitored", "Monitored"}, {"closed", "Closed"}}, store::FacetSlot::text4, "open");
  auto owner = note_field("owner", "Owner", "Who keeps an eye on the issue.", 120);
  owner.column = true;
  owner.filter = store::FacetSlot::text5;
  k.fields = {name_field("title", "Title", "The issue in a few words."),
              long_field("description", "Description", "What the issue is and how it bears on the use of AI."),
              origin_field("Origin", "Whether the issue arises inside or outside the organization."),
              category,
              effect,
              relevance,
              status,
              owner,
              review_field("When the issue is looked at again."),
              refs_field("system_ids", "AI systems", "The AI systems the issue concerns; none for the whole organization.", "system")};
  k.demo = {
      R"({"title":"New AI legislation applies to our credit and hiring systems","description":"Rules for high-risk AI systems take effect in stages; our credit scoring and CV screening fall under them.","origin":"external","category":"legal","effect":"risk","relevance":"high","status":"open","owner":"Chief Compliance Officer","review_date":"2027-03-31","system_ids":["Credit scoring model","CV screening assistant"]})",
      R"({"title":"Customers expect to know when they talk to a machine","description":"Surveys show customers want to be told when an answer comes from an AI system and to reach a person easily.","origin":"external","category":"social","effect":"both","relevance":"medium","status":"monitored","owner":"Head of Digital Channels","review_date":"2027-06-30","system_ids":["Customer service chatbot"]})",
      R"({"title":"Few staff can validate machine learning models","description":"Only two people can review model validation reports, which slows releases and concentrates knowledge.","origin":"internal","category":"organizational","effect":"risk","relevance":"high","status":"open","owner":"Head of Data Science","review_date":"2027-02-28"})",
      R"({"title":"Foundation models lower the cost of new assistants","description":"Hosted language models let us build internal assistants quickly, if data protection and quality checks keep pace.","origin":"external","category":"technological","effect":"opportunity","relevance":"medium","status":"open","owner":"Chief Technology Officer"})",
      R"({"title":"Energy use of model training","description":"Retraining large models raises our energy use; the sustainability report asks for figures per system.","origin":"internal","category":"environmental","effect":"risk","relevance":"low","status":"monitored","owner":"Sustainability Officer","review_date":"2027-09-30"})",
      R"({"title":"Competitors offer instant credit decisions","description":"Faster automated decisions by competitors put pressure on our review times for credit applications.","origin":"external","category":"market","effect":"both","relevance":"medium","status":"open","owner":"Head of Credit Risk","system_ids":["Credit scoring model"]})",
      R"({"title":"Fairness commitments in the code of conduct","description":"Our code of conduct promises equal treatment, which every AI system that affects people has to show.","origin":"internal","category":"ethical","effect":"risk","relevance":"high","status":"open","owner":"Ethics Board","review_date":"2027-01-31"})",
      R"({"title":"Paper-based claims process retired","description":"The former manual claims process no longer exists, so its hand-over to the new system is no longer an issue.","origin":"internal","category":"organizational","effect":"risk","relevance":"low","status":"closed","owner":"Operations Manager"})",
      R"({"title":"Cloud AI supplier changes its terms at short notice","description":"Our hosted language models run on a supplier's terms that can change within weeks, including where data is processed.","origin":"external","category":"market","effect":"risk","relevance":"medium","status":"open","owner":"Head of Procurement","review_date":"2027-04-30","system_ids":["Customer service chatbot","Marketing content generator"]})",
      R"({"title":"Staff use public AI assistants on their own","description":"Some teams paste work documents into public chat assistants; the AI policy and training have to reach them.","origin":"internal","category":"organizational","effect":"risk","relevance":"high","status":"open","owner":"Chief Information Security Officer","review_date":"2027-02-15"})",
      R"({"title":"Supervisors expect model risk management for AI","description":"The financial supervisor's guidance extends model risk management to machine learning, with validation and documentation.","origin":"external","category":"legal","effect":"both","relevance":"high","status":"monitored","owner":"Head of Model Validation","review_date":"2027-05-31","system_ids":["Credit scoring model","Card fraud detection"]})",
      R"({"title":"Automation frees claims handlers for complex cases","description":"Routing simple claims automatically would let handlers spend their time on the cases that need judgement.","origin":"internal","category":"organizational","effect":"opportunity","relevance":"medium","status":"open","owner":"Claims Operations Lead","system_ids":["Insurance claims triage"]})",
  };
  return field_kind(std::move(k));
}

}  // namespace

const records::KindSpec& context_issue_kind() { return records::built_once<context_issue_spec>(); }

}  // namespace aims::context
