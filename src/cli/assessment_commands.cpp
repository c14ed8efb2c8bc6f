// API client commands for gap assessments: aims assessment list|create|show|answer|answers|results|
// suggestions|roadmap|report. They talk to a running server with an API token (see api_session.hpp) and print text,
// or the server's JSON with --json.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/output.hpp"
#include "cli/list_command.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

const std::string kAssessments = "/api/v1/assessments";
const RecordPath assessment_path{kAssessments};

/// A JSON number member as a double; empty if absent, null or not a number.
std::optional<double> number_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  if (!p) return std::nullopt;
  if (p->is_double()) return p->get_double();
  if (p->is_int64()) return static_cast<double>(p->get_int64());
  if (p->is_uint64()) return static_cast<double>(p->get_uint64());
  return std::nullopt;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

/// A bar of `width` characters, '#' for the share of `value` in `max` and '.' for the rest.
std::string bar(double value, double max, int width = 20) {
  int full = max > 0 ? static_cast<int>(std::lround(std::clamp(value / max, 0.0, 1.0) * width)) : 0;
  return std::string(static_cast<std::size_t>(full), '#') + std::string(static_cast<std::size_t>(width - full), '.');
}

/// "2 of 70 answered (3%)" of an assessment.
std::string progress_text(const json::object& a) {
  auto answered = int_of(a, "answered_count").value_or(0), total = int_of(a, "item_count").value_or(0);
  auto percent = total > 0 ? answered * 100 / total : 0;
  return std::to_string(answered) + " of " + std::to_string(total) + " answered (" + std::to_string(percent) + "%)";
}

void register_assessment_list(CLI::App* parent, int& exit_code) {
  register_list_command(parent, exit_code,
                        {"List gap assessments, newest first", kAssessments, "Assessments per page, 1 to 500 (server default 50)",
                         {}, [](const ListResult& l, const NameValues&) {
                           Table t({"id", "name", "approach", "date", "target", "answered", "status"});
                           t.set_max_width(1, 48);
                           for (const auto& a : objects_in(l.items)) {
                             t.add_row({string_of(a, "id"), string_of(a, "name"), string_of(a, "approach"),
                                        string_of(a, "assessment_date"), std::to_string(int_of(a, "target_maturity").value_or(0)),
                                        std::to_string(int_of(a, "answered_count").value_or(0)) + "/" +
                                            std::to_string(int_of(a, "item_count").value_or(0)),
                                        string_of(a, "status")});
                           }
                           t.print(std::cout);
                           std::cout << "\n" << l.items.size() << " assessments" << (l.next ? " (more with --all)" : "") << "\n";
                         }});
}

void register_assessment_create(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string name, approach, owner, date;
    int target = 0;
  } o;
  auto* cmd = parent->add_subcommand("create", "Start a gap assessment");
  o.api.add_to(cmd);
  cmd->add_option("--name", o.name, "Name of the assessment, e.g. \"Baseline 2026\"")->required();
  cmd->add_option("--approach", o.approach, "clauses (4-10), annex_a (the controls) or both (default)")
      ->check(CLI::IsMember({"clauses", "annex_a", "both"}));
  cmd->add_option("--target", o.target, "Target maturity level, 1 to 5 (default 3)")->check(CLI::Range(1, 5));
  cmd->add_option("--owner", o.owner, "Who runs the assessment");
  cmd->add_option("--date", o.date, "Assessment date, YYYY-MM-DD (default: today)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body{{"name", o.name}};
    if (!o.approach.empty()) body["approach"] = o.approach;
    if (o.target > 0) body["target_maturity"] = o.target;
    if (!o.owner.empty()) body["owner"] = o.owner;
    if (!o.date.empty()) body["assessment_date"] = o.date;
    auto r = send_json(api, "POST", kAssessments, body);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& a) {
      std::cout << "Created " << string_of(a, "id") << ": " << string_of(a, "name") << " (" << string_of(a, "approach")
                << ", " << int_of(a, "item_count").value_or(0) << " items, target "
                << int_of(a, "target_maturity").value_or(0) << ")\n";
    });
  }));
}

void print_assessment_assessment(const json::object& a) {
  auto total = int_of(a, "item_count").value_or(0);
  auto answered = static_cast<double>(int_of(a, "answered_count").value_or(0));
  print_fields(std::cout, {{"id", string_of(a, "id")},
                           {"name", string_of(a, "name")},
                           {"approach", string_of(a, "approach")},
                           {"date", string_of(a, "assessment_date")},
                           {"target", std::to_string(int_of(a, "target_maturity").value_or(0))},
                           {"owner", string_of(a, "owner")},
                           {"status", string_of(a, "status")},
                           {"progress", progress_text(a) + "  " + bar(answered, static_cast<double>(total))},
                           {"version", std::to_string(int_of(a, "version").value_or(0))},
                           {"created", string_of(a, "created_at") + " by " + string_of(a, "created_by")},
                           {"updated", string_of(a, "updated_at") + " by " + string_of(a, "updated_by")}});
}

void register_assessment_show(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"show", "Show an assessment and its progress", "The assessment's id (asm_…)",
                        assessment_path, print_assessment_assessment});
}

/// "3", "N/A", "skipped" or "–" for an answer.
std::string answer_text(const json::object& a) {
  if (bool_of(a, "not_applicable")) return "N/A";
  if (auto m = int_of(a, "maturity")) return std::to_string(*m);
  if (bool_of(a, "skipped")) return "skipped";
  return "–";
}

void register_answer(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string item, notes, justification, owner;
    std::vector<std::string> evidence;
    int level = -1;
    bool skip = false, not_applicable = false, from_suggestion = false;
    CLI::Option *notes_opt = nullptr, *evidence_opt = nullptr, *owner_opt = nullptr, *just_opt = nullptr;
  } o;
  auto* cmd = add_id_command(parent, "answer", "Answer one item: a maturity level, --skip, or --not-applicable", o,
                             "The assessment's id (asm_…)");
  cmd->add_option("item", o.item, "The clause or Annex A control, e.g. 6.1.2 or A.6.2.4")->required();
  auto* level = cmd->add_option("--level", o.level, "Maturity level, 0 to 5")->check(CLI::Range(0, 5));
  auto* skip = cmd->add_flag("--skip", o.skip, "Skip the item for now (it counts as level 0)");
  auto* na = cmd->add_flag("--not-applicable", o.not_applicable, "Annex A controls only; needs --justification");
  auto* suggested = cmd->add_flag("--from-suggestion", o.from_suggestion,
                                  "Accept the item's suggested level; the answer keeps the records it rests on");
  level->excludes(skip)->excludes(na)->excludes(suggested);
  skip->excludes(na)->excludes(suggested);
  na->excludes(suggested);
  o.just_opt = cmd->add_option("--justification", o.justification, "Why the control does not apply")->needs(na);
  o.notes_opt = cmd->add_option("--notes", o.notes, "Notes on the answer ('' clears them)");
  o.evidence_opt = cmd->add_option("--evidence", o.evidence,
                                   "Evidence of the vault to link to the item, by id (ev_…; repeatable; unlink with 'aims evidence unlink')")
                       ->allow_extra_args(false);
  o.owner_opt = cmd->add_option("--owner", o.owner, "Who owns the item");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (o.level < 0 && !o.skip && !o.not_applicable && !o.from_suggestion)
      return usage_error("give --level 0-5, --from-suggestion, --skip, or --not-applicable --justification TEXT.");
    // Options not given keep the values of the current answer, whose ETag guards the change.
    auto path = assessment_path(o.id, "/answers/" + http::encode_segment(o.item));
    auto current = api.get(path);
    if (!current) return kExitFailed;
    auto before = object_of(*current);
    if (!before) return kExitFailed;
    json::object body;
    for (const char* key : {"notes", "owner"})
      if (auto v = before->if_contains(key)) body[key] = *v;
    if (o.level >= 0) body["maturity"] = o.level;
    if (o.skip) body["skipped"] = true;
    if (o.from_suggestion) body["from_suggestion"] = true;
    if (o.not_applicable) {
      body["not_applicable"] = true;
      body["justification"] = o.just_opt->count() ? o.justification : string_of(*before, "justification");
    }
    if (o.notes_opt->count()) body["notes"] = o.notes;
    if (o.owner_opt->count()) body["owner"] = o.owner;
    if (o.evidence_opt->count()) {
      json::array ids;
      for (const auto& e : o.evidence)
        if (!e.empty()) ids.emplace_back(e);
      body["evidence"] = std::move(ids);
    }
    http::ClientRequest req{"PUT", path, {}, "application/json", json::serialize(body)};
    if (auto etag = current->header("etag")) req.headers.emplace_back("If-Match", *etag);
    auto r = api.send(req);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& a) {
      std::cout << "Answered " << string_of(a, "item_id") << " " << string_of(a, "title") << ": " << answer_text(a)
                << " (version " << int_of(a, "version").value_or(0) << ")\n";
    });
  }));
}

void print_answers(const json::object& l) {
  Table t({"id", "title", "maturity"});
  t.set_max_width(1, 70);
  if (auto items = l.if_contains("items"); items && items->is_array())
    for (const auto& v : items->get_array())
      if (v.is_object())
        t.add_row({string_of(v.get_object(), "item_id"), string_of(v.get_object(), "title"), answer_text(v.get_object())});
  t.print(std::cout);
  std::cout << "\n" << int_of(l, "answered").value_or(0) << " of " << int_of(l, "total").value_or(0)
            << " items answered\n";
}

void register_answers(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"answers", "List the items in scope with their answers, in document order", "The assessment's id (asm_…)",
                        [](const std::string& id) { return assessment_path(id, "/answers"); }, print_answers});
}

/// A table of group scores: id, title, maturity, a bar of it out of 5, answered/items, below target.
void print_groups(const char* heading, const json::value* groups) {
  if (!groups || !groups->is_array() || groups->get_array().empty()) return;
  std::cout << "\n" << heading << "\n";
  Table t({"id", "title", "maturity", "", "answered", "below target"});
  t.set_max_width(1, 48);
  for (const auto& g : objects_in(groups->get_array())) {
    auto m = number_of(g, "maturity");
    t.add_row({string_of(g, "id"), string_of(g, "title"), m ? fixed(*m, 2) : "n/a", m ? bar(*m, 5, 10) : "",
               std::to_string(int_of(g, "answered").value_or(0)) + "/" + std::to_string(int_of(g, "items").value_or(0)),
               std::to_string(int_of(g, "below_target").value_or(0))});
  }
  t.print(std::cout);
}

void print_results(const json::object& res) {
  auto target = int_of(res, "target_maturity").value_or(0);
  auto overall = number_of(res, "overall_maturity");
  std::string readiness, formula;
  if (auto r = res.if_contains("readiness"); r && r->is_object()) {
    const auto& ro = r->get_object();
    readiness = fixed(number_of(ro, "percent").value_or(0), 1) + "%  (" +
                std::to_string(int_of(ro, "achieved").value_or(0)) + " / " +
                std::to_string(int_of(ro, "required").value_or(0)) + ")";
    formula = string_of(ro, "formula");
  }
  print_fields(std::cout, {{"overall maturity", overall ? fixed(*overall, 2) + " of 5 (target " + std::to_string(target) + ")" : "n/a"},
                           {"readiness", readiness},
                           {"answered", std::to_string(int_of(res, "answered").value_or(0)) + " of " +
                                            std::to_string(int_of(res, "total").value_or(0)) + " (" +
                                            std::to_string(int_of(res, "not_applicable").value_or(0)) +
                                            " not applicable)"}});
  if (!formula.empty()) print_wrapped(std::cout, formula, 2);
  print_groups("Clauses", res.if_contains("by_clause"));
  print_groups("Annex A areas", res.if_contains("by_area"));
  auto gaps = res.if_contains("gaps");
  if (!gaps || !gaps->is_array() || gaps->get_array().empty()) {
    std::cout << "\nNo gaps: every applicable item is at or above the target.\n";
    return;
  }
  std::cout << "\nGaps in audit order (" << gaps->get_array().size() << ")\n";
  Table t({"#", "item", "title", "maturity", "target", "gap", "priority"});
  t.set_max_width(2, 60);
  std::size_t n = 0;
  for (const auto& g : objects_in(gaps->get_array())) {
    bool was_answered = bool_of(g, "answered");
    t.add_row({std::to_string(++n), string_of(g, "item_id"), string_of(g, "title"),
               was_answered ? std::to_string(int_of(g, "maturity").value_or(0)) : "–",
               std::to_string(int_of(g, "target").value_or(0)), std::to_string(int_of(g, "gap").value_or(0)),
               string_of(g, "priority")});
  }
  t.print(std::cout);
}

void register_results(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"results", "Maturity, readiness and the gaps in audit order", "The assessment's id (asm_…)",
                        [](const std::string& id) { return assessment_path(id, "/results"); }, print_results});
}

/// The suggested levels, each with its basis and the records it rests on.
void print_suggestions(const json::object& res) {
  auto items = res.if_contains("items");
  if (!items || !items->is_array() || items->get_array().empty()) {
    std::cout << "No suggestions: no records yet that a rule of the table rests on.\n";
    return;
  }
  Table t({"item", "level", "rule", "based on"});
  t.set_max_width(3, 70);
  for (const auto& s : objects_in(items->get_array())) {
    std::string basis;
    if (auto recs = s.if_contains("records"); recs && recs->is_array())
      for (const auto& rv : recs->get_array()) {
        if (!rv.is_object()) continue;
        auto label = string_of(rv.get_object(), "label");
        basis += (basis.empty() ? "" : "; ") + (label.empty() ? string_of(rv.get_object(), "title") : label);
      }
    t.add_row({string_of(s, "item_id"), std::to_string(int_of(s, "level").value_or(0)), string_of(s, "rule"), basis});
  }
  t.print(std::cout);
  std::cout << "\nSuggestions only propose: accept one with `aims assessment answer ID ITEM --from-suggestion`"
               " or in the guided page (key A).\n";
}

void register_suggestions(CLI::App* parent, int& exit_code) {
  register_get_command(parent, exit_code,
                       {"suggestions", "Suggested levels from the records already kept, with what they rest on",
                        "The assessment's id (asm_…)",
                        [](const std::string& id) { return assessment_path(id, "/suggestions"); }, print_suggestions});
}

/// What the roadmap rests on: how much of the assessment is answered (with the warning of the
/// roadmap page when that is not all) and the gaps left out because the SoA excludes the control.
void print_roadmap_basis(const json::object& rm) {
  if (auto c = rm.if_contains("coverage"); c && c->is_object()) {
    const auto& cov = c->get_object();
    std::cout << "Coverage: " << int_of(cov, "answered").value_or(0) << " of " << int_of(cov, "total").value_or(0)
              << " items answered\n";
    if (!bool_of(cov, "complete"))
      std::cout << "Warning: the assessment is incomplete. Unanswered items are planned as maturity 0, so the roadmap may"
                   " hold work that is already done.\n";
  }
  auto ex = rm.if_contains("excluded");
  if (!ex || !ex->is_array() || ex->get_array().empty()) return;
  std::cout << "\nLeft out: excluded in the SoA (" << ex->get_array().size() << ")\n";
  Table t({"control", "title", "justification"});
  t.set_max_width(2, 70);
  for (const auto& x : objects_in(ex->get_array())) {
    t.add_row({string_of(x, "item_id"), string_of(x, "title"), string_of(x, "justification")});
  }
  t.print(std::cout);
}

void print_roadmap(const json::object& rm) {
  bool saved = !rm.if_contains("saved") || !rm.at("saved").is_bool() || rm.at("saved").get_bool();
  std::cout << "Roadmap from " << string_of(rm, "start_date") << ", " << int_of(rm, "capacity").value_or(0)
            << " actions at a time ("
            << (saved ? "generated " + string_of(rm, "generated_at") : std::string("preview, not saved; store it with --generate"))
            << ")\n";
  if (auto phases = rm.if_contains("phases"); phases && phases->is_array()) {
    Table t({"phase", "name", "actions", "start", "end"});
    for (const auto& p : objects_in(phases->get_array())) {
      t.add_row({std::to_string(int_of(p, "phase").value_or(0)), string_of(p, "name"),
                 std::to_string(int_of(p, "actions").value_or(0)), string_of(p, "start_date"), string_of(p, "end_date")});
    }
    std::cout << "\n";
    t.print(std::cout);
  }
  Table t({"phase", "action", "title", "effort", "start", "target", "owner", "status"});
  t.set_max_width(2, 60);
  t.set_max_width(6, 24);
  std::size_t n = 0;
  if (auto actions = rm.if_contains("actions"); actions && actions->is_array())
    for (const auto& a : objects_in(actions->get_array())) {
      ++n;
      t.add_row({std::to_string(int_of(a, "phase").value_or(0)), string_of(a, "id"), string_of(a, "title"),
                 string_of(a, "effort"), string_of(a, "start_date"), string_of(a, "target_date"), string_of(a, "owner"),
                 string_of(a, "status")});
    }
  std::cout << "\n";
  t.print(std::cout);
  std::cout << "\n" << n << " actions\n";
  print_roadmap_basis(rm);
}

void register_roadmap(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string start;
    int capacity = 0;
    bool regenerate = false;
  } o;
  auto* cmd = add_id_command(parent, "roadmap",
                             "The actions that close the gaps, in phases (a preview until generated)", o,
                             "The assessment's id (asm_…)");
  auto* regen = cmd->add_flag("--generate,--regenerate", o.regenerate,
                               "Plan the roadmap from the current gaps and store it (regenerating replaces edits)");
  cmd->add_option("--start", o.start, "With --generate: start date, YYYY-MM-DD (default: today)")->needs(regen);
  cmd->add_option("--capacity", o.capacity, "With --generate: actions worked on at the same time, 1 to 20 (default 2)")
      ->check(CLI::Range(1, 20))
      ->needs(regen);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    std::optional<http::ClientResponse> r;
    if (o.regenerate) {
      json::object body;
      if (!o.start.empty()) body["start_date"] = o.start;
      if (o.capacity > 0) body["capacity"] = o.capacity;
      r = send_json(api, "POST", assessment_path(o.id, "/roadmap"), body);
    } else {
      r = api.get(assessment_path(o.id, "/roadmap"));
    }
    return r ? print_response(*r, o.api.json, print_roadmap) : kExitFailed;
  }));
}

void register_report(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string format = "pdf", output;
  } o;
  auto* cmd = add_id_command(parent, "report", "The gap-assessment report as PDF, HTML or JSON", o,
                             "The assessment's id (asm_…)", false);
  cmd->add_option("--format", o.format, "pdf, html or json")
      ->check(CLI::IsMember({"pdf", "html", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o.output, "Write to this file (default: standard output; a PDF needs a file on a terminal)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    return download(api, http::make_target(assessment_path(o.id, "/report"), {{"format", o.format}}), o.format, o.output);
  }));
}

}  // namespace

void register_assessment_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "assessment", "Gap assessments against ISO/IEC 42001 (API client)", exit_code,
                    {register_assessment_list, register_assessment_create, register_assessment_show, register_answer, register_answers,
                     register_results, register_suggestions, register_roadmap, register_report});
}

}  // namespace aims::cli
