#include "domain/euact/recheck.hpp"

#include <set>

#include "domain/euact/classifier.hpp"
#include "domain/euact/obligations.hpp"

namespace aims::euact {
namespace json = boost::json;

namespace {

std::string text_of(const json::object& o, std::string_view k) {
  auto p = o.if_contains(k);
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}

std::string quoted_or_none(const std::string& s) { return s.empty() ? "none" : "“" + s + "”"; }

json::object result_of(const json::object& saved) {
  auto r = saved.if_contains("result");
  return r && r->is_object() ? r->as_object() : json::object{};
}

/// "Class: a becomes b." and "Basis: …" when the outcome differs from the saved result.
void class_changes(const Outcome& outcome, const json::object& old_result, json::array& changes) {
  const std::string old_cls = text_of(old_result, "class"), old_basis = text_of(old_result, "basis");
  if (old_cls != outcome.cls) changes.emplace_back("Class: " + old_cls + " becomes " + outcome.cls + ".");
  if (old_basis != outcome.basis)
    changes.emplace_back("Basis: " + quoted_or_none(old_basis) + " becomes " + quoted_or_none(outcome.basis) + ".");
}

}  // namespace

json::value recheck(const Questionnaire& q, const json::object& saved) {
  const std::string from = text_of(saved, "questionnaire_version");
  json::object answers;
  if (auto a = saved.if_contains("answers"); a && a->is_object()) answers = a->as_object();
  if (from == q.version()) {
    // The same questionnaire: only a change of the rules (such as a new class) can give the same
    // answers another class or basis. Obligations follow the answers, not the class.
    auto checked = check_answers(q, answers);
    if (!checked) return nullptr;
    json::array changes;
    class_changes(classify(q, *checked), result_of(saved), changes);
    if (changes.empty()) return nullptr;
    changes.insert(changes.begin(), json::value("The same answers give another result under the current rules."));
    return json::object{{"needed", true},
                        {"questionnaire_version", from},
                        {"current_version", q.version()},
                        {"new_questions", json::array{}},
                        {"removed_answers", json::array{}},
                        {"changes", std::move(changes)}};
  }

  json::array removed;
  json::object known;
  for (const auto& kv : answers) {
    if (q.find(kv.key())) known[kv.key()] = kv.value();
    else removed.emplace_back(kv.key());
  }
  json::array fresh;
  for (const auto* qu : q.asked(known))
    if (!known.contains(qu->id)) fresh.push_back(json::object{{"id", qu->id}, {"text", qu->text}, {"step", qu->step}});

  json::array changes;
  if (!removed.empty())
    changes.emplace_back(std::to_string(removed.size()) + " saved answer(s) belong to questions that were replaced.");
  if (!fresh.empty()) {
    changes.emplace_back(std::to_string(fresh.size()) + " new or changed question(s) need an answer before the result can be "
                         "worked out again.");
  } else if (auto checked = check_answers(q, known); !checked) {
    changes.emplace_back("The saved answers no longer fit the questionnaire: " + checked.error().detail);
  } else {
    // The same answers under the current questionnaire and data.
    auto outcome = classify(q, *checked);
    auto derived = derive_obligations(q.data(), outcome);
    json::object old_result = result_of(saved);
    class_changes(outcome, old_result, changes);
    std::set<std::string> before, now;
    if (auto obs = old_result.if_contains("obligations"); obs && obs->is_array())
      for (const auto& o : obs->as_array())
        if (o.is_object()) before.insert(text_of(o.as_object(), "id"));
    for (const auto& d : derived) {
      now.insert(d.obligation->id);
      if (!before.count(d.obligation->id))
        changes.emplace_back("New obligation: " + d.obligation->article + " (" + d.obligation->title + ").");
    }
    for (const auto& id : before)
      if (!now.count(id)) {
        const auto* ob = q.data().obligation(id);
        changes.emplace_back("No longer an obligation: " + (ob ? ob->article + " (" + ob->title + ")" : id) + ".");
      }
  }
  return json::object{{"needed", !changes.empty()},
                      {"questionnaire_version", from},
                      {"current_version", q.version()},
                      {"new_questions", std::move(fresh)},
                      {"removed_answers", std::move(removed)},
                      {"changes", std::move(changes)}};
}

bool recheck_needed(const Questionnaire& q, const json::object& saved) {
  auto r = recheck(q, saved);
  return r.is_object() && r.as_object().at("needed").as_bool();
}

std::string with_recheck(const Questionnaire& q, const std::string& saved_json) {
  auto doc = json::parse(saved_json).as_object();
  doc["recheck"] = recheck(q, doc);
  return json::serialize(doc);
}

}  // namespace aims::euact
