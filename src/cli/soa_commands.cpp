// API client commands for the Statement of Applicability: aims soa show|set|approve|versions|diff|
// export. They talk to a running server with an API token (see api_session.hpp) and print text, or
// the server's JSON with --json.
#include <unistd.h>

#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
using http::NameValues;

const std::string kSoa = "/api/v1/soa";

std::size_t count_of(const json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  return p && p->is_array() ? p->get_array().size() : 0;
}

/// The maturity of the control's latest answer: "3", "n/a" or "-".
std::string latest_maturity(const json::object& e) {
  auto la = e.if_contains("latest_answer");
  if (!la || !la->is_object()) return "-";
  if (bool_of(la->get_object(), "not_applicable")) return "n/a";
  auto m = int_of(la->get_object(), "maturity");
  return m ? std::to_string(*m) : "-";
}

/// "36 applicable (30 not started, 2 planned, 3 partial, 1 implemented), 2 excluded".
std::string summary_text(const json::value* s) {
  if (!s || !s->is_object()) return "";
  const auto& o = s->get_object();
  auto n = [&](const char* k) { return std::to_string(int_of(o, k).value_or(0)); };
  return n("applicable") + " applicable (" + n("not_started") + " not started, " + n("planned") + " planned, " +
         n("partial") + " partial, " + n("implemented") + " implemented), " + n("excluded") + " excluded";
}

/// A JSON value of a diff for people: "-" when empty.
std::string value_text(const json::value* v) {
  auto s = v ? display(*v) : std::string();
  return s.empty() ? "-" : s;
}

void register_soa_show(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string area, status;
  } o;
  auto* cmd = parent->add_subcommand("show", "The working Statement of Applicability, one row per Annex A control");
  o.api.add_to(cmd);
  cmd->add_option("--area", o.area, "Only the controls of this Annex A area, e.g. A.6");
  cmd->add_option("--status", o.status, "Only applicable controls with this status, or the excluded ones")
      ->check(CLI::IsMember({"not_started", "planned", "partial", "implemented", "excluded"}));
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.get(kSoa);
    if (!r) return kExitFailed;
    if (o.api.json && o.area.empty() && o.status.empty()) {
      print_body(std::cout, r->body);
      return 0;
    }
    auto soa = object_of(*r);
    if (!soa) return kExitFailed;
    auto items = soa->if_contains("items");
    if (!items || !items->is_array()) return fail("the server's answer has no list of items.");
    json::array shown;
    for (const auto& v : items->get_array()) {
      if (!v.is_object()) continue;
      const auto& e = v.get_object();
      if (!o.area.empty() && string_of(e, "area_id") != o.area) continue;
      bool applicable = bool_of(e, "applicable");
      if (o.status == "excluded" ? applicable
                                 : !o.status.empty() && (!applicable || string_of(e, "implementation_status") != o.status))
        continue;
      shown.push_back(v);
    }
    if (o.api.json) {
      auto filtered = *soa;
      filtered["items"] = std::move(shown);
      print_body(std::cout, json::serialize(filtered));
      return 0;
    }
    Table t({"control", "title", "applicable", "status", "owner", "refs", "maturity"});
    t.set_max_width(1, 56);
    t.set_max_width(4, 24);
    for (const auto& v : shown) {
      const auto& e = v.get_object();
      t.add_row({string_of(e, "control_id"), string_of(e, "title"), bool_of(e, "applicable") ? "yes" : "no",
                 string_of(e, "implementation_status"), string_of(e, "owner"),
                 std::to_string(count_of(e, "evidence_refs") + count_of(e, "policy_refs")), latest_maturity(e)});
    }
    t.print(std::cout);
    for (const auto& v : shown)
      if (auto c = v.get_object().if_contains("conflict"); c && c->is_object())
        std::cout << (bool_of(c->get_object(), "kept") ? "Kept " : "Conflict ") << string_of(v.get_object(), "control_id")
                  << ": " << string_of(c->get_object(), "message")
                  << (bool_of(c->get_object(), "kept") ? " Reason: " + string_of(c->get_object(), "reason") : "") << "\n";
    auto from = soa->if_contains("answers_from");
    std::cout << "\nMaturity from: "
              << (from && from->is_object() ? string_of(from->get_object(), "name") + " (" +
                                                  string_of(from->get_object(), "assessment_date") + ", " +
                                                  string_of(from->get_object(), "assessment_id") + ")"
                                            : std::string("no completed assessment"));
    auto latest = int_of(*soa, "latest_version");
    std::cout << "\n" << shown.size() << " of " << items->get_array().size() << " controls; "
              << summary_text(soa->if_contains("summary")) << "\nLatest approved version: "
              << (latest ? std::to_string(*latest) : "none") << "\n";
    return 0;
  }));
}

/// A JSON array of the non-empty values ("" alone gives an empty list, to clear one).
json::array list_of(const std::vector<std::string>& values) {
  json::array out;
  for (const auto& v : values)
    if (!v.empty()) out.emplace_back(v);
  return out;
}

void register_soa_set(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string control, applicable, justification, status, owner, conflict_reason;
    std::vector<std::string> evidence, policies, reasons;
    CLI::Option *just_opt = nullptr, *owner_opt = nullptr, *evidence_opt = nullptr, *policy_opt = nullptr,
                *reason_opt = nullptr, *conflict_opt = nullptr;
  } o;
  auto* cmd = parent->add_subcommand("set", "Change one control's entry in the working Statement of Applicability");
  o.api.add_to(cmd);
  cmd->add_option("control", o.control, "The Annex A control, e.g. A.6.2.4")->required();
  cmd->add_option("--applicable", o.applicable, "true, or false to exclude the control (needs a justification)")
      ->check(CLI::IsMember({"true", "false"}));
  o.just_opt = cmd->add_option("--justification", o.justification, "Why the control is included or excluded");
  cmd->add_option("--status", o.status, "Implementation status: not_started, planned, partial or implemented")
      ->check(CLI::IsMember({"not_started", "planned", "partial", "implemented"}));
  o.owner_opt = cmd->add_option("--owner", o.owner, "Who owns the control");
  o.evidence_opt = cmd->add_option("--evidence", o.evidence,
                                   "Evidence of the vault to link to the entry, by id (ev_…; repeatable; unlink with 'aims evidence unlink')")
                       ->allow_extra_args(false);
  o.policy_opt = cmd->add_option("--policy", o.policies, "Policy reference (repeatable; replaces the list, '' clears it)")
                     ->allow_extra_args(false);
  o.reason_opt = cmd->add_option("--reason", o.reasons,
                                 "Reason for inclusion (repeatable): risk_treatment, legal_requirement, "
                                 "contractual_requirement, business_requirement, other")
                     ->allow_extra_args(false);
  o.conflict_opt = cmd->add_option("--keep-status-reason", o.conflict_reason,
                                   "Keep a status that conflicts with the assessed maturity, for this reason ('' withdraws it)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (!o.applicable.empty()) body["applicable"] = o.applicable == "true";
    if (o.just_opt->count()) body["justification"] = o.justification;
    if (!o.status.empty()) body["implementation_status"] = o.status;
    if (o.owner_opt->count()) body["owner"] = o.owner;
    if (o.evidence_opt->count()) body["evidence"] = list_of(o.evidence);
    if (o.policy_opt->count()) body["policy_refs"] = list_of(o.policies);
    if (o.reason_opt->count()) body["reasons"] = list_of(o.reasons);
    if (o.conflict_opt->count()) body["conflict_reason"] = o.conflict_reason;
    if (body.empty())
      return usage_error("nothing to change: give --applicable, --justification, --status, --owner, --evidence, "
                         "--policy, --reason or --keep-status-reason.");
    // The entry's version makes the server refuse the change if someone else changes it meanwhile.
    auto soa = api.get_object(kSoa);
    if (!soa) return kExitFailed;
    std::int64_t version = 0;  // an entry never edited; an unknown control is left to the server
    if (auto items = soa->if_contains("items"); items && items->is_array())
      for (const auto& v : items->get_array())
        if (v.is_object() && string_of(v.get_object(), "control_id") == o.control)
          version = int_of(v.get_object(), "version").value_or(0);
    http::ClientRequest req{"PATCH", kSoa + "/entries/" + http::encode_segment(o.control),
                            {{"If-Match", "\"v" + std::to_string(version) + "\""}}, "application/json",
                            json::serialize(body)};
    auto r = api.send(req);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& e) {
      std::cout << "Updated " << string_of(e, "control_id") << " " << string_of(e, "title") << ": "
                << (bool_of(e, "applicable") ? "applicable, " + string_of(e, "implementation_status") : "excluded")
                << " (version " << int_of(e, "version").value_or(0) << ")\n";
    });
  }));
}

void register_soa_approve(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string note;
    bool yes = false;
  } o;
  auto* cmd = parent->add_subcommand("approve", "Approve the working copy as a new numbered, unchangeable version");
  o.api.add_to(cmd);
  cmd->add_option("--note", o.note, "A note kept with the version, e.g. what changed");
  cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    if (!o.yes && isatty(STDIN_FILENO)) {
      auto soa = api.get_object(kSoa);
      if (!soa) return kExitFailed;
      auto next = int_of(*soa, "latest_version").value_or(0) + 1;
      std::cout << count_of(*soa, "justification_missing") << " applicable controls have no justification.\n";
      if (!confirm("Approve the Statement of Applicability as version " + std::to_string(next) + "?"))
        return fail("not approved.");
    }
    json::object body;
    if (!o.note.empty()) body["note"] = o.note;
    auto r = send_json(api, "POST", kSoa + "/versions", body);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& v) {
      std::cout << "Approved version " << int_of(v, "number").value_or(0) << " of the Statement of Applicability: "
                << summary_text(v.if_contains("summary")) << "\n"
                << count_of(v, "justification_missing") << " applicable controls have no justification.\n";
    });
  }));
}

void print_versions_soa(const json::object& l) {
  auto items = l.if_contains("items");
  if (!items || !items->is_array() || items->get_array().empty()) {
    std::cout << "No approved version yet; approve the working copy with 'aims soa approve'.\n";
    return;
  }
  Table t({"version", "approved_at", "approved_by", "applicable", "excluded", "implemented", "note"});
  t.set_max_width(6, 48);
  for (const auto& s : objects_in(items->get_array())) {
    auto sum = s.if_contains("summary");
    auto n = [&](const char* k) {
      return sum && sum->is_object() ? std::to_string(int_of(sum->get_object(), k).value_or(0)) : std::string();
    };
    t.add_row({std::to_string(int_of(s, "number").value_or(0)), string_of(s, "approved_at"), string_of(s, "approved_by"),
               n("applicable"), n("excluded"), n("implemented"), string_of(s, "note")});
  }
  t.print(std::cout);
}

void register_soa_versions(CLI::App* parent, int& exit_code) {
  register_show_command(parent, exit_code, "versions", "Approved versions, newest first", kSoa + "/versions", print_versions_soa);
}

void register_diff(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string from, to = "working";
  } o;
  auto* cmd = parent->add_subcommand("diff", "What changed between two versions, or a version and the working copy");
  o.api.add_to(cmd);
  cmd->add_option("--from", o.from, "A version number")->required();
  cmd->add_option("--to", o.to, "A version number, or working")->capture_default_str();
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.get(http::make_target(kSoa + "/diff", {{"from", o.from}, {"to", o.to}}));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& d) {
      auto name = [](const std::string& v) { return v == "working" ? std::string("the working copy") : "version " + v; };
      auto changes = d.if_contains("changes");
      if (!changes || !changes->is_array() || changes->get_array().empty()) {
        std::cout << "No changes from " << name(o.from) << " to " << name(o.to) << ".\n";
        return;
      }
      std::cout << changes->get_array().size() << " change(s) from " << name(o.from) << " to " << name(o.to) << "\n\n";
      Table t({"control", "field", "from", "to"});
      t.set_max_width(2, 40);
      t.set_max_width(3, 40);
      for (const auto& c : objects_in(changes->get_array())) {
        t.add_row({string_of(c, "control_id"), string_of(c, "field"), value_text(c.if_contains("from")),
                   value_text(c.if_contains("to"))});
      }
      t.print(std::cout);
    });
  }));
}

void register_soa_export(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string format = "csv", output;
    int version = 0;
  } o;
  auto* cmd = parent->add_subcommand("export", "Export the Statement of Applicability as CSV, JSON, XLSX or PDF");
  o.api.add_to(cmd, false);
  cmd->add_option("--format", o.format, "csv, json, xlsx or pdf")
      ->check(CLI::IsMember({"csv", "json", "xlsx", "pdf"}))
      ->capture_default_str();
  cmd->add_option("--version", o.version, "An approved version (default: the working copy)")->check(CLI::PositiveNumber);
  cmd->add_option("-o,--output", o.output, "Write to this file (default: standard output; xlsx and pdf need a file on a terminal)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    NameValues q{{"format", o.format}};
    if (o.version > 0) q.emplace_back("version", std::to_string(o.version));
    return download(api, http::make_target(kSoa + "/export", q), o.format, o.output);
  }));
}

}  // namespace

void register_soa_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "soa", "The Statement of Applicability of the Annex A controls (API client)", exit_code,
                    {register_soa_show, register_soa_set, register_soa_approve, register_soa_versions, register_diff,
                     register_soa_export});
}

}  // namespace aims::cli
