#include "domain/actions/action_sources.hpp"

#include <utility>

#include "domain/euact/eu_data.hpp"
#include "domain/records/kind_spec.hpp"
#include "domain/records/lifecycle.hpp"

namespace aims::actions {
namespace json = boost::json;

namespace {

using StatusMap = std::vector<std::pair<std::string_view, std::string_view>>;

std::string text(const json::object& doc, std::string_view key) { return records::doc_text(&doc, key); }

/// The normalized status of `value` under `map`; '' when the value is not in it.
std::string normalized(const StatusMap& map, const std::string& value) {
  for (auto [from, to] : map)
    if (from == value) return std::string(to);
  return {};
}

/// The link and API resource of a top-level record of a kind served at /{path}/{id}.
void at_path(ActionSource& s, std::string path) {
  s.link = [path](const store::RecordRow& r) { return "/" + path + "/" + r.id; };
  s.api = [path](const store::RecordRow& r) { return "/api/v1/" + path + "/" + r.id; };
}

/// A kind whose record is one action with fields named as in docs/actions.md (title, owner,
/// due_date, status): archived records hold none.
ActionSource field_source(std::string kind, std::string label, std::string path, StatusMap statuses,
                          std::string title_field = "title", std::string owner_field = "owner") {
  ActionSource s{std::move(kind), std::move(label), 1, {}, {}, {}};
  s.actions = [statuses = std::move(statuses), title_field, owner_field](const store::RecordRow& r,
                                                                         const json::object& doc) {
    std::vector<Action> out;
    if (records::is_archived(doc)) return out;
    auto status = normalized(statuses, text(doc, "status"));
    if (status.empty()) status = "open";
    auto title = text(doc, title_field);
    out.push_back(Action{"", title.empty() ? r.id : title, text(doc, owner_field), text(doc, "due_date"), status});
    return out;
  };
  at_path(s, std::move(path));
  return s;
}

const StatusMap kPlain{{"open", "open"}, {"in_progress", "in_progress"}, {"done", "done"}, {"cancelled", "cancelled"}};

std::vector<ActionSource> make() {
  std::vector<ActionSource> v;
  // Issue 14's kinds (contracts): corrective actions of nonconformities, decisions of management
  // reviews, requests for information of internal audits.
  v.push_back(field_source("corrective_action", "Corrective action", "corrective-actions", kPlain));
  v.push_back(field_source("review_action", "Review action", "review-actions", kPlain));
  v.push_back(field_source("audit_request", "Audit request", "audit-requests",
                           {{"open", "open"}, {"answered", "done"}, {"closed", "done"}}));
  // The handling of a nonconformity and an accepted improvement are actions with an owner and a due date.
  v.push_back(field_source("nonconformity", "Nonconformity", "nonconformities",
                           {{"open", "open"},
                            {"contained", "in_progress"},
                            {"analysed", "in_progress"},
                            {"actions_planned", "in_progress"},
                            {"verifying", "in_progress"},
                            {"closed", "done"}}));
  {
    auto s = field_source("improvement", "Improvement", "improvements", {});
    auto inner = s.actions;
    s.actions = [inner](const store::RecordRow& r, const json::object& doc) {
      auto out = inner(r, doc);
      auto decision = text(doc, "decision");
      for (auto& a : out)
        a.status = decision == "implemented" ? "done" : decision == "rejected" ? "cancelled" : decision == "accepted" ? "in_progress" : "open";
      return out;
    };
    v.push_back(std::move(s));
  }
  // Training gaps (7.2): the person is the owner; the title names what is done for which competence.
  {
    auto s = field_source("competence_action", "Competence action", "competence-actions", kPlain, "title", "person");
    auto inner = s.actions;
    s.actions = [inner](const store::RecordRow& r, const json::object& doc) {
      auto out = inner(r, doc);
      static const std::pair<std::string_view, std::string_view> kTypes[] = {
          {"training", "Training"}, {"mentoring", "Mentoring"}, {"hiring", "Hiring"}, {"reassignment", "Reassignment"}, {"other", "Action"}};
      std::string what = "Action";
      for (auto [k, label] : kTypes)
        if (k == text(doc, "action_type")) what = label;
      auto competence = text(doc, "competence_id");
      for (auto& a : out) a.title = what + (competence.empty() ? std::string() : " for competence " + competence);
      return out;
    };
    v.push_back(std::move(s));
  }
  // A risk's treatment (6.1.3): one action when an option that acts on the risk is chosen.
  {
    ActionSource s{"risk", "Risk treatment", 1, {}, {}, {}};
    s.actions = [](const store::RecordRow& r, const json::object& doc) {
      std::vector<Action> out;
      auto treatment = text(doc, "treatment");
      if (records::is_archived(doc) || (treatment != "modify" && treatment != "avoid" && treatment != "share")) return out;
      auto st = text(doc, "status");
      std::string status = st == "treating" ? "in_progress" : (st == "monitoring" || st == "closed") ? "done" : "open";
      std::string verb = treatment == "modify" ? "Modify" : treatment == "avoid" ? "Avoid" : "Share";
      out.push_back(Action{"treatment", verb + " risk " + r.id + ": " + text(doc, "title"), text(doc, "owner"),
                           text(doc, "due_date"), status});
      return out;
    };
    at_path(s, "risks");
    v.push_back(std::move(s));
  }
  // An EU AI Act obligation of an AI system (the record's parent) is a task until it is met.
  {
    ActionSource s{"obligation", "EU AI Act obligation", 1, {}, {}, {}};
    s.actions = [](const store::RecordRow& r, const json::object& doc) {
      std::vector<Action> out;
      auto retired = doc.if_contains("retired");
      if (retired && retired->is_bool() && retired->as_bool()) return out;
      auto due = text(doc, "due");
      if (due.empty()) return out;
      auto status = normalized({{"not_started", "open"}, {"in_progress", "in_progress"}, {"met", "done"}, {"not_applicable", "cancelled"}},
                               text(doc, "status"));
      // The obligation's words are the EU AI Act data's, compiled into the server.
      out.push_back(Action{"", euact::obligation_label(text(doc, "obligation_id"), r.id, r.parent_id), text(doc, "owner"), due,
                           status.empty() ? "open" : status});
      return out;
    };
    s.link = [](const store::RecordRow& r) { return "/obligations?system=" + r.parent_id; };
    s.api = [](const store::RecordRow& r) { return "/api/v1/obligations/" + r.parent_id + "/" + r.id; };
    v.push_back(std::move(s));
  }
  // A step of a gap assessment's roadmap (its row in roadmap_actions; the parent is the assessment).
  {
    ActionSource s{"roadmap_action", "Roadmap action", 1, {}, {}, {}};
    s.actions = [](const store::RecordRow& r, const json::object& doc) {
      auto status = normalized(kPlain, text(doc, "status"));
      auto title = text(doc, "title");
      return std::vector<Action>{Action{"", title.empty() ? r.id : title, text(doc, "owner"), text(doc, "target_date"),
                                        status.empty() ? "open" : status}};
    };
    s.link = [](const store::RecordRow& r) { return "/assessments/" + r.parent_id + "/roadmap"; };
    s.api = [](const store::RecordRow& r) { return "/api/v1/assessments/" + r.parent_id + "/roadmap"; };
    v.push_back(std::move(s));
  }
  return v;
}

}  // namespace

const std::vector<ActionSource>& sources() {
  static const std::vector<ActionSource> v = make();
  return v;
}

const ActionSource* source_of(std::string_view kind) {
  for (const auto& s : sources())
    if (s.kind == kind) return &s;
  return nullptr;
}

}  // namespace aims::actions
