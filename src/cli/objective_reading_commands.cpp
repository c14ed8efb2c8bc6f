// API client commands for the readings of AI objectives: aims objectives reading add|list|push|
// delete. `add` and `push` suit a measuring pipeline: with --fail-on they exit 3 when an objective
// is (or falls) off track — or at risk — after the reading, so that a pipeline step can stop.
#include <unistd.h>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/objective_cli.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

/// "OBJ-1 Fair approvals: at risk. The latest reading, …" for an objective in a response.
void print_objective_status(const json::object& ob) {
  const auto& d = object_at(ob, "derived");
  std::cout << string_of(ob, "key") << " " << string_of(ob, "title") << ": " << status_words(string_of(d, "status")) << "\n";
  print_wrapped(std::cout, string_of(d, "explanation"), 2);
}

/// The exit code after readings: kExitObjectiveOff if any objective's status is `fail_on` or worse.
int verdict(const std::vector<json::object>& objectives, const std::string& fail_on) {
  if (fail_on.empty()) return 0;
  for (const auto& ob : objectives) {
    auto s = string_of(object_at(ob, "derived"), "status");
    if (fails(s, fail_on)) {
      std::cerr << "aims: " << string_of(ob, "key") << " is " << status_words(s) << " (--fail-on " << fail_on << ").\n";
      return kExitObjectiveOff;
    }
  }
  return 0;
}

void register_add(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string objective, date, note, fail_on;
    double value = 0;
    CLI::Option* note_opt = nullptr;
  } o;
  auto* cmd = parent->add_subcommand("add", "Record a reading of an objective");
  o.api.add_to(cmd);
  cmd->add_option("objective", o.objective, "The objective's key (OBJ-3) or id (obj_…)")->required();
  cmd->add_option("--value", o.value, "The measured value")->required();
  cmd->add_option("--date", o.date, "The day measured, YYYY-MM-DD (default today)");
  o.note_opt = cmd->add_option("--note", o.note, "A note, e.g. the data set or run measured");
  cmd->add_option("--fail-on", o.fail_on,
                  "Exit 3 if, after this reading, the objective is off_track (or, with at_risk, at risk or off track)")
      ->check(CLI::IsMember({"off_track", "at_risk"}));
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body{{"value", o.value}};
    if (!o.date.empty()) body["measured_on"] = o.date;
    if (o.note_opt->count()) body["note"] = o.note;
    auto r = send_json(api, "POST", objective_path(o.objective, "/readings"), body);
    if (!r) return kExitFailed;
    auto res = object_of(*r);
    if (!res) return kExitFailed;
    const auto& objective = object_at(*res, "objective");
    if (o.api.json) {
      print_body(std::cout, r->body);
    } else {
      const auto& reading = object_at(*res, "reading");
      std::cout << "Recorded " << number_text(reading.if_contains("value")) << " for " << string_of(objective, "key") << " ("
                << string_of(reading, "measured_on") << "; this value is " << status_words(string_of(reading, "status"))
                << ", reading " << string_of(reading, "id") << ")\n";
      print_objective_status(objective);
    }
    return verdict({objective}, o.fail_on);
  }));
}

void register_push(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string file, fail_on;
  } o;
  auto* cmd = parent->add_subcommand("push", "Record many readings, for one or more objectives, all or none (JSON file)");
  o.api.add_to(cmd);
  cmd->add_option("file", o.file,
                  "JSON: a list of {objective, value, measured_on?, note?} or {\"readings\": [...]} ('-' for standard input)")
      ->required();
  cmd->add_option("--fail-on", o.fail_on, "Exit 3 if, afterwards, any objective pushed to is off_track (or at_risk or worse)")
      ->check(CLI::IsMember({"off_track", "at_risk"}));
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto text = read_text_input(o.file);
    if (!text) return kExitFailed;
    json::error_code ec;
    auto v = json::parse(*text, ec);
    if (ec || !(v.is_array() || (v.is_object() && v.get_object().if_contains("readings"))))
      return usage_error(o.file + " must hold a JSON list of readings or an object {\"readings\": [...]}.");
    json::object body = v.is_array() ? json::object{{"readings", v}} : v.get_object();
    auto r = send_json(api, "POST", kObjectives + "/readings", body);
    if (!r) return kExitFailed;
    auto res = object_of(*r);
    if (!res) return kExitFailed;
    std::vector<json::object> objectives;
    if (auto list = res->if_contains("objectives"); list && list->is_array())
      for (const auto& ob : list->get_array())
        if (ob.is_object()) objectives.push_back(ob.get_object());
    if (o.api.json) {
      print_body(std::cout, r->body);
    } else {
      std::cout << "Recorded " << int_of(*res, "created").value_or(0) << " reading(s) for " << objectives.size()
                << " objective(s)\n";
      for (const auto& ob : objectives) print_objective_status(ob);
    }
    return verdict(objectives, o.fail_on);
  }));
}

void register_objective_reading_list(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string objective;
    ListPaging paging;
  } o;
  auto* cmd = parent->add_subcommand("list", "Readings of an objective, oldest first");
  o.api.add_to(cmd);
  cmd->add_option("objective", o.objective, "The objective's key (OBJ-3) or id (obj_…)")->required();
  o.paging.add_to(cmd, "Readings per page, 1 to 500 (server default 50)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    NameValues q;
    o.paging.apply(q);
    auto l = api.list(objective_path(o.objective, "/readings"), q, o.paging.all);
    if (!l) return kExitFailed;
    if (o.api.json) return (print_list_json(*l, o.paging.all, ListTotal::always), 0);
    if (l->items.empty()) {
      std::cout << "No readings yet; record one with 'aims objectives reading add " << o.objective << " --value V'.\n";
      return 0;
    }
    Table t({"measured_on", "value", "status", "note", "recorded_by", "id"});
    t.set_max_width(3, 40);
    for (const auto& r : objects_in(l->items)) {
      t.add_row({string_of(r, "measured_on"), number_text(r.if_contains("value")), status_words(string_of(r, "status")),
                 string_of(r, "note"), string_of(r, "recorded_by"), string_of(r, "id")});
    }
    t.print(std::cout);
    print_list_summary(*l, "readings");
    return 0;
  }));
}

void register_objective_reading_delete(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string objective, reading;
    bool yes = false;
  } o;
  auto* cmd = parent->add_subcommand("delete", "Delete a reading (manager, admin); the history keeps what it was");
  o.api.add_to(cmd, false);
  cmd->add_option("objective", o.objective, "The objective's key (OBJ-3) or id (obj_…)")->required();
  cmd->add_option("reading", o.reading, "The reading's id (rdg_…)")->required();
  cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (!o.yes && isatty(STDIN_FILENO) && !confirm("Delete reading " + o.reading + " of " + o.objective + "?"))
      return fail("not deleted.");
    auto r = api.send({"DELETE", objective_path(o.objective, "/readings/" + http::encode_segment(o.reading)), {}, {}, {}});
    if (!r) return kExitFailed;
    std::cout << "Deleted reading " << o.reading << " of " << o.objective << "\n";
    return 0;
  }));
}

}  // namespace

void register_objective_reading_commands(CLI::App* objectives, int& exit_code) {
  auto* reading = objectives->add_subcommand("reading", "Readings of objectives: add, list, push, delete")->require_subcommand(1);
  register_add(reading, exit_code);
  register_objective_reading_list(reading, exit_code);
  register_push(reading, exit_code);
  register_objective_reading_delete(reading, exit_code);
}

}  // namespace aims::cli
