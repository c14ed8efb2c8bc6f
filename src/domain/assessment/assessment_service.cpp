#include "domain/assessment/assessment_service.hpp"

#include <algorithm>
#include <functional>

#include "core/crypto.hpp"
#include "core/date.hpp"
#include "core/json_text.hpp"
#include "domain/actions/action_index.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/assessment/roadmap.hpp"
#include "domain/assessment/scoring.hpp"
#include "domain/assessment/suggestions.hpp"
#include "domain/common/input.hpp"
#include "domain/evidence/linked_evidence.hpp"
#include "domain/inventory/system_service.hpp"
#include "domain/records/versions.hpp"
#include "domain/soa/soa_rules.hpp"
#include "core/json_members.hpp"

namespace aims::assessment {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;

struct AssessmentService::Loaded {
  store::RecordRow row;
  json::object doc;
  std::vector<store::RecordRow> answer_rows;
  std::vector<ScopeItem> items;
  std::map<std::string, Score> scores;
  std::map<std::string, json::object> answer_docs;
  std::vector<store::RecordRow> action_rows;  // the stored roadmap's actions (read with the answers)
  std::map<std::string, std::string> excluded;  // controls the SoA excludes, with why (read with the answers)
  std::map<std::string, json::array> evidence;  // evidence linked to each item's control (with_evidence only)
};

namespace {

status require(const Actor& a, Action action, std::string_view what) {
  if (accounts::allowed(a.role, action)) return ok();
  return make_error(errc::forbidden,
                    "Your role (" + std::string(accounts::role_name(a.role)) + ") may not " + std::string(what) + ".");
}

Error not_found(const std::string& id) { return make_error(errc::not_found, "No assessment " + id + " in this organization."); }

json::object parse(const std::string& s) { return json::parse(s).as_object(); }

bool is_answered(const json::object& d) {
  auto m = d.if_contains("maturity");
  auto na = d.if_contains("not_applicable");
  return (m && m->is_int64()) || (na && na->is_bool() && na->as_bool());
}

/// The link target of an answer's evidence: the item's catalog entry, which the next assessment,
/// the suggestions and the auditor package see as well.
std::string evidence_target(const std::string& item_id) { return "catalog_item:iso42001:" + item_id; }

json::object answer_json(const catalog::Item& item, const json::object* doc, std::int64_t version, json::array evidence) {
  json::object o{{"item_id", item.id},
                 {"kind", item.kind},
                 {"title", item.title},
                 {"parent", item.parent ? json::value(*item.parent) : json::value(nullptr)},
                 {"version", version}};
  if (doc) {
    o["answered"] = is_answered(*doc);
    for (auto k : {"maturity", "not_applicable", "justification", "notes", "owner", "skipped", "suggestion",
                   "updated_at", "updated_by"})
      if (auto p = doc->if_contains(k)) o[k] = *p;
  } else {
    o["answered"] = false;
    o["maturity"] = nullptr;
    o["not_applicable"] = false;
    o["justification"] = "";
    o["notes"] = "";
    o["owner"] = "";
    o["skipped"] = false;
  }
  o["evidence"] = std::move(evidence);
  return o;
}

}  // namespace

result<AssessmentService::Loaded> AssessmentService::load(const Actor& a, const std::string& id, bool with_answers,
                                                          bool with_evidence) {
  Loaded l;
  bool found = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto r = tx.find_assessment(a.org_id, id);
    if (!r) return ok();
    found = true;
    l.row = std::move(*r);
    if (with_answers) {
      l.answer_rows = tx.list_answers(a.org_id, id);
      l.action_rows = tx.list_roadmap_actions(a.org_id, id);
      l.excluded = soa::exclusions(tx, a.org_id);
      if (with_evidence)
        for (const auto& si : scope(cat_, string_at(parse(l.row.doc), "approach")))
          l.evidence[si.item->id] = evidence::linked_evidence(tx, a.org_id, evidence_target(si.item->id));
    }
    return ok();
  });
  if (!st) return st.error();
  if (!found) return not_found(id);
  l.doc = parse(l.row.doc);
  l.items = scope(cat_, string_at(l.doc, "approach"));
  for (const auto& r : l.answer_rows) {
    auto d = parse(r.doc);
    Score s;
    if (auto m = d.if_contains("maturity"); m && m->is_int64()) s.maturity = static_cast<int>(m->as_int64());
    if (auto na = d.if_contains("not_applicable"); na && na->is_bool()) s.not_applicable = na->as_bool();
    l.scores[r.id] = s;
    l.answer_docs[r.id] = std::move(d);
  }
  return l;
}

std::string AssessmentService::assessment_json(const json::object& doc, const std::vector<store::RecordRow>& answers) const {
  json::object o = doc;
  o.erase("roadmap");  // internal: the roadmap's settings are served with the roadmap
  auto items = scope(cat_, string_at(doc, "approach"));
  int answered = 0;
  for (const auto& r : answers)
    if (is_answered(parse(r.doc))) ++answered;
  o["item_count"] = items.size();
  o["answered_count"] = answered;
  return json::serialize(o);
}

result<Versioned> AssessmentService::create(const Actor& a, const json::value& body) {
  if (auto st = require(a, Action::write_record, "start assessments"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name", "approach", "target_maturity", "owner", "assessment_date"},
                   {"id", "status", "version", "item_count", "answered_count", "created_at", "updated_at"});
  auto name = in.text("name", 200, false, true);
  auto approach = in.choice("approach", {"clauses", "annex_a", "both"});
  auto target = in.integer("target_maturity", 1, 5);
  auto owner = in.text("owner", 200);
  auto date = in.date("assessment_date");
  if (!in.ok()) return in.failure("The assessment is not valid.");
  auto now = clock_.now_text();
  json::object doc{{"id", ids_.next("asm")},
                   {"name", *name},
                   {"approach", approach.value_or("both")},
                   {"target_maturity", target.value_or(3)},
                   {"owner", owner.value_or("")},
                   {"assessment_date", date.value_or(format_date(date_of(clock_.now())))},
                   {"status", "in_progress"},
                   {"version", 1},
                   {"created_at", now},
                   {"updated_at", now},
                   {"created_by", a.email},
                   {"updated_by", a.email}};
  store::RecordRow row{"", a.org_id, "", std::string(doc.at("id").as_string()), 1, 0, "", now, now, json::serialize(doc)};
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    if (auto s = tx.insert_assessment(row); !s) return s;
    store::HistoryRow h{a.org_id, "assessment", row.id, 1, now, a.email, "create", "[]"};
    return tx.insert_history(h);
  });
  if (!st) return st.error();
  return Versioned{1, assessment_json(doc, {})};
}

result<std::string> AssessmentService::list(const Actor& a, const std::optional<std::string>& limit,
                                            const std::optional<std::string>& cursor) {
  auto lim = inventory::parse_limit(limit);
  if (!lim) return lim.error();
  std::optional<std::pair<std::string, std::string>> before;
  if (cursor) {
    std::string raw;
    boost::system::error_code ec;
    json::value v;
    if (crypto::base64url_decode(*cursor, raw)) v = json::parse(raw, ec);
    if (ec || !v.is_object() || !v.as_object().contains("c") || !v.as_object().contains("i") || !v.at("c").is_string() ||
        !v.at("i").is_string())
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
    before = std::make_pair(std::string(v.at("c").as_string()), std::string(v.at("i").as_string()));
  }
  std::vector<store::RecordRow> rows;
  std::vector<std::vector<store::RecordRow>> answers;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    rows = tx.list_assessments(a.org_id, *lim + 1, before);
    if (static_cast<int>(rows.size()) > *lim) rows.resize(static_cast<std::size_t>(*lim) + 1);
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < *lim; ++i)
      answers.push_back(tx.list_answers(a.org_id, rows[i].id));
    return ok();
  });
  if (!st) return st.error();
  bool more = static_cast<int>(rows.size()) > *lim;
  if (more) rows.pop_back();
  std::string out = R"({"items":[)";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i) out += ',';
    out += assessment_json(parse(rows[i].doc), answers[i]);
  }
  out += ']';
  if (more && !rows.empty())
    out += R"(,"next":)" + json::serialize(json::value(crypto::base64url_encode(
                               json::serialize(json::object{{"c", rows.back().created_at}, {"i", rows.back().id}}))));
  out += '}';
  return out;
}

result<Versioned> AssessmentService::get(const Actor& a, const std::string& id) {
  auto l = load(a, id, true);
  if (!l) return l.error();
  return Versioned{l->row.version, assessment_json(l->doc, l->answer_rows)};
}

result<Versioned> AssessmentService::update(const Actor& a, const std::string& id, const json::value& body,
                                            const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change assessments"); !st) return st.error();
  if (auto l = load(a, id, false); !l) return l.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"name", "target_maturity", "owner", "assessment_date", "status"},
                   {"id", "approach", "version", "item_count", "answered_count", "created_at", "updated_at"});
  auto name = in.text("name", 200, false, in.has("name"));
  auto target = in.integer("target_maturity", 1, 5);
  auto owner = in.text("owner", 200);
  auto date = in.date("assessment_date");
  auto status_v = in.choice("status", {"in_progress", "completed"});
  if (!in.ok()) return in.failure("The change is not valid.");
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_assessment(a.org_id, id);
    if (!row) return not_found(id);
    if (auto s = records::check_version(if_match, row->version, true, "This assessment"); !s) return s;
    auto doc = parse(row->doc);
    if (name) doc["name"] = *name;
    if (target) doc["target_maturity"] = *target;
    if (owner) doc["owner"] = *owner;
    if (date) doc["assessment_date"] = *date;
    if (status_v) doc["status"] = *status_v;
    auto now = clock_.now_text();
    auto next = records::next_version(*row, doc, now, a.email);
    if (auto s = tx.update_assessment(next, row->version); !s) return s;
    store::HistoryRow h{a.org_id, "assessment", id, next.version, now, a.email, "update", json::serialize(body)};
    if (auto s = tx.insert_history(h); !s) return s;
    out = Versioned{next.version, assessment_json(doc, tx.list_answers(a.org_id, id))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> AssessmentService::answers(const Actor& a, const std::string& id) {
  auto l = load(a, id, true, true);
  if (!l) return l.error();
  json::array items;
  int answered = 0;
  std::map<std::string, std::int64_t> versions;
  for (const auto& r : l->answer_rows) versions[r.id] = r.version;
  for (const auto& si : l->items) {
    auto d = l->answer_docs.find(si.item->id);
    const json::object* doc = d == l->answer_docs.end() ? nullptr : &d->second;
    if (doc && is_answered(*doc)) ++answered;
    items.push_back(answer_json(*si.item, doc, doc ? versions[si.item->id] : 0, l->evidence[si.item->id]));
  }
  return json::serialize(json::object{{"items", std::move(items)}, {"answered", answered}, {"total", l->items.size()}});
}

result<Versioned> AssessmentService::answer(const Actor& a, const std::string& id, const std::string& item_id) {
  auto l = load(a, id, true, true);
  if (!l) return l.error();
  for (const auto& si : l->items)
    if (si.item->id == item_id) {
      std::int64_t version = 0;
      for (const auto& r : l->answer_rows)
        if (r.id == item_id) version = r.version;
      auto d = l->answer_docs.find(item_id);
      return Versioned{version, json::serialize(answer_json(*si.item, d == l->answer_docs.end() ? nullptr : &d->second,
                                                            version, l->evidence[item_id]))};
    }
  return make_error(errc::not_found, "Item " + item_id + " is not in the scope of this assessment.");
}

result<Versioned> AssessmentService::put_answer(const Actor& a, const std::string& id, const std::string& item_id,
                                                const json::value& body, const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "answer assessments"); !st) return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  const catalog::Item* item = nullptr;
  input::Reader in(body.as_object(),
                   {"maturity", "not_applicable", "justification", "notes", "evidence", "owner", "skipped", "from_suggestion"},
                   {"item_id", "kind", "title", "parent", "answered", "version", "suggestion", "updated_at", "updated_by"});
  bool maturity_null = false;
  auto maturity = in.integer("maturity", 0, 5, true, &maturity_null);
  auto na = in.boolean("not_applicable").value_or(false);
  auto justification = in.text("justification", 4000, true).value_or("");
  auto notes = in.text("notes", 4000, true).value_or("");
  auto evidence_ids = in.list("evidence", 50, 100).value_or(std::vector<std::string>{});  // evidence ids, linked
  auto owner = in.text("owner", 200).value_or("");
  auto skipped = in.boolean("skipped").value_or(false);
  auto from_suggestion = in.boolean("from_suggestion").value_or(false);
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_assessment(a.org_id, id);
    if (!row) return not_found(id);
    auto doc = parse(row->doc);
    for (const auto& si : scope(cat_, string_at(doc, "approach")))
      if (si.item->id == item_id) item = si.item;
    if (!item) return make_error(errc::not_found, "Item " + item_id + " is not in the scope of this assessment.");
    if (string_at(doc, "status") == "completed")
      return make_error(errc::conflict, "This assessment is completed; reopen it (status in_progress) to change answers.");
    // Accepting a suggestion: the level is the suggested one, and the answer keeps its basis.
    std::optional<Suggestion> suggested;
    if (from_suggestion) {
      suggested = suggest_item(tx, a.org_id, item_id);
      if (!suggested)
        in.error("from_suggestion", "there is no suggestion for item " + item_id + " now; choose a level yourself");
      else if (na || skipped)
        in.error("from_suggestion", "a suggestion gives a maturity level; it cannot be accepted as not applicable or skipped");
      else if (maturity && *maturity != suggested->level)
        in.error("maturity", "the suggested level is " + std::to_string(suggested->level) +
                                 "; send that level or leave from_suggestion out");
      else
        maturity = suggested->level;
    }
    if (na && item->kind == "clause")
      in.error("not_applicable", "clauses 4 to 10 are all required for certification and cannot be not applicable");
    if (na && justification.empty()) in.error("justification", "a control marked not applicable needs a justification");
    bool maturity_invalid = in.has("maturity") && !maturity && !maturity_null;  // already reported
    if (!na && !skipped && !maturity && !maturity_invalid)
      in.error("maturity", "choose a maturity level from 0 to 5, or skip the item");
    if (na && maturity) in.error("maturity", "a not-applicable control has no maturity level");
    for (auto& e : evidence::unknown_evidence(tx, a.org_id, evidence_ids, "evidence")) in.error(e.field, e.message);
    if (!in.ok()) return in.failure("The answer is not valid.");
    auto existing = tx.find_answer(a.org_id, id, item_id);
    std::int64_t version = existing ? existing->version : 0;
    if (auto s = records::check_version(if_match, version, false, "This answer"); !s) return s;
    auto now = clock_.now_text();
    json::object ans{{"item_id", item_id},
                     {"maturity", maturity ? json::value(*maturity) : json::value(nullptr)},
                     {"not_applicable", na},
                     {"justification", justification},
                     {"notes", notes},
                     {"owner", owner},
                     {"skipped", skipped && !maturity && !na},
                     {"updated_at", now},
                     {"updated_by", a.email}};
    if (suggested) ans["suggestion"] = suggestion_json(*suggested);
    store::RecordRow r{"", a.org_id, id, item_id, version + 1, 0, "", existing ? existing->created_at : now, now, json::serialize(ans)};
    if (auto s = tx.put_answer(r, version); !s) return s;
    store::HistoryRow h{a.org_id, "answer", id + "/" + item_id, r.version, now, a.email, version ? "update" : "create",
                        json::serialize(ans)};
    if (auto s = tx.insert_history(h); !s) return s;
    auto target = evidence::parse_target(evidence_target(item_id));
    if (auto s = evidence::link_all(tx, cat_, a, evidence_ids, *target, now); !s) return s;
    out = Versioned{r.version, json::serialize(answer_json(*item, &ans, r.version,
                                                           evidence::linked_evidence(tx, a.org_id, target->key)))};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> AssessmentService::results(const Actor& a, const std::string& id) {
  auto l = load(a, id, true);
  if (!l) return l.error();
  int target = static_cast<int>(l->doc.at("target_maturity").as_int64());
  return to_json_text(assessment::results(cat_, l->items, l->scores, target, id));
}

result<std::string> AssessmentService::suggestions(const Actor& a, const std::string& id) {
  auto l = load(a, id, false);
  if (!l) return l.error();
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& s : suggest(tx, a.org_id, l->items)) items.push_back(suggestion_json(s));
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"assessment_id", id}, {"items", std::move(items)}, {"rules", rules_json()}});
}

result<std::string> AssessmentService::compare(const Actor& a, const std::string& id, const std::string& other_id) {
  auto to = load(a, id, true);
  if (!to) return to.error();
  auto from = load(a, other_id, true);
  if (!from) return from.error();
  auto mean = [](const Loaded& l) -> std::optional<double> {
    int n = 0, sum = 0;
    for (const auto& si : l.items) {
      auto s = l.scores.find(si.item->id);
      if (s != l.scores.end() && s->second.not_applicable) continue;
      ++n;
      if (s != l.scores.end() && s->second.maturity) sum += *s->second.maturity;
    }
    if (!n) return std::nullopt;
    return std::round(100.0 * sum / n) / 100.0;
  };
  auto level = [](const Loaded& l, const std::string& item) -> json::value {
    auto s = l.scores.find(item);
    if (s == l.scores.end() || !s->second.maturity) return nullptr;
    return *s->second.maturity;
  };
  json::array items;
  const auto* fw = cat_.framework("iso42001");
  for (const auto& it : fw->items) {
    if (!it.leaf || (it.kind != "clause" && it.kind != "control")) continue;
    bool in_to = std::any_of(to->items.begin(), to->items.end(), [&](const ScopeItem& s) { return s.item == &it; });
    bool in_from = std::any_of(from->items.begin(), from->items.end(), [&](const ScopeItem& s) { return s.item == &it; });
    if (!in_to && !in_from) continue;
    auto f = level(*from, it.id), t = level(*to, it.id);
    json::value delta = (f.is_int64() && t.is_int64()) ? json::value(t.as_int64() - f.as_int64()) : json::value(nullptr);
    items.push_back(json::object{{"item_id", it.id}, {"title", it.title}, {"from", f}, {"to", t}, {"delta", delta}});
  }
  auto mf = mean(*from), mt = mean(*to);
  json::object overall{{"from", mf ? json::value(*mf) : json::value(nullptr)},
                       {"to", mt ? json::value(*mt) : json::value(nullptr)},
                       {"delta", (mf && mt) ? json::value(std::round(100.0 * (*mt - *mf)) / 100.0) : json::value(nullptr)}};
  return to_json_text(json::object{{"from", other_id}, {"to", id}, {"overall", overall}, {"items", std::move(items)}});
}

json::array AssessmentService::plan_actions(const Loaded& l, Date start, int capacity, json::array& left_out) const {
  int target = static_cast<int>(l.doc.at("target_maturity").as_int64());
  std::map<std::string, std::string> owners;
  for (const auto& [item, d] : l.answer_docs) owners[item] = string_at(d, "owner");
  auto gap_list = gaps(l.items, l.scores, target);
  left_out = leave_out_excluded(gap_list, l.excluded);
  json::array out;
  for (const auto& act : plan(cat_, gap_list, start, capacity, owners, string_at(l.doc, "owner")))
    out.push_back(action_json(act, 1));
  return out;
}

namespace {

/// The roadmap as every roadmap answer shows it; `saved` is false for a preview never stored.
/// `coverage` is how much of the assessment is answered now; `excluded` what the plan left out.
std::string roadmap_text(const std::string& id, const json::value& start, const json::value& capacity,
                         const json::value& generated_at, json::array actions, bool saved, json::object coverage,
                         json::value excluded, json::value regeneration = nullptr) {
  auto phases = phases_json(actions);
  json::object o{{"assessment_id", id},
                 {"start_date", start},
                 {"capacity", capacity},
                 {"generated_at", generated_at},
                 {"saved", saved},
                 {"coverage", std::move(coverage)},
                 {"excluded", excluded.is_array() ? std::move(excluded) : json::value(json::array())},
                 {"actions", std::move(actions)},
                 {"phases", std::move(phases)}};
  // Said only when there is something to say: no edits, nothing kept or dropped.
  if (regeneration.is_object() && (!regeneration.at("kept").as_array().empty() || !regeneration.at("dropped").as_array().empty()))
    o["regeneration"] = std::move(regeneration);
  return json::serialize(o);
}

}  // namespace

status AssessmentService::write_roadmap(store::WriteTx& tx, const Actor& a, const Loaded& l, Date start, int capacity,
                                        std::string& out) {
  json::array left_out;
  auto arr = plan_actions(l, start, capacity, left_out);
  // The user's edits of the previous roadmap's actions survive, or are named as dropped.
  std::vector<json::object> prior_actions;
  for (const auto& r : l.action_rows) prior_actions.push_back(parse(r.doc));
  auto regeneration = keep_edits(prior_actions, arr, [&](const std::string& item) -> std::string {
    if (auto x = l.excluded.find(item); x != l.excluded.end()) return item + " excluded in the SoA: " + x->second;
    return "the assessment shows no gap for " + item + " any more";
  });
  auto now = clock_.now_text();
  std::vector<store::RecordRow> rows;
  for (std::size_t i = 0; i < arr.size(); ++i)
    rows.push_back(store::RecordRow{"", a.org_id, l.row.id, string_at(arr[i].as_object(), "id"), arr[i].at("version").as_int64(),
                                    static_cast<std::int64_t>(i), "", now, now, json::serialize(arr[i])});
  if (auto s = tx.replace_roadmap_actions(a.org_id, l.row.id, rows); !s) return s;
  if (auto s = actions::index_roadmap(tx, a.org_id, l.row.id, rows); !s) return s;  // docs/actions.md
  // The roadmap's own settings live in the assessment document.
  auto doc = l.doc;
  doc["roadmap"] = json::object{
      {"start_date", format_date(start)}, {"capacity", capacity}, {"generated_at", now}, {"excluded", left_out}};
  store::RecordRow next = l.row;
  next.doc = json::serialize(doc);
  if (auto s = tx.update_assessment(next, l.row.version); !s) return s;
  out = roadmap_text(l.row.id, json::value(format_date(start)), capacity, json::value(now), std::move(arr), true,
                     coverage_json(l.items, l.scores), std::move(left_out), regeneration);
  auto previous = tx.list_history(a.org_id, "roadmap", l.row.id, 1, std::nullopt);
  std::int64_t n = previous.empty() ? 1 : previous.front().version + 1;
  store::HistoryRow h{a.org_id, "roadmap", l.row.id, n, now, a.email, "generate",
                      json::serialize(json::object{{"start_date", format_date(start)}, {"capacity", capacity}})};
  return tx.insert_history(h);
}

result<std::string> AssessmentService::roadmap(const Actor& a, const std::string& id) {
  auto l = load(a, id, true);  // one snapshot of the assessment, its answers and its roadmap; nothing is written
  if (!l) return l.error();
  auto settings = l->doc.if_contains("roadmap");
  if (!settings || !settings->is_object()) {
    json::array left_out;
    auto arr = plan_actions(*l, date_of(clock_.now()), 2, left_out);
    return roadmap_text(id, json::value(format_date(date_of(clock_.now()))), 2, nullptr, std::move(arr), false,
                        coverage_json(l->items, l->scores), std::move(left_out));
  }
  json::array arr;
  for (const auto& r : l->action_rows) arr.push_back(json::parse(r.doc));
  const auto& s = settings->as_object();
  auto excluded = s.if_contains("excluded");  // roadmaps generated before exclusions were listed have none
  return roadmap_text(id, s.at("start_date"), s.at("capacity"), s.at("generated_at"), std::move(arr), true,
                      coverage_json(l->items, l->scores), excluded ? *excluded : json::value(nullptr));
}

result<std::string> AssessmentService::generate_roadmap(const Actor& a, const std::string& id, const json::value& body) {
  if (auto st = require(a, Action::write_record, "generate roadmaps"); !st) return st.error();
  auto l = load(a, id, true);
  if (!l) return l.error();
  // Regenerating replaces the edits of the stored roadmap's actions: managers and admins only.
  if (l->doc.contains("roadmap"))
    if (auto st = require(a, Action::approve, "regenerate a roadmap, which replaces the edits of its actions"); !st)
      return st.error();
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"start_date", "capacity"});
  auto start = in.date("start_date");
  auto capacity = in.integer("capacity", 1, 20);
  if (!in.ok()) return in.failure("The roadmap settings are not valid.");
  std::string out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_assessment(a.org_id, id);
    if (!row) return not_found(id);
    // The plan was made from one read; what it rests on (the assessment, the actions whose edits
    // it keeps, the SoA's exclusions) must be unchanged when it is stored.
    auto actions = tx.list_roadmap_actions(a.org_id, id);
    bool same_actions = std::equal(actions.begin(), actions.end(), l->action_rows.begin(), l->action_rows.end(),
                                   [](const auto& x, const auto& y) { return x.id == y.id && x.version == y.version; });
    if (row->version != l->row.version || row->doc != l->row.doc || !same_actions || soa::exclusions(tx, a.org_id) != l->excluded)
      return make_error(errc::conflict, "The assessment changed while the roadmap was planned; try again.");
    return write_roadmap(tx, a, *l, start ? *parse_date(*start) : date_of(clock_.now()), capacity.value_or(2), out);
  });
  if (!st) return st.error();
  return out;
}

result<Versioned> AssessmentService::update_action(const Actor& a, const std::string& id, const std::string& action_id,
                                                   const json::value& body, const std::optional<std::string>& if_match) {
  if (auto st = require(a, Action::write_record, "change roadmap actions"); !st) return st.error();
  bool action_exists = false, generated = false;
  auto found = store_.read([&](store::ReadTx& tx) -> status {
    auto row = tx.find_assessment(a.org_id, id);
    if (!row) return not_found(id);
    generated = parse(row->doc).contains("roadmap");
    for (const auto& r : tx.list_roadmap_actions(a.org_id, id)) action_exists |= r.id == action_id;
    return ok();
  });
  if (!found) return found.error();
  if (!generated)
    return make_error(errc::not_found, "The roadmap of assessment " + id +
                                           " was not generated yet; generate it (POST its roadmap) before editing its actions.");
  if (!action_exists) return make_error(errc::not_found, "No action " + action_id + " in this roadmap.");
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"title", "owner", "effort", "depends_on", "phase", "start_date", "target_date", "status"},
                   {"id", "item_id", "suggested_action", "version", "edited"});
  auto title = in.text("title", 300, false, in.has("title"));
  auto owner = in.text("owner", 200);
  auto effort = in.choice("effort", {"S", "M", "L"});
  auto deps = in.list("depends_on", 100, 100);
  auto phase = in.integer("phase", 1, 3);
  auto start = in.date("start_date");
  auto target = in.date("target_date");
  auto status_v = in.choice("status", {"open", "in_progress", "done"});
  if (!in.ok()) return in.failure("The change is not valid.");
  Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    if (!tx.find_assessment(a.org_id, id)) return not_found(id);
    auto all = tx.list_roadmap_actions(a.org_id, id);
    auto it = std::find_if(all.begin(), all.end(), [&](const store::RecordRow& r) { return r.id == action_id; });
    if (it == all.end()) return make_error(errc::not_found, "No action " + action_id + " in this roadmap.");
    if (auto s = records::check_version(if_match, it->version, true, "This action"); !s) return s;
    auto doc = parse(it->doc);
    if (deps)
      for (const auto& d : *deps)
        if (d == action_id || std::none_of(all.begin(), all.end(), [&](const store::RecordRow& r) { return r.id == d; }))
          in.error("depends_on", "'" + d + "' is not another action of this roadmap");
    std::string s_date = start.value_or(string_at(doc, "start_date")), t_date = target.value_or(string_at(doc, "target_date"));
    if (t_date < s_date) in.error("target_date", "must not be before the start date");
    // The plan stays consistent: no cycle of prerequisites, nothing starts before what it needs ends.
    std::map<std::string, json::object> docs;
    for (const auto& r : all) docs[r.id] = parse(r.doc);
    std::vector<std::string> my_deps = deps ? *deps : input::from_array(doc.at("depends_on"));
    docs[action_id]["depends_on"] = input::to_array(my_deps);
    std::map<std::string, int> mark;  // 0 unvisited, 1 on the path, 2 done
    std::function<bool(const std::string&)> cyclic = [&](const std::string& n) {
      if (mark[n] == 1) return true;
      if (mark[n] == 2) return false;
      mark[n] = 1;
      for (const auto& d : input::from_array(docs[n].at("depends_on")))
        if (docs.count(d) && cyclic(d)) return true;
      mark[n] = 2;
      return false;
    };
    bool cycle = cyclic(action_id);
    if (cycle) in.error("depends_on", "would make a cycle of prerequisites");
    for (const auto& d : cycle ? std::vector<std::string>{} : my_deps)
      if (auto p = docs.find(d); p != docs.end() && d != action_id && string_at(p->second, "target_date") > s_date)
        in.error("start_date", "starts before its prerequisite " + d + " ends (" + string_at(p->second, "target_date") + ")");
    for (const auto& [other, od] : docs)
      if (!cycle && other != action_id && string_at(od, "start_date") < t_date)
        for (const auto& d : input::from_array(od.at("depends_on")))
          if (d == action_id)
            in.error("target_date", "ends after " + other + " starts (" + string_at(od, "start_date") + "), which needs it");
    if (!in.ok()) return in.failure("The change is not valid.");
    // The fields the user changed survive regeneration (roadmap.hpp, keep_edits).
    std::vector<std::string> edited;
    if (auto e = doc.if_contains("edited"); e && e->is_array()) edited = input::from_array(*e);
    auto note_edit = [&](std::string_view f, const json::value& v) {
      if (doc.at(f) != v && std::find(edited.begin(), edited.end(), f) == edited.end()) edited.emplace_back(f);
    };
    if (title) note_edit("title", json::value(*title));
    if (owner) note_edit("owner", json::value(*owner));
    if (effort) note_edit("effort", json::value(*effort));
    if (deps) note_edit("depends_on", input::to_array(*deps));
    if (phase) note_edit("phase", json::value(*phase));
    note_edit("start_date", json::value(s_date));
    note_edit("target_date", json::value(t_date));
    if (status_v) note_edit("status", json::value(*status_v));
    doc["edited"] = input::to_array(edited);
    if (title) doc["title"] = *title;
    if (owner) doc["owner"] = *owner;
    if (effort) doc["effort"] = *effort;
    if (deps) doc["depends_on"] = input::to_array(*deps);
    if (phase) doc["phase"] = *phase;
    doc["start_date"] = s_date;
    doc["target_date"] = t_date;
    if (status_v) doc["status"] = *status_v;
    doc["version"] = it->version + 1;
    store::RecordRow next = *it;
    next.version = it->version + 1;
    next.updated_at = clock_.now_text();
    next.doc = json::serialize(doc);
    if (auto s = tx.update_roadmap_action(next, it->version); !s) return s;
    if (auto s = actions::index_roadmap_action(tx, next); !s) return s;  // docs/actions.md
    store::HistoryRow h{a.org_id, "roadmap_action", id + "/" + action_id, next.version, next.updated_at, a.email, "update",
                        json::serialize(body)};
    if (auto s = tx.insert_history(h); !s) return s;
    out = Versioned{next.version, next.doc};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

}  // namespace aims::assessment
