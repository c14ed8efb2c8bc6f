// aims competence matrix and aims training complete (docs/competence.md): the competence matrix
// (GET /api/v1/competence/matrix) as a table and the completion of a training campaign (POST
// /api/v1/training-campaigns/{id}/completions), added under the `competence` and `training`
// commands of the field-driven kinds. Registered once on the main thread; not thread-safe.
#include <boost/json.hpp>

#include <deque>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/list_command.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"
#include "http/client.hpp"

namespace aims::cli {
namespace json = boost::json;

namespace {

struct MatrixOptions {
  ApiOptions api;
  QueryOptions filters;
  ListPaging paging;
};

struct CompleteOptions : IdOptions {
  std::string person, on;
};

/// The cell of the table: what the matrix says, with the expiry of a held competence.
std::string cell_text_competence(const json::object& cell) {
  auto status = string_of(cell, "status");
  if (status == "not_needed") return "-";
  auto expires = string_of(cell, "expires_on");
  return expires.empty() || status == "gap" ? status : status + " " + expires;
}

int print_matrix_competence(ListResult& l, bool as_json, bool all) {
  if (as_json) {
    print_list_json(l, all, ListTotal::always);
    return 0;
  }
  auto first = json::parse(l.first_body).as_object();
  std::vector<std::string> headers{"Person", "AIMS roles", "Gaps"};
  std::vector<std::string> ids;
  for (const auto& c : first.at("competences").as_array()) {
    ids.push_back(string_of(c.as_object(), "id"));
    headers.push_back(ids.back());
  }
  Table t(headers);
  for (const auto& v : l.items) {
    const auto& p = v.as_object();
    std::string roles;
    for (const auto& r : p.at("roles").as_array()) roles += (roles.empty() ? "" : "; ") + string_of(r.as_object(), "name");
    std::vector<std::string> row{string_of(p, "email"), roles, std::to_string(p.at("gaps").as_int64())};
    for (const auto& id : ids) {
      auto cell = p.at("cells").as_object().if_contains(id);
      row.push_back(cell && cell->is_object() ? cell_text_competence(cell->as_object()) : "");
    }
    t.add_row(std::move(row));
  }
  t.print(std::cout);
  std::cout << "\nCompetences:";
  for (const auto& c : first.at("competences").as_array())
    std::cout << "\n  " << string_of(c.as_object(), "id") << "  " << string_of(c.as_object(), "name");
  std::cout << "\n";
  print_list_summary(l, "people");
  return 0;
}

}  // namespace

void register_competence_commands(CLI::App& app, int& exit_code) {
  static MatrixOptions m;
  static CompleteOptions c;
  if (auto* competence = app.get_subcommand("competence")) {
    auto* cmd = competence->add_subcommand("matrix", "The competence matrix: people x competences (held, expiring, expired, gap)");
    m.api.add_to(cmd);
    m.filters.add_to(cmd, {{"--role", "role", "Only the people holding this AIMS role, e.g. ROLE-2"},
                           {"--person", "person", "Only this member (a user id)"}});
    m.paging.add_to(cmd, "People per page, 1 to 200 (server default 50)");
    cmd->callback(with_session(m.api, exit_code, [](ApiSession& api) {
      auto query = m.filters.query();
      if (m.paging.all) query.emplace_back("limit", "200");
      else if (m.paging.limit > 0) query.emplace_back("limit", std::to_string(m.paging.limit));
      auto l = api.list("/api/v1/competence/matrix", query, m.paging.all);
      if (!l) return kExitFailed;
      return print_matrix_competence(*l, m.api.json, m.paging.all);
    }));
  }
  if (auto* training = app.get_subcommand("training")) {
    auto* cmd = add_id_command(training, "complete", "Record that a member completed a training campaign", c, "The campaign, e.g. TRN-1");
    cmd->add_option("--person", c.person, "The member who completed it (a user id)")->required();
    cmd->add_option("--on", c.on, "The day completed, YYYY-MM-DD (default today)");
    cmd->callback(with_session(c.api, exit_code, [](ApiSession& api) {
      json::object body{{"person", c.person}};
      if (!c.on.empty()) body["completed_on"] = c.on;
      auto r = send_json(api, "POST", RecordPath{"/api/v1/training-campaigns"}(c.id, "/completions"), body);
      if (!r) return kExitFailed;
      return print_response(*r, c.api.json, [](const json::object& o) {
        std::cout << "Completed " << string_of(o, "campaign_id") << " for " << string_of(o, "person") << " on "
                  << string_of(o, "completed_on") << "; competence records: " << display(o.at("competence_records")) << "\n";
      });
    }));
  }
}

}  // namespace aims::cli
