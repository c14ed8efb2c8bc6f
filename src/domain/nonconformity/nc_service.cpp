#include "domain/nonconformity/nc_service.hpp"

#include <functional>

#include "core/date.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/dashboard/card_figures.hpp"
#include "domain/nonconformity/nonconformity_kinds.hpp"
#include "domain/records/changes.hpp"
#include "domain/records/record_service.hpp"

namespace aims::nonconformity {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;
using records::doc_text;
using store::FacetSlot;

namespace {

constexpr const char* kSteps =
    " (the steps: open → contained → cause analysed → actions planned → effectiveness check → closed)";

/// A step's work on the NC's document: reads its body with `r`, refuses with 409 when the NC is not
/// at this step, and changes `after`. `now` is the time of the step.
using Apply = std::function<status(store::WriteTx& tx, input::Reader& r, const store::RecordRow& row,
                                   const json::object& before, json::object& after, const std::string& now)>;

struct Step {
  const char* operation;                     // the history entry's operation
  Action action;                             // the role's action (403)
  const char* what;                          // in the 403: "record the containment of nonconformities"
  std::vector<std::string> fields;           // the body's members
  std::vector<std::string> keys;             // the members whose changes the history lists
};

result<records::Versioned> run(store::Store& store, const Clock& clock, const Actor& a, const std::string& id,
                               const json::value& body, const std::optional<std::string>& if_match, const Step& step,
                               const Apply& apply) {
  const auto& k = nonconformity_kind();
  if (auto st = records::require(a, step.action, step.what); !st) return st.error();
  records::Versioned out;
  auto st = store.write([&](store::WriteTx& tx) -> status {
    auto row = records::find(tx, k, a.org_id, id);
    if (!row) return row.error();
    if (auto s = stored::readable(k.kind, a.org_id, id, row->doc); !s) return s;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    if (auto s = records::check_if_match(k, *row, if_match); !s) return s;
    auto before = stored::parse_object(row->doc);
    if (auto s = records::not_archived(k.title, id, before); !s) return s;
    input::Reader r(body.as_object(), step.fields, {});
    const auto now = clock.now_text();
    auto after = before;
    if (auto s = apply(tx, r, *row, before, after, now); !s) return s;
    after["updated_by"] = a.email;
    auto next = *row;
    next.version = row->version + 1;
    next.updated_at = now;
    next.doc = json::serialize(after);
    if (auto s = records::save(tx, k, a, next, row->version, step.operation, records::changes_of(before, after, step.keys)); !s)
      return s;
    out = records::Versioned{next.id, next.version, json::serialize(records::record_view(k, next))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

/// Who did a step and when.
json::object signed_by(const Actor& a, const std::string& now) {
  return json::object{{"by", a.email}, {"by_id", a.user_id}, {"at", now}};
}

/// 409 when the NC is not in `expected`: what the step needs and where the NC stands.
status at_step(const json::object& doc, const std::string& id, std::initializer_list<std::string_view> expected,
               const std::string& step, const std::string& needs) {
  auto state = doc_text(&doc, "status");
  for (auto e : expected)
    if (state == e) return ok();
  return make_error(errc::conflict, "Nonconformity " + id + " is " + (state == "analysed" ? "cause analysed" : state) + ": " + step +
                                        " is recorded " + needs + kSteps + ".");
}

const json::object* object_at(const json::object& doc, const char* key) {
  auto p = doc.if_contains(key);
  return p && p->is_object() ? &p->as_object() : nullptr;
}

std::string today(const Clock& clock) { return format_date(date_of(clock.now())); }

/// The corrective actions of the NC `id` (at most 500), in number order.
std::vector<store::RecordRow> actions_of(store::ReadTx& tx, const std::string& org_id, const std::string& id) {
  store::RecordQuery q;
  q.org_id = org_id;
  q.kind = corrective_action_kind().kind;
  q.parent_id = "";
  q.ref = "";  // not archived
  q.filters = {{FacetSlot::text0, {id}}};
  q.limit = 500;
  q.count = false;
  return tx.query_records(q).items;
}

}  // namespace

result<records::Versioned> NcService::contain(const Actor& a, const std::string& id, const json::value& body,
                                              const std::optional<std::string>& if_match) {
  static const Step step{"containment", Action::write_record, "record the containment of nonconformities",
                         {"action", "done_on"}, {"containment", "status"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx&, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string& now) -> status {
               if (auto s = at_step(before, id, {"open"}, "the correction and containment", "while it is open"); !s) return s;
               auto action = r.text("action", 4000, true, true);
               auto done_on = r.date("done_on");
               if (done_on && *done_on > today(clock_)) r.error("done_on", "cannot be in the future");
               if (!r.ok()) return r.failure("The containment is not valid.");
               auto c = signed_by(a, now);
               c["action"] = *action;
               c["done_on"] = done_on ? json::value(*done_on) : json::value(today(clock_));
               after["containment"] = std::move(c);
               after["status"] = "contained";
               return ok();
             });
}

result<records::Versioned> NcService::analyse(const Actor& a, const std::string& id, const json::value& body,
                                              const std::optional<std::string>& if_match) {
  static const Step step{"cause_analysis", Action::write_record, "record the cause analysis of nonconformities",
                         {"method", "analysis", "root_cause"}, {"cause_analysis", "status"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx&, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string& now) -> status {
               if (auto s = at_step(before, id, {"contained"}, "the cause analysis", "once it is contained"); !s) return s;
               auto method = r.choice("method", {"five_whys", "cause_categories", "fishbone", "other"});
               if (!r.has("method")) r.error("method", "is required: five_whys, cause_categories, fishbone or other");
               auto analysis = r.text("analysis", 8000, true, true);
               auto cause = r.text("root_cause", 2000, true, true);
               if (!r.ok()) return r.failure("The cause analysis is not valid.");
               auto c = signed_by(a, now);
               c["method"] = *method;
               c["analysis"] = *analysis;
               c["root_cause"] = *cause;
               after["cause_analysis"] = std::move(c);
               after["status"] = "analysed";
               return ok();
             });
}

result<records::Versioned> NcService::check_elsewhere(const Actor& a, const std::string& id, const json::value& body,
                                                      const std::optional<std::string>& if_match) {
  static const Step step{"elsewhere_check", Action::write_record, "record whether a nonconformity could occur elsewhere",
                         {"could_occur_elsewhere", "where"}, {"elsewhere", "status"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx&, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string& now) -> status {
               if (auto s = at_step(before, id, {"analysed"}, "whether it could occur elsewhere", "once its cause is analysed"); !s)
                 return s;
               auto could = r.boolean("could_occur_elsewhere");
               if (!r.has("could_occur_elsewhere")) r.error("could_occur_elsewhere", "is required: true or false");
               auto where = r.text("where", 2000, true);
               if (could && *could && (!where || where->empty()))
                 r.error("where", "is required when it could occur elsewhere: name the systems, processes or places");
               if (!r.ok()) return r.failure("The check is not valid.");
               auto c = signed_by(a, now);
               c["could_occur_elsewhere"] = *could;
               c["where"] = where && !where->empty() ? json::value(*where) : json::value(nullptr);
               after["elsewhere"] = std::move(c);
               after["status"] = "actions_planned";
               return ok();
             });
}

result<records::Versioned> NcService::add_update(const Actor& a, const std::string& id, const json::value& body,
                                                 const std::optional<std::string>& if_match) {
  static const Step step{"aims_update", Action::write_record, "record the updates a nonconformity leads to", {"links", "note"},
                         {"updates"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx& tx, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string& now) -> status {
               if (auto s = at_step(before, id, {"analysed", "actions_planned", "verifying"}, "an update to risks or the AIMS",
                                    "once its cause is analysed and until it is closed");
                   !s)
                 return s;
               auto links = r.list("links", 20, 40);
               if (!r.has("links") || (links && links->empty()))
                 r.error("links", "is required: the numbers of the risks, documents or other records that were updated");
               auto note = r.text("note", 2000, true, true);
               if (!r.ok()) return r.failure("The update is not valid.");
               for (const auto& link : *links)
                 if (auto s = check_record_id(tx, a.org_id, "links", link); !s) return s;
               auto u = signed_by(a, now);
               u["links"] = input::to_array(*links);
               u["note"] = *note;
               json::array all = before.contains("updates") && before.at("updates").is_array() ? before.at("updates").as_array()
                                                                                               : json::array{};
               all.push_back(std::move(u));
               after["updates"] = std::move(all);
               return ok();
             });
}

result<records::Versioned> NcService::schedule_check(const Actor& a, const std::string& id, const json::value& body,
                                                     const std::optional<std::string>& if_match) {
  static const Step step{"effectiveness_check", Action::write_record, "schedule the effectiveness check of nonconformities",
                         {"criterion", "due_date", "verifier"}, {"effectiveness_check", "status"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx& tx, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string& now) -> status {
               if (auto s = at_step(before, id, {"actions_planned"}, "the effectiveness check",
                                    "once its corrective actions are planned and done");
                   !s)
                 return s;
               auto criterion = r.text("criterion", 2000, true, true);
               auto due = r.date("due_date");
               if (!r.has("due_date")) r.error("due_date", "is required: the day the check is due (YYYY-MM-DD)");
               auto verifier = r.text("verifier", 200, false, true);
               if (!r.ok()) return r.failure("The effectiveness check is not valid.");
               std::vector<FieldError> errs;
               if (*verifier == doc_text(&before, "owner"))
                 errs.push_back({"verifier", 0, "is the nonconformity's owner; the effectiveness is checked by someone else"});
               else if (auto m = tx.find_membership(*verifier, a.org_id); !m)
                 errs.push_back({"verifier", 0, "no member " + *verifier + " in this organization"});
               else if (auto role = accounts::parse_role(m->role); !role || !accounts::allowed(*role, Action::approve))
                 errs.push_back({"verifier", 0, "must be a member who may approve (an admin or a manager); this one is " + m->role});
               if (*due < doc_text(&before, "opened_on"))
                 errs.push_back({"due_date", 0, "cannot be before the day the nonconformity was opened"});
               if (!errs.empty()) return make_error(errc::validation, "The effectiveness check is not valid.", std::move(errs));
               // Every corrective action that is not cancelled is done first; after a check that
               // found them not effective, a new one too.
               std::string reopened;
               if (auto p = before.if_contains("earlier_checks"); p && p->is_array() && !p->as_array().empty() &&
                                                                   p->as_array().back().is_object())
                 reopened = doc_text(&p->as_array().back().as_object(), "result_at");
               std::int64_t counted = 0;
               bool fresh = reopened.empty();
               std::string pending;
               for (const auto& row : actions_of(tx, a.org_id, id)) {
                 auto doc = stored::parse_object(row.doc);
                 auto state = doc_text(&doc, "status");
                 if (state == "cancelled") continue;
                 ++counted;
                 fresh = fresh || row.created_at > reopened;
                 if (state != "done") pending += (pending.empty() ? "" : ", ") + row.id;
               }
               if (counted && !fresh)
                 return make_error(errc::conflict, "The last effectiveness check of nonconformity " + id +
                                                       " found its corrective actions not effective: record a new corrective "
                                                       "action and carry it out before the next check.");
               if (!counted)
                 return make_error(errc::conflict, "Nonconformity " + id +
                                                       " has no corrective action yet: record at least one and carry it out "
                                                       "before its effectiveness is checked.");
               if (!pending.empty())
                 return make_error(errc::conflict, "The corrective actions " + pending + " of nonconformity " + id +
                                                       " are not done yet; their effectiveness is checked once they are.");
               auto c = signed_by(a, now);
               c["criterion"] = *criterion;
               c["due_date"] = *due;
               c["verifier"] = *verifier;
               c["result"] = nullptr;
               after["effectiveness_check"] = std::move(c);
               after["status"] = "verifying";
               return ok();
             });
}

result<records::Versioned> NcService::record_result(const Actor& a, const std::string& id, const json::value& body,
                                                    const std::optional<std::string>& if_match) {
  static const Step step{"effectiveness_result", Action::approve, "record the result of effectiveness checks",
                         {"result", "reason"}, {"effectiveness_check", "earlier_checks", "status"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx&, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string& now) -> status {
               const auto* check = object_at(before, "effectiveness_check");
               if (auto s = at_step(before, id, {"verifying"}, "the result of the effectiveness check",
                                    "once the check is scheduled");
                   !s)
                 return s;
               if (!check || !doc_text(check, "result").empty())
                 return make_error(errc::conflict, "The effectiveness check of nonconformity " + id +
                                                       " has its result already; close the nonconformity.");
               if (doc_text(check, "verifier") != a.user_id)
                 return make_error(errc::forbidden, "Only the verifier named in the effectiveness check of nonconformity " + id +
                                                        " records its result.");
               auto result = r.choice("result", {"effective", "not_effective"});
               if (!r.has("result")) r.error("result", "is required: effective or not_effective");
               auto reason = r.text("reason", 4000, true);
               if (result && *result == "not_effective" && (!reason || reason->empty()))
                 r.error("reason", "is required when the actions were not effective: say what was seen");
               if (!r.ok()) return r.failure("The result is not valid.");
               auto done = *check;
               done["result"] = *result;
               done["reason"] = reason && !reason->empty() ? json::value(*reason) : json::value(nullptr);
               done["result_by"] = a.email;
               done["result_by_id"] = a.user_id;
               done["result_at"] = now;
               if (*result == "effective") {
                 after["effectiveness_check"] = std::move(done);
               } else {
                 json::array earlier = before.contains("earlier_checks") && before.at("earlier_checks").is_array()
                                           ? before.at("earlier_checks").as_array()
                                           : json::array{};
                 earlier.push_back(std::move(done));
                 after["earlier_checks"] = std::move(earlier);
                 after["effectiveness_check"] = nullptr;
                 after["status"] = "actions_planned";
               }
               return ok();
             });
}

result<records::Versioned> NcService::close(const Actor& a, const std::string& id, const json::value& body,
                                            const std::optional<std::string>& if_match) {
  static const Step step{"close", Action::write_record, "close nonconformities", {}, {"status", "closed_on"}};
  return run(store_, clock_, a, id, body, if_match, step,
             [&](store::WriteTx&, input::Reader& r, const store::RecordRow&, const json::object& before, json::object& after,
                 const std::string&) -> status {
               const auto* check = object_at(before, "effectiveness_check");
               auto state = doc_text(&before, "status");
               if (state == "closed") return make_error(errc::conflict, "Nonconformity " + id + " is closed already.");
               if (state != "verifying" || !check || doc_text(check, "result") != "effective")
                 return make_error(errc::conflict,
                                   "Nonconformity " + id + " cannot be closed before an effectiveness check found its corrective "
                                   "actions effective" + (state == "verifying" ? std::string(" (the check has no result yet)")
                                                                               : " (it is " + state + ")") + ".");
               if (!r.ok()) return r.failure("The body is not valid.");
               after["status"] = "closed";
               after["closed_on"] = today(clock_);
               return ok();
             });
}

result<json::object> NcService::summary(const Actor& a) {
  if (auto st = records::require(a, Action::read, "read nonconformities"); !st) return st.error();
  const auto day = today(clock_);
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto query = [&](const records::KindSpec& k) {
      store::RecordQuery q;
      q.org_id = a.org_id;
      q.kind = k.kind;
      q.parent_id = "";
      q.ref = "";  // not archived
      q.limit = 1;
      return q;
    };
    auto open = query(nonconformity_kind());
    open.filters = {{FacetSlot::text1, {"open", "contained", "analysed", "actions_planned", "verifying"}}};
    out["open"] = tx.query_records(open).total;
    auto overdue = query(nonconformity_kind());
    overdue.below = std::make_pair(kOpenDueSlot, day);
    out["overdue"] = tx.query_records(overdue).total;
    auto actions = query(corrective_action_kind());
    actions.below = std::make_pair(kOpenDueSlot, day);
    out["overdue_actions"] = tx.query_records(actions).total;
    // Checks due: scheduled, without a result, due today or before (the NCs being verified are few).
    auto verifying = query(nonconformity_kind());
    verifying.filters = {{FacetSlot::text1, {"verifying"}}};
    verifying.limit = 0;
    verifying.count = false;
    std::int64_t due = 0;
    for (const auto& row : tx.query_records(verifying).items) {
      auto doc = stored::parse_object(row.doc);
      const auto* check = object_at(doc, "effectiveness_check");
      if (check && doc_text(check, "result").empty() && !doc_text(check, "due_date").empty() && doc_text(check, "due_date") <= day)
        ++due;
    }
    out["checks_due"] = due;
    return ok();
  });
  if (!st) return st.error();
  dashboard::describe_card(out, "Nonconformities", "/nonconformities",
                           {{"open", "open nonconformities", out["open"].as_int64(), "/nonconformities", false},
                            {"overdue", "nonconformities overdue", out["overdue"].as_int64(), "/nonconformities?overdue=true", true},
                            {"overdue_actions", "corrective actions overdue", out["overdue_actions"].as_int64(),
                             "/corrective-actions", true},
                            {"checks_due", "effectiveness checks due", out["checks_due"].as_int64(),
                             "/nonconformities?status=verifying", true}});
  return out;
}

}  // namespace aims::nonconformity
