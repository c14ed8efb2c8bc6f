// API client commands of the controlled documents' workflow, under the generic `aims document`
// commands: versions, draft, edit, diff, submit, approve, reject, review, ack. Each prints the
// server's answer (--json as sent). Options live in function-local statics for the program's life.
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/record_cli.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;

std::string doc_path(const std::string& id, const std::string& rest = "") { return "/api/v1/documents/" + id + rest; }

struct VersionOptions : IdOptions {
  std::string label, file, note, comment;
  bool major = false;
};

/// Prints a version as one line: "DOC-1 2.1 in_review (sha256 …)".
void print_version(const json::object& v) {
  std::cout << string_of(v, "document_id") << " " << string_of(v, "label") << " " << string_of(v, "status") << " (sha256 "
            << string_of(v, "content_hash") << ")\n";
}

/// A subcommand NAME ID [VERSION] with the API options.
CLI::App* add_version_command(CLI::App* parent, const std::string& name, const std::string& help, VersionOptions& o,
                              bool with_label) {
  auto* cmd = add_id_command(parent, name, help, o, "The document's id, e.g. DOC-1");
  if (with_label) cmd->add_option("version", o.label, "The version, e.g. 1.1")->required();
  return cmd;
}

int send_and_print(ApiSession& api, const VersionOptions& o, const std::string& method, const std::string& path,
                   const json::object& body, std::string_view etag = {}) {
  auto r = send_json(api, method, path, body, etag);
  if (!r) return kExitFailed;
  return print_response(*r, o.api.json, print_version);
}

void register_workflow(CLI::App* doc, int& exit_code) {
  static VersionOptions versions, draft, edit, diff, submit, approve, reject, review, ack;
  add_version_command(doc, "versions", "List a document's versions, newest first", versions, false)
      ->callback(with_session(versions.api, exit_code, [](ApiSession& api) {
        auto r = api.get(doc_path(versions.id, "/versions"));
        if (!r) return kExitFailed;
        return print_response(*r, versions.api.json, [](const json::object& o) {
          for (const auto& v : o.at("items").as_array()) print_version(v.as_object());
        });
      }));
  auto* d = add_version_command(doc, "draft", "Start a draft version (from the published one)", draft, false);
  d->add_flag("--major", draft.major, "A new major version (default: the next minor version)");
  d->add_option("--file", draft.file, "The Markdown content (\"-\" for standard input); default: the published content");
  d->add_option("--note", draft.note, "The change note");
  d->callback(with_session(draft.api, exit_code, [](ApiSession& api) {
    json::object body{{"step", draft.major ? "major" : "minor"}};
    if (!draft.file.empty()) {
      auto text = read_text_input(draft.file);
      if (!text) return kExitFailed;
      body["content"] = *text;
    }
    if (!draft.note.empty()) body["change_note"] = draft.note;
    return send_and_print(api, draft, "POST", doc_path(draft.id, "/versions"), body);
  }));
  auto* e = add_version_command(doc, "edit", "Change the content or change note of a draft", edit, true);
  e->add_option("--file", edit.file, "The Markdown content (\"-\" for standard input)");
  e->add_option("--note", edit.note, "The change note");
  e->callback(with_session(edit.api, exit_code, [](ApiSession& api) {
    auto path = doc_path(edit.id, "/versions/" + edit.label);
    auto current = read_for_change(api, path, "the version");
    if (!current) return kExitFailed;
    json::object body;
    if (!edit.file.empty()) {
      auto text = read_text_input(edit.file);
      if (!text) return kExitFailed;
      body["content"] = *text;
    }
    if (!edit.note.empty()) body["change_note"] = edit.note;
    return send_and_print(api, edit, "PATCH", path, body, current->etag);
  }));
  auto* df = add_version_command(doc, "diff", "Show the line diff of two versions", diff, true);
  df->add_option("to", diff.note, "The later version, e.g. 1.1")->required();
  df->callback(with_session(diff.api, exit_code, [](ApiSession& api) {
    auto r = api.get(doc_path(diff.id, "/diff?from=" + diff.label + "&to=" + diff.note));
    if (!r) return kExitFailed;
    return print_response(*r, diff.api.json, [](const json::object& o) {
      for (const auto& l : o.at("lines").as_array()) {
        auto op = string_of(l.as_object(), "op");
        std::cout << (op == "added" ? "+ " : op == "removed" ? "- " : "  ") << string_of(l.as_object(), "text") << "\n";
      }
    });
  }));
  add_version_command(doc, "submit", "Submit a draft for approval", submit, true)
      ->callback(with_session(submit.api, exit_code, [](ApiSession& api) {
        return send_and_print(api, submit, "POST", doc_path(submit.id, "/versions/" + submit.label + "/submit"), {});
      }));
  add_version_command(doc, "approve", "Approve a version in review (publishes it after the last approver)", approve, true)
      ->add_option("--comment", approve.comment, "A comment");
  doc->get_subcommand("approve")->callback(with_session(approve.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (!approve.comment.empty()) body["comment"] = approve.comment;
    return send_and_print(api, approve, "POST", doc_path(approve.id, "/versions/" + approve.label + "/approve"), body);
  }));
  add_version_command(doc, "reject", "Reject a version in review (it returns to draft)", reject, true)
      ->add_option("--comment", reject.comment, "What must change")
      ->required();
  doc->get_subcommand("reject")->callback(with_session(reject.api, exit_code, [](ApiSession& api) {
    return send_and_print(api, reject, "POST", doc_path(reject.id, "/versions/" + reject.label + "/reject"),
                          json::object{{"comment", reject.comment}});
  }));
  auto* rv = add_version_command(doc, "review", "Record a review with no change (moves the next review date)", review, false);
  rv->add_option("--note", review.note, "A note on the review");
  rv->callback(with_session(review.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (!review.note.empty()) body["note"] = review.note;
    auto r = send_json(api, "POST", doc_path(review.id, "/review"), body);
    if (!r) return kExitFailed;
    return print_response(*r, review.api.json, [](const json::object& o) {
      std::cout << "Reviewed " << string_of(o, "id") << "; next review " << string_of(o, "next_review_date") << "\n";
    });
  }));
  add_version_command(doc, "ack", "Acknowledge the published version of a document", ack, false)
      ->callback(with_session(ack.api, exit_code, [](ApiSession& api) {
        auto r = send_json(api, "POST", doc_path(ack.id, "/acknowledge"), {});
        if (!r) return kExitFailed;
        return print_response(*r, ack.api.json, [](const json::object& o) {
          std::cout << "Acknowledged " << string_of(o, "document_id") << " " << string_of(o, "label") << "\n";
        });
      }));
}

}  // namespace

void register_document_commands(CLI::App& app, int& exit_code) {
  // The generic record commands made `aims document`; the workflow joins them there.
  auto* doc = app.get_subcommand("document");
  register_workflow(doc, exit_code);
}

}  // namespace aims::cli
