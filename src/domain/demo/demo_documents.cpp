#include "domain/demo/demo_documents.hpp"

#include <boost/json.hpp>

#include "domain/demo/demo_members.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "domain/records/record_service.hpp"

namespace aims::demo {
namespace json = boost::json;

namespace {

const char* kPolicyV1 = R"md(# AI policy

## Purpose
This policy sets out how Demo Org develops, buys and uses artificial intelligence (AI) so that it
serves our customers and staff, respects the law and is worthy of trust.

## Commitments
- We use AI only for purposes we can explain to the people it affects.
- Every AI system has a named owner and is recorded in the AI system inventory.
- We assess risks and impacts before an AI system is used and whenever it changes materially.
- People can always reach a human when an AI system affects them.

## Responsibilities
The Head of AI Governance maintains this policy. Owners of AI systems apply it.
)md";

const char* kPolicyV2 = R"md(# AI policy

## Purpose
This policy sets out how Demo Org develops, buys and uses artificial intelligence (AI) so that it
serves our customers and staff, respects the law and is worthy of trust. It applies to every AI
system in the scope of our AI management system, whether we build it, buy it or use it as a service.

## Objectives
We set measurable AI objectives each year (fairness, accuracy, transparency and availability of
human review) and report on them to the management board.

## Commitments
1. **Purpose and lawfulness.** We use AI only for purposes we can explain to the people it affects,
   and only where the law allows it.
2. **Accountability.** Every AI system has a named owner and is recorded in the AI system inventory
   with its intended use and its known misuse.
3. **Risk and impact.** We assess risks and the impact on individuals, groups and society before
   an AI system is used, whenever it changes materially, and at least once a year.
4. **Human oversight.** Decisions that affect people's rights or access to services are taken or
   reviewed by a person who can override the system. People can always reach a human.
5. **Data.** Data used to train or run AI systems is lawfully obtained, fit for purpose and
   protected; its origin is recorded.
6. **Suppliers.** AI bought from suppliers meets this policy; contracts allocate responsibilities.
7. **Transparency.** We tell people when they interact with an AI system or when AI-generated
   content is shown to them.
8. **Continual improvement.** Incidents, complaints and audit findings lead to corrective action.

## Responsibilities
- The management board approves this policy and provides the resources it needs.
- The Head of AI Governance maintains the policy and the AI management system.
- Owners of AI systems apply the policy to their systems and keep their records current.
- Every employee who works with AI systems reads and acknowledges this policy.

## Review
This policy is reviewed every twelve months and whenever laws, our AI systems or our risks change
materially.
)md";

}  // namespace

status seed_documents(store::Store& store, const Clock& clock, const accounts::Actor& admin) {
  std::vector<accounts::Actor> people;  // the two approvers
  for (const char* email : {kComplianceLead, kCto}) {
    auto id = member_id(store, email);
    if (!id) return id.error();
    people.push_back(accounts::Actor{*id, email, admin.org_id, admin.org_name, accounts::Role::manager});
  }
  records::RecordService record_service(store, clock);
  auto made = record_service.create(
      admin, documents::document_kind(),
      json::object{{"title", "AI policy"},
                   {"type", "policy"},
                   {"classification", "internal"},
                   {"owner", admin.user_id},
                   {"approvers", json::array{json::value(people[0].user_id), json::value(people[1].user_id)}},
                   {"review_interval_months", 12},
                   {"next_review_date", "2027-06-30"},
                   {"ack_required", true},
                   {"audience_roles", "manager, contributor, auditor, viewer"}});
  if (!made) return made.error();
  const auto& id = made->id;
  documents::DocumentService docs(store, clock);
  auto version = [&](const char* step, const char* content, const char* note, std::size_t approvals) -> status {
    auto draft = docs.start_draft(admin, id, json::object{{"step", step}, {"content", content}, {"change_note", note}});
    if (!draft) return draft.error();
    auto label = draft->id.substr(draft->id.find('@') + 1);
    if (auto r = docs.submit(admin, id, label); !r) return r.error();
    for (std::size_t i = 0; i < approvals; ++i)
      if (auto r = docs.decide(people[i], id, label, true, json::object{{"comment", "Approved."}}); !r) return r.error();
    return ok();
  };
  if (auto s = version("minor", kPolicyV1, "First issue.", 2); !s) return s;
  if (auto s = version("major", kPolicyV2, "Objectives, data, suppliers and transparency added; review cycle set.", 2); !s)
    return s;
  std::string v21 = kPolicyV2;
  v21 += "\n## Related documents\nAI risk management procedure; AI system lifecycle procedure.\n";
  return version("minor", v21.c_str(), "Related documents listed.", 1);
}

}  // namespace aims::demo
