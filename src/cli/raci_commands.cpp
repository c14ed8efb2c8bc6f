// API client command of the RACI matrix: aims raci matrix --process P | --system ID prints the
// activities by member with their R, A, C and I letters, and the R=A warnings.
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

void print_matrix_raci(const json::object& m) {
  std::cout << "RACI matrix: " << string_of(m, "title") << "\n";
  std::vector<std::pair<std::string, std::string>> people;  // user id, name or e-mail
  for (const auto& p : m.at("people").as_array()) {
    const auto& o = p.as_object();
    auto name = string_of(o, "name");
    people.emplace_back(string_of(o, "user_id"), name.empty() ? string_of(o, "email") : name);
  }
  for (const auto& a : m.at("activities").as_array()) {
    const auto& o = a.as_object();
    std::cout << string_of(o, "id") << "  " << string_of(o, "title") << "\n";
    const auto& letters = o.at("letters").as_object();
    for (const auto& [id, name] : people)
      if (auto l = letters.if_contains(id)) std::cout << "    " << display(*l) << "  " << name << "\n";
    for (const auto& w : o.at("warnings").as_array()) std::cout << "    warning: " << string_of(w.as_object(), "message") << "\n";
  }
  std::cout << m.at("activities").as_array().size() << " activities, " << int_of(m, "warnings").value_or(0)
            << " with a warning.\n";
}

void register_matrix(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string process, system;
  } o;
  auto* cmd = parent->add_subcommand("matrix", "Show the RACI matrix of an AIMS process or of an AI system");
  o.api.add_to(cmd);
  cmd->add_option("--process", o.process, "The AIMS process, e.g. risk_management");
  cmd->add_option("--system", o.system, "The AI system's id");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (o.process.empty() == o.system.empty()) return usage_error("give --process or --system (one of them).");
    http::NameValues q;
    if (!o.process.empty()) q.emplace_back("process", o.process);
    else q.emplace_back("system_id", o.system);
    auto r = api.get(http::make_target("/api/v1/raci/matrix", q));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, print_matrix_raci);
  }));
}

}  // namespace

void register_raci_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "raci", "RACI matrices of AIMS processes and AI systems (API client)", exit_code, {register_matrix});
}

}  // namespace aims::cli
