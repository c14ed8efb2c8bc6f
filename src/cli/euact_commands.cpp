// API client commands for the EU AI Act: aims classification questions|get|set|history,
// aims obligations list|update and aims legal-requirement eu-ai-act. They talk to a running
// server with an API token (see api_session.hpp) and print text, or the server's JSON with --json.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/list_command.hpp"
#include "cli/record_cli.hpp"
#include "core/text.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

const std::string kSystemsPath = "/api/v1/systems";
const std::string kObligations = "/api/v1/obligations";
const std::string kQuestionnaire = "/api/v1/eu-ai-act/questionnaire";

std::string classification_path(const std::string& id, std::string_view suffix = {}) {
  return kSystemsPath + "/" + http::encode_segment(id) + "/classification" + std::string(suffix);
}

std::string obligation_path(const std::string& system, const std::string& obligation) {
  return kObligations + "/" + http::encode_segment(system) + "/" + http::encode_segment(obligation);
}

std::string class_label(const std::string& c) {
  if (c == "high_risk") return "high-risk";
  if (c == "high_risk_exempt") return "not high-risk under Art. 6(3)";
  if (c == "gpai_model") return "general-purpose AI model";
  if (c == "gpai_systemic") return "general-purpose AI model with systemic risk";
  if (c == "transparency") return "transparency duties";
  return c;
}

/// "high-risk (Annex III point 4(a))" or "minimal".
std::string class_text(const json::object& result) {
  auto basis = string_of(result, "basis");
  return class_label(string_of(result, "class")) + (basis.empty() ? "" : " (" + basis + ")");
}

std::string joined(const json::value* v, std::string_view sep = ", ") {
  if (!v || !v->is_array()) return "";
  std::string out;
  for (const auto& x : v->get_array())
    if (x.is_string()) out += (out.empty() ? "" : std::string(sep)) + std::string(x.get_string());
  return out;
}

/// The text of one classification: class, basis, role, who and when, rationale, obligations.
void print_classification(const json::object& c) {
  const auto& r = object_at(c, "result");
  print_fields(std::cout, {{"system", string_of(c, "system_id")},
                           {"class", class_label(string_of(r, "class"))},
                           {"basis", string_of(r, "basis")},
                           {"applies from", string_of(r, "applies_from")},
                           {"roles", joined(r.if_contains("roles"))},
                           {"version", std::to_string(int_of(c, "version").value_or(0))},
                           {"classified", string_of(c, "classified_at") + " by " + string_of(c, "classified_by")},
                           {"note", string_of(c, "note")}});
  std::cout << "\n" << string_of(r, "rationale") << "\n";
  if (auto rc = c.if_contains("recheck"); rc && rc->is_object() && bool_of(rc->get_object(), "needed")) {
    const auto from = string_of(rc->get_object(), "questionnaire_version"), now = string_of(rc->get_object(), "current_version");
    if (from == now) std::cout << "\nRe-check needed (questionnaire version " << now << ").\n";
    else std::cout << "\nRe-check needed: answered with questionnaire version " << from << ", now " << now << ".\n";
    if (auto ch = rc->get_object().if_contains("changes"); ch && ch->is_array())
      for (const auto& x : ch->get_array())
        if (x.is_string()) std::cout << "- " << x.get_string() << "\n";
    if (auto nq = rc->get_object().if_contains("new_questions"); nq && nq->is_array())
      for (const auto& x : nq->get_array())
        if (x.is_object()) std::cout << "- new question " << string_of(x.get_object(), "id") << ": " << string_of(x.get_object(), "text") << "\n";
  }
  auto obs = r.if_contains("obligations");
  if (!obs || !obs->is_array() || obs->get_array().empty()) {
    std::cout << "\nNo EU AI Act obligations follow for your role.\n";
    return;
  }
  std::cout << "\n" << obs->get_array().size() << " obligation(s) follow:\n";
  Table t({"obligation", "article", "title", "roles", "applies", "due"});
  t.set_max_width(2, 48);
  for (const auto& o : objects_in(obs->get_array())) {
    t.add_row({string_of(o, "id"), string_of(o, "article"), string_of(o, "title"), joined(o.if_contains("roles")),
               string_of(o, "applies_from"), string_of(o, "due")});
  }
  t.print(std::cout);
}

const json::object* find_question(const json::object& questionnaire, std::string_view id) {
  if (auto qs = questionnaire.if_contains("questions"); qs && qs->is_array())
    for (const auto& q : qs->get_array())
      if (q.is_object() && string_of(q.get_object(), "id") == id) return &q.get_object();
  return nullptr;
}

/// Sets one `ID=VALUE` of --answer, typed by the question: yes/no (true/false), an option, or a
/// comma-separated list of options ("" for none). Unknown ids go to the server as text to judge.
std::optional<std::string> set_answer(json::object& answers, const json::object& questionnaire, std::string_view arg) {
  auto eq = arg.find('=');
  if (eq == std::string_view::npos || text::trim(arg.substr(0, eq)).empty())
    return "--answer takes ID=VALUE, e.g. --answer art5-1-a=no; got '" + std::string(arg) + "'.";
  auto id = text::trim(arg.substr(0, eq));
  auto value = text::trim(arg.substr(eq + 1));
  const auto* q = find_question(questionnaire, id);
  auto type = q ? string_of(*q, "type") : std::string();
  if (type == "yes_no") {
    auto v = text::lower(value);
    if (v == "yes" || v == "true") answers[id] = true;
    else if (v == "no" || v == "false") answers[id] = false;
    else return "--answer " + id + " must be yes or no.";
  } else if (type == "multi_choice") {
    json::array items;
    for (auto& x : text::split_list(value, ',')) items.emplace_back(x);
    answers[id] = std::move(items);
  } else {
    answers[id] = value;
  }
  return std::nullopt;
}

void print_questions(const json::object& q) {
  Table t({"id", "step", "answer", "question"});
  t.set_max_width(3, 80);
  auto qs = q.if_contains("questions");
  if (!qs || !qs->is_array()) return;
  for (const auto& x : objects_in(qs->get_array())) {
    auto type = string_of(x, "type");
    std::string values;
    if (auto opts = x.if_contains("options"); opts && opts->is_array())
      for (const auto& op : opts->get_array())
        if (op.is_object()) values += (values.empty() ? "" : ",") + string_of(op.get_object(), "value");
    std::string answer = type == "yes_no" ? "yes|no" : type == "single_choice" ? "one of " + values : "list of " + values;
    t.add_row({string_of(x, "id"), string_of(x, "step"), answer, string_of(x, "text")});
  }
  t.print(std::cout);
  std::cout << "\nA question is asked only when its condition holds (see --json, show_if). Answer with\n"
               "--answer ID=VALUE: yes or no, one value, or a comma-separated list (empty for none).\n";
}

void register_questions(CLI::App* parent, int& exit_code) {
  register_show_command(parent, exit_code, "questions", "The classification questions with their ids, types and options", kQuestionnaire,
                        print_questions);
}

void register_euact_get(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"get", "Show a system's EU AI Act classification: class, basis, roles, rationale, obligations",
                        "The system's id (sys_…)", [](const std::string& id) { return classification_path(id); },
                        print_classification, "system"});
}

void register_euact_set(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string file, note;
    std::vector<std::string> answers;
  } o;
  auto* cmd = add_id_command(parent, "set", "Classify a system from answers (--answers FILE and/or --answer ID=VALUE)",
                             o, "The system's id (sys_…)", true, "system");
  cmd->add_option("--answers", o.file,
                  "JSON object of answers, or a classification as 'get --json' prints it ('-' for standard input)");
  cmd->add_option("--answer", o.answers, "ID=VALUE, repeatable; applied on top of --answers")->allow_extra_args(false);
  cmd->add_option("--note", o.note, "A note kept with this classification");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object answers;
    if (!o.file.empty()) {
      json::object v;
      if (int rc = read_json_object(o.file, "answers", v)) return rc;
      auto inner = v.if_contains("answers");
      answers = inner && inner->is_object() ? inner->get_object() : v;
    }
    if (!o.answers.empty()) {
      auto questionnaire = api.get_object(kQuestionnaire);
      if (!questionnaire) return kExitFailed;
      for (const auto& a : o.answers)
        if (auto err = set_answer(answers, *questionnaire, a)) return usage_error(*err);
    }
    if (answers.empty()) return usage_error("give the answers with --answers FILE.json or --answer ID=VALUE.");
    // The current version, if any, makes the server refuse the change if someone else re-classifies meanwhile.
    auto history = api.get_object(http::make_target(classification_path(o.id, "/history"), {{"limit", "1"}}));
    if (!history) return kExitFailed;
    NameValues headers;
    if (auto items = history->if_contains("items"); items && items->is_array() && !items->get_array().empty())
      if (auto v = int_of(items->get_array()[0].get_object(), "version")) headers.emplace_back("If-Match", "\"v" + std::to_string(*v) + "\"");
    json::object body{{"answers", std::move(answers)}};
    if (!o.note.empty()) body["note"] = o.note;
    auto r = api.send({"PUT", classification_path(o.id), headers, "application/json", json::serialize(body)});
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& c) {
      const auto& res = object_at(c, "result");
      auto obs = res.if_contains("obligations");
      std::cout << "Classified " << string_of(c, "system_id") << " as " << class_text(res) << " (version "
                << int_of(c, "version").value_or(0) << "); roles: " << joined(res.if_contains("roles")) << "; "
                << (obs && obs->is_array() ? obs->get_array().size() : 0) << " obligation(s) follow.\n";
    });
  }));
}

void register_euact_history(CLI::App* parent, int& exit_code) {
  static IdOptions o;
  auto* cmd = add_id_command(parent, "history", "Every saved classification of a system, newest first", o,
                             "The system's id (sys_…)", true, "system");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto l = api.list(classification_path(o.id, "/history"), {{"limit", "500"}}, true);
    if (!l) return kExitFailed;
    if (o.api.json) {
      print_body(std::cout, json::serialize(json::object{{"items", std::move(l->items)}}));
      return 0;
    }
    if (l->items.empty()) {
      std::cout << "Not classified yet; classify it with 'aims classification set'.\n";
      return 0;
    }
    Table t({"version", "classified_at", "by", "class", "basis", "note"});
    t.set_max_width(5, 40);
    for (const auto& c : objects_in(l->items)) {
      const auto& r = object_at(c, "result");
      t.add_row({std::to_string(int_of(c, "version").value_or(0)), string_of(c, "classified_at"), string_of(c, "classified_by"),
                 class_label(string_of(r, "class")), string_of(r, "basis"), string_of(c, "note")});
    }
    t.print(std::cout);
    return 0;
  }));
}

/// The obligations table of a list, or why there are none.
void print_obligations(const ListResult& l, const NameValues&) {
  if (l.items.empty()) {
    std::cout << "No obligations match; obligations follow from classifying AI systems ('aims classification set').\n";
    return;
  }
  Table t({"system", "obligation", "article", "roles", "applies", "due", "status", "owner"});
  t.set_max_width(0, 32);
  t.set_max_width(7, 24);
  for (const auto& x : objects_in(l.items)) {
    bool late = bool_of(x, "overdue");
    bool recheck = bool_of(x, "recheck_needed");
    t.add_row({string_of(x, "system_name") + (recheck ? " (re-check)" : ""), string_of(x, "obligation_id"), string_of(x, "article"), joined(x.if_contains("roles")),
               string_of(x, "applies_from"), string_of(x, "due") + (late ? " (overdue)" : ""), string_of(x, "status"),
               string_of(x, "owner")});
  }
  t.print(std::cout);
  print_list_summary(l, "obligations");
}

void register_obligations_list(CLI::App* parent, int& exit_code) {
  register_list_command(
      parent, exit_code,
      {"The obligations of the organization's classified AI systems, by application date", kObligations,
       "Obligations per page, 1 to 500 (server default 50)",
       {{"--system", "system", "Only this AI system (sys_…)"},
        {"--status", "status", "not_started, in_progress, met or not_applicable",
         {"not_started", "in_progress", "met", "not_applicable"}},
        {"--article", "article", "An obligation id (art26) or article (\"Art. 50\")"},
        {"--role", "role", "Only obligations of this role",
         {"provider", "deployer", "importer", "distributor", "product_manufacturer", "authorised_representative"}},
        {"--due-before", "due_before", "Due before this date (YYYY-MM-DD)"},
        {"--overdue", "overdue", "Only open obligations whose due date has passed", {}, true},
        {"--recheck", "recheck", "Only obligations of systems whose classification needs a re-check", {}, true},
        {"--class", "system_class", "Only obligations of systems of this EU AI Act class (e.g. high_risk, gpai_model)"},
        {"--applies-from", "applies_from", "Applying from exactly this date (YYYY-MM-DD)"},
        {"--retired", "retired", "false (default), true or all", {"false", "true", "all"}},
        {"--sort", "sort", "applies_from (default), due, system, article or status; a leading - sorts descending"}},
       print_obligations, ListTotal::always});
}

void register_obligations_update(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string system, obligation, status, reason, owner, notes;
    std::vector<std::string> evidence;
    CLI::Option *reason_opt = nullptr, *owner_opt = nullptr, *notes_opt = nullptr, *evidence_opt = nullptr;
  } o;
  auto* cmd = parent->add_subcommand("update", "Change one obligation's status, owner, evidence references or notes");
  o.api.add_to(cmd);
  cmd->add_option("system", o.system, "The AI system (sys_…)")->required();
  cmd->add_option("obligation", o.obligation, "The obligation, e.g. art26 or art50-1-disclose")->required();
  cmd->add_option("--status", o.status, "not_started, in_progress, met or not_applicable (needs --reason)")
      ->check(CLI::IsMember({"not_started", "in_progress", "met", "not_applicable"}));
  o.reason_opt = cmd->add_option("--reason", o.reason, "Why the obligation does not apply (for not_applicable)");
  o.owner_opt = cmd->add_option("--owner", o.owner, "Who owns the obligation");
  o.evidence_opt = cmd->add_option("--evidence", o.evidence, "Evidence reference (repeatable; replaces the list, '' clears it)")
                       ->allow_extra_args(false);
  o.notes_opt = cmd->add_option("--notes", o.notes, "Notes");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (!o.status.empty()) body["status"] = o.status;
    if (o.reason_opt->count()) body["not_applicable_reason"] = o.reason;
    if (o.owner_opt->count()) body["owner"] = o.owner;
    if (o.notes_opt->count()) body["notes"] = o.notes;
    if (o.evidence_opt->count()) {
      json::array refs;
      for (const auto& e : o.evidence)
        if (!e.empty()) refs.emplace_back(e);
      body["evidence_refs"] = std::move(refs);
    }
    if (body.empty()) return usage_error("nothing to change: give --status, --reason, --owner, --evidence or --notes.");
    auto current = api.get(obligation_path(o.system, o.obligation));
    if (!current) return kExitFailed;
    NameValues headers{{"If-Match", current->header("etag").value_or("")}};
    auto r = api.send({"PATCH", obligation_path(o.system, o.obligation), headers, "application/json", json::serialize(body)});
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& x) {
      std::cout << "Updated " << string_of(x, "obligation_id") << " (" << string_of(x, "article") << ") of "
                << string_of(x, "system_name") << ": " << string_of(x, "status")
                << (string_of(x, "owner").empty() ? "" : ", owner " + string_of(x, "owner")) << " (version "
                << int_of(x, "version").value_or(0) << ")\n";
    });
  }));
}

/// aims legal-requirement eu-ai-act: the legal register's EU AI Act part, read from the obligations register.
void register_legal_eu_ai_act(CLI::App* legal, int& exit_code) {
  ListCommand spec{"The EU AI Act obligations of the classified AI systems, as the legal register shows them (by AI system)",
                   "/api/v1/legal-requirements/eu-ai-act",
                   "Obligations per page, 1 to 500 (server default 50)",
                   {{"--system", "system", "Only this AI system (sys_…)"},
                    {"--status", "status", "not_started, in_progress, met or not_applicable",
                     {"not_started", "in_progress", "met", "not_applicable"}},
                    {"--sort", "sort", "system (default), applies_from, due, article or status; a leading - sorts descending"}},
                   print_obligations,
                   ListTotal::always};
  spec.name = "eu-ai-act";
  register_list_command(legal, exit_code, std::move(spec));
}

}  // namespace

void register_euact_commands(CLI::App& app, int& exit_code) {
  if (auto* legal = app.get_subcommand("legal-requirement")) register_legal_eu_ai_act(legal, exit_code);
  add_command_group(app, "classification", "EU AI Act classification of AI systems (API client)", exit_code,
                    {register_questions, register_euact_get, register_euact_set, register_euact_history});
  add_command_group(app, "obligations", "EU AI Act obligations of the classified AI systems (API client)", exit_code,
                    {register_obligations_list, register_obligations_update});
}

}  // namespace aims::cli
