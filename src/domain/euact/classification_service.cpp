#include "domain/euact/classification_service.hpp"

#include <charconv>

#include "core/text.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/common/input.hpp"
#include "domain/euact/classifier.hpp"
#include "domain/euact/obligations.hpp"
#include "domain/euact/recheck.hpp"
#include "core/json_members.hpp"

namespace aims::euact {
namespace json = boost::json;
using accounts::Actor;

namespace {

Error no_system(const std::string& id) { return make_error(errc::not_found, "No AI system " + id + " in this organization."); }

/// At most `max` code points of UTF-8 text, ending with "…" when cut.
std::string clip(const std::string& s, std::size_t max) {
  if (text::utf8_length(s) <= max) return s;
  std::size_t count = 0, i = 0;
  while (i < s.size() && count < max - 1) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  return s.substr(0, i) + "…";
}

}  // namespace

result<ClassificationView> ClassificationService::get(const Actor& a, const std::string& system_id) {
  std::optional<store::RecordRow> r;
  bool system = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    system = tx.find_system(a.org_id, system_id).has_value();
    if (system) r = tx.find_record(a.org_id, kKind, "", system_id);
    return ok();
  });
  if (!st) return st.error();
  if (!system) return no_system(system_id);
  if (!r) return make_error(errc::not_found, "AI system " + system_id + " has not been classified yet.");
  return ClassificationView{r->version, with_recheck(q_, r->doc)};
}

result<ClassificationView> ClassificationService::put(const Actor& a, const std::string& system_id, const json::value& body,
                                                      const std::optional<std::string>& if_match) {
  if (!accounts::allowed(a.role, accounts::Action::write_record))
    return make_error(errc::forbidden,
                      "Your role (" + std::string(accounts::role_name(a.role)) + ") may not classify AI systems.");
  // The system first: another organization's id answers 404 whatever the body says.
  std::optional<store::SystemRow> sys;
  if (auto st = store_.read([&](store::ReadTx& tx) -> status {
        sys = tx.find_system(a.org_id, system_id);
        return ok();
      });
      !st)
    return st.error();
  if (!sys) return no_system(system_id);
  if (sys->archived) return make_error(errc::conflict, "AI system " + system_id + " is archived; restore it before classifying it.");
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), {"answers", "note"},
                   {"system_id", "version", "result", "classified_at", "classified_by", "questionnaire_version"});
  auto note = in.text("note", 2000, true);
  if (!in.has("answers")) in.error("answers", "is required: an object of question ids and answers");
  if (!in.ok()) return in.failure("The classification is not valid.");
  auto answers = check_answers(q_, body.as_object().at("answers"));
  if (!answers) return answers.error();

  auto outcome = classify(q_, *answers);
  auto derived = derive_obligations(q_.data(), outcome);
  json::object res = to_json(outcome);
  json::array obs;
  for (const auto& d : derived) obs.push_back(to_json(d));
  res["obligations"] = std::move(obs);

  ClassificationView out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto row = tx.find_system(a.org_id, system_id);
    if (!row) return no_system(system_id);
    if (row->archived)
      return make_error(errc::conflict, "AI system " + system_id + " is archived; restore it before classifying it.");
    auto existing = tx.find_record(a.org_id, kKind, "", system_id);
    std::int64_t version = existing ? existing->version : 0;
    auto want = "\"v" + std::to_string(version) + "\"";
    if (existing && !if_match)
      return make_error(errc::precondition_required,
                        "This system has a classification (version " + std::to_string(version) +
                            "); send If-Match with its ETag so that no one else's classification is overwritten.");
    if (if_match && *if_match != want && *if_match != "W/" + want)
      return make_error(errc::precondition_failed,
                        existing ? "The classification was changed by someone else since you read it (now version " +
                                       std::to_string(version) + "); reload and classify again."
                                 : "This system has no classification yet; send no If-Match (or \"v0\").");
    auto now = clock_.now_text();
    json::object doc{{"system_id", system_id},
                     {"version", version + 1},
                     {"questionnaire_version", q_.version()},
                     {"answers", *answers},
                     {"result", res},
                     {"note", note.value_or("")},
                     {"classified_at", now},
                     {"classified_by", a.email}};
    auto text = json::serialize(doc);
    store::RecordRow current{.kind = kKind,
                             .org_id = a.org_id,
                             .id = system_id,
                             .version = version + 1,
                             .ref = outcome.cls,
                             .created_at = existing ? existing->created_at : now,
                             .updated_at = now,
                             .doc = text};
    if (auto s = tx.put_record(current, version); !s) return s;
    store::RecordRow saved{.kind = kVersionKind,
                           .org_id = a.org_id,
                           .parent_id = system_id,
                           .id = std::to_string(version + 1),
                           .version = 1,
                           .position = version + 1,
                           .ref = outcome.cls,
                           .created_at = now,
                           .updated_at = now,
                           .doc = text};
    if (auto s = tx.put_record(saved, 0); !s) return s;
    json::array changes;
    json::object before = existing ? json::parse(existing->doc).as_object() : json::object{};
    json::value before_cls = existing ? before.at("result").at("class") : json::value(nullptr);
    json::value before_basis = existing ? before.at("result").at("basis") : json::value(nullptr);
    if (before_cls != json::value(outcome.cls)) changes.push_back(json::object{{"field", "class"}, {"from", before_cls}, {"to", outcome.cls}});
    if (before_basis != json::value(outcome.basis))
      changes.push_back(json::object{{"field", "basis"}, {"from", before_basis}, {"to", outcome.basis}});
    store::HistoryRow h{a.org_id, kKind, system_id, version + 1, now, a.email, existing ? "reclassify" : "classify",
                        json::serialize(changes)};
    if (auto s = tx.insert_history(h); !s) return s;
    // The inventory's own fields, through its own code path (history, list cache).
    json::object fields{{"eu_ai_act_class", outcome.cls},
                        {"eu_ai_act_basis", clip(outcome.basis, 200)},
                        {"eu_ai_act_rationale", clip(outcome.rationale, 4000)},
                        {"organization_role", outcome.organization_role}};
    if (auto s = systems_.update_in(tx, a, system_id, fields, "classify"); !s) return s.error();
    auto sysdoc = json::parse(row->doc).as_object();
    if (auto s = obligations_.sync(tx, a, system_id, derived, string_at(sysdoc, "owner")); !s) return s;
    out = ClassificationView{version + 1, with_recheck(q_, text)};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> ClassificationService::history(const Actor& a, const std::string& system_id,
                                                   const std::optional<std::string>& limit,
                                                   const std::optional<std::string>& cursor) {
  auto lim = inventory::parse_limit(limit);
  if (!lim) return lim.error();
  std::int64_t before = 0;
  if (cursor) {
    auto [p, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), before);
    if (ec != std::errc() || p != cursor->data() + cursor->size() || before < 2)
      return make_error(errc::bad_request, "The cursor is not valid.", {{"cursor", 0, "is not a cursor of this list"}});
  }
  std::vector<store::RecordRow> rows;
  bool system = false;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    system = tx.find_system(a.org_id, system_id).has_value();
    if (system) rows = tx.list_records({.org_id = a.org_id, .kind = kVersionKind, .parent_id = system_id});
    return ok();
  });
  if (!st) return st.error();
  if (!system) return no_system(system_id);
  json::array items;
  std::optional<std::int64_t> last;
  bool more = false;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {  // newest first
    if (before && it->position >= before) continue;
    if (static_cast<int>(items.size()) == *lim) {
      more = true;
      break;
    }
    items.push_back(json::parse(with_recheck(q_, it->doc)));
    last = it->position;
  }
  json::object out{{"items", std::move(items)}};
  if (more && last) out["next"] = std::to_string(*last);
  return json::serialize(out);
}

}  // namespace aims::euact
