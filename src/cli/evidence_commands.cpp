// API client commands for the evidence vault: aims evidence upload|list|get|update|download|link|
// unlink|events|freshness|delete (and migrate, run on the server: cli/evidence_migrate.hpp). Files
// are streamed both ways (never held in memory), with progress on a terminal; downloads are
// checked against the SHA-256 the server has on record.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/api_session.hpp"
#include "cli/commands.hpp"
#include "cli/download.hpp"
#include "cli/evidence_migrate.hpp"
#include "cli/output.hpp"
#include "cli/list_command.hpp"
#include "cli/record_cli.hpp"
#include "core/sha256_hasher.hpp"

namespace aims::cli {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;
using http::NameValues;

const std::string kEvidence = "/api/v1/evidence";

/// A progress line on stderr ("Sent 3.0 MiB of 40.0 MiB (7%)"), redrawn at most ten times a second.
std::function<void(std::uint64_t, std::uint64_t)> progress_line(const std::string& verb) {
  auto last = std::chrono::steady_clock::time_point{};
  return [verb, last](std::uint64_t done, std::uint64_t total) mutable {
    auto now = std::chrono::steady_clock::now();
    if (done < total && now - last < std::chrono::milliseconds(100)) return;
    last = now;
    std::cerr << "\r\033[K" << verb << " " << size_text(done);
    if (total > 0) std::cerr << " of " << size_text(total) << " (" << done * 100 / total << "%)";
    std::cerr << std::flush;
  };
}

std::string target_of(const std::string& id) { return kEvidence + "/" + http::encode_segment(id); }

std::string text_or_dash(const json::object& o, std::string_view key) {
  auto s = display(o.contains(key) ? o.at(key) : json::value(nullptr));
  return s.empty() ? "-" : s;
}

void print_evidence(const json::object& e) {
  std::vector<std::pair<std::string, std::string>> f = {
      {"id", string_of(e, "id")},
      {"number", string_of(e, "number")},
      {"title", string_of(e, "title")},
      {"description", string_of(e, "description")},
      {"file", string_of(e, "filename") + " (" + string_of(e, "file_type_label") + ", " +
                   size_text(static_cast<std::uint64_t>(int_of(e, "size").value_or(0))) + ")"},
      {"content_type", string_of(e, "content_type")},
      {"sha256", string_of(e, "sha256")},
      {"effective_date", text_or_dash(e, "effective_date")},
      {"expires_on", text_or_dash(e, "expires_on")},
      {"freshness", string_of(e, "freshness")},
      {"owner", string_of(e, "owner")},
      {"classification", string_of(e, "classification")},
      {"links", std::to_string(int_of(e, "link_count").value_or(0))},
      {"uploaded", string_of(e, "uploaded_at") + " by " + string_of(e, "uploaded_by")},
      {"version", std::to_string(int_of(e, "version").value_or(0))},
  };
  if (bool_of(e, "deleted"))
    f.emplace_back("deleted", string_of(e, "deleted_at") + " by " + string_of(e, "deleted_by"));
  print_fields(std::cout, f);
}

void register_upload(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    std::string file, name, title, description, owner, classification, effective, expires;
    std::vector<std::string> links;
  } o;
  auto* cmd = parent->add_subcommand("upload", "Upload a file as evidence (streamed; the server checks its type)");
  o.api.add_to(cmd);
  cmd->add_option("file", o.file, "The file to upload")->required();
  cmd->add_option("--name", o.name, "The file name to record (default: the file's own name)");
  cmd->add_option("--title", o.title, "Title (default: the file name without its extension)");
  cmd->add_option("--description", o.description, "What the evidence shows");
  cmd->add_option("--owner", o.owner, "Who owns the evidence");
  cmd->add_option("--classification", o.classification, "public, internal (default), confidential or restricted")
      ->check(CLI::IsMember({"public", "internal", "confidential", "restricted"}));
  cmd->add_option("--effective", o.effective, "When it took effect (YYYY-MM-DD)");
  cmd->add_option("--expires", o.expires, "When it stops being valid (YYYY-MM-DD)");
  cmd->add_option("--link", o.links, "A record to link it to, e.g. system:sys_… or soa_entry:A.6.2.4 (repeatable)")
      ->allow_extra_args(false);
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    struct stat sb{};
    if (::stat(o.file.c_str(), &sb) != 0 || !S_ISREG(sb.st_mode)) return fail("cannot read " + o.file + ": not a file.");
    NameValues q{{"filename", o.name.empty() ? fs::path(o.file).filename().string() : o.name}};
    for (auto [key, value] : {std::pair{"title", &o.title}, {"description", &o.description}, {"owner", &o.owner},
                              {"classification", &o.classification}, {"effective_date", &o.effective},
                              {"expires_on", &o.expires}})
      if (!value->empty()) q.emplace_back(key, *value);
    for (const auto& l : o.links) q.emplace_back("link", l);
    http::ClientRequest req;
    req.method = "POST";
    req.target = http::make_target(kEvidence, q);
    req.content_type = "application/octet-stream";
    req.body_file = o.file;
    bool progress = isatty(STDERR_FILENO);
    if (progress) req.on_upload_progress = progress_line("Sent");
    auto r = api.send(req);
    if (progress) std::cerr << "\r\033[K" << std::flush;
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [&](const json::object& e) {
      std::cout << (r->status == 201 ? "Uploaded " : "Already in the vault as ") << string_of(e, "number") << " "
                << string_of(e, "id") << ": " << string_of(e, "title") << " (" << string_of(e, "file_type_label")
                << ", " << int_of(e, "size").value_or(0) << " bytes, sha256 " << string_of(e, "sha256") << ")\n";
      if (int_of(e, "link_count").value_or(0) > 0)
        std::cout << "Linked to " << int_of(e, "link_count").value_or(0) << " record(s).\n";
    });
  }));
}

void register_evidence_list(CLI::App* parent, int& exit_code) {
  register_list_command(
      parent, exit_code,
      {"Evidence of the organization", kEvidence, "Rows per page (1-500)",
       {{"--q", "q", "Text in title, description, file name, owner or number"},
        {"--owner", "owner", "Exact owner"},
        {"--classification", "classification", "public, internal, confidential or restricted"},
        {"--linked-to", "linked_to", "Only evidence linked to this record, e.g. system:sys_…"},
        {"--expiring-within", "expiring_within", "Only evidence expiring within N days"},
        {"--expired", "expired", "Only expired evidence", {}, true},
        {"--deleted", "deleted", "false (default), true or all", {"false", "true", "all"}},
        {"--sort", "sort", "uploaded_at, title, number, expires_on, effective_date, size or owner; - for descending"}},
       [](const ListResult& l, const NameValues&) {
         Table t({"number", "id", "title", "type", "size", "expires", "freshness", "links", "owner"});
         t.set_max_width(2, 44);
         t.set_max_width(8, 24);
         for (const auto& e : objects_in(l.items)) {
           t.add_row({string_of(e, "number"), string_of(e, "id"), string_of(e, "title"), string_of(e, "file_type"),
                      size_text(static_cast<std::uint64_t>(int_of(e, "size").value_or(0))), text_or_dash(e, "expires_on"),
                      string_of(e, "freshness"), std::to_string(int_of(e, "link_count").value_or(0)), string_of(e, "owner")});
         }
         t.print(std::cout);
         print_list_summary(l, "evidence");
       },
       ListTotal::none,
       [](ListResult& l, bool all) {  // the whole list's total is the items fetched
         if (all) print_body(std::cout, json::serialize(json::object{{"items", l.items}, {"total", l.items.size()}}));
         else print_body(std::cout, l.first_body);
       },
       "Fetch every page"});
}

void register_evidence_get(CLI::App* parent, int& exit_code) {
  static IdOptions o;
  auto* cmd = add_id_command(parent, "get", "One evidence record and the records it is linked to", o, "Evidence id (ev_…)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.get(target_of(o.id));
    if (!r) return kExitFailed;
    if (o.api.json) return print_response(*r, true, nullptr);
    auto e = object_of(*r);
    if (!e) return kExitFailed;
    auto links = api.get_object(target_of(o.id) + "/links");
    if (!links) return kExitFailed;
    print_evidence(*e);
    const auto* items = links->if_contains("items");
    if (items && items->is_array() && !items->get_array().empty()) {
      std::cout << "\nLinked to:\n";
      Table t({"target", "label", "linked"});
      t.set_max_width(1, 60);
      for (const auto& v : items->get_array())
        if (v.is_object())
          t.add_row({string_of(v.get_object(), "target"), string_of(v.get_object(), "label"),
                     string_of(v.get_object(), "linked_at").substr(0, 10) + " " + string_of(v.get_object(), "linked_by")});
      t.print(std::cout);
    }
    return 0;
  }));
}

void register_evidence_update(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string title, description, owner, classification, effective, expires;
    CLI::Option *title_opt, *desc_opt, *owner_opt, *class_opt, *eff_opt, *exp_opt;
  } o;
  auto* cmd = add_id_command(parent, "update", "Change evidence metadata ('' clears a date)", o, "Evidence id (ev_…)");
  o.title_opt = cmd->add_option("--title", o.title, "Title");
  o.desc_opt = cmd->add_option("--description", o.description, "Description");
  o.owner_opt = cmd->add_option("--owner", o.owner, "Owner");
  o.class_opt = cmd->add_option("--classification", o.classification, "public, internal, confidential or restricted");
  o.eff_opt = cmd->add_option("--effective", o.effective, "Effective date (YYYY-MM-DD, '' for none)");
  o.exp_opt = cmd->add_option("--expires", o.expires, "Expiry date (YYYY-MM-DD, '' for none)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body;
    if (o.title_opt->count()) body["title"] = o.title;
    if (o.desc_opt->count()) body["description"] = o.description;
    if (o.owner_opt->count()) body["owner"] = o.owner;
    if (o.class_opt->count()) body["classification"] = o.classification;
    if (o.eff_opt->count()) body["effective_date"] = o.effective.empty() ? json::value(nullptr) : json::value(o.effective);
    if (o.exp_opt->count()) body["expires_on"] = o.expires.empty() ? json::value(nullptr) : json::value(o.expires);
    if (body.empty()) return usage_error("nothing to change: give --title, --description, --owner, --classification, --effective or --expires.");
    auto current = api.get(target_of(o.id));
    if (!current) return kExitFailed;
    auto r = send_json(api, "PATCH", target_of(o.id), body, current->header("etag").value_or("\"v0\""));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& e) {
      std::cout << "Updated " << string_of(e, "number") << " " << string_of(e, "id") << " (version "
                << int_of(e, "version").value_or(0) << ")\n";
    });
  }));
}

/// Text kinds may go to a terminal; everything else needs -o.
bool is_text(const std::string& file_type) { return file_type == "text"; }

void register_download(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string output;
    bool force = false;
  } o;
  auto* cmd = add_id_command(parent, "download", "Download an evidence file (checked against its SHA-256)", o, "Evidence id (ev_…)", false);
  cmd->add_option("-o,--output", o.output, "Where to write it (default: its file name here; - for standard output)");
  cmd->add_flag("--force", o.force, "Replace an existing file");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto meta = api.get_object(target_of(o.id));
    if (!meta) return kExitFailed;
    auto sha = string_of(*meta, "sha256");
    bool to_stdout = o.output == "-";
    std::string path = o.output.empty() ? fs::path(string_of(*meta, "filename")).filename().string() : o.output;
    if (to_stdout && !is_text(string_of(*meta, "file_type")) && isatty(STDOUT_FILENO))
      return usage_error("a " + string_of(*meta, "file_type_label") + " would garble the terminal; write it to a file with -o FILE.");
    if (!to_stdout && !o.force && fs::exists(path)) return usage_error(path + " exists; choose another with -o or add --force.");
    std::string temp = path + ".part-" + std::to_string(::getpid());
    std::ofstream out;
    if (!to_stdout) {
      out.open(temp, std::ios::binary | std::ios::trunc);
      if (!out) return fail("cannot write " + temp + ".");
    }
    crypto::Sha256Hasher hasher;
    std::uint64_t bytes = 0;
    http::ClientRequest req;
    req.target = target_of(o.id) + "/content";
    req.on_body = [&](std::string_view piece) {
      hasher.update(piece);
      bytes += piece.size();
      if (to_stdout) std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      else out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return to_stdout ? static_cast<bool>(std::cout) : static_cast<bool>(out);
    };
    bool progress = isatty(STDERR_FILENO);
    if (progress) {
      auto line = progress_line("Received");
      req.on_progress = [line](std::uint64_t got, std::optional<std::uint64_t> total) mutable { line(got, total.value_or(0)); };
    }
    auto r = api.send(req);
    if (progress) std::cerr << "\r\033[K" << std::flush;
    if (!to_stdout) out.close();
    auto discard = [&] {
      std::error_code ec;
      if (!to_stdout) fs::remove(temp, ec);
    };
    if (!r) {
      discard();
      return kExitFailed;
    }
    auto got = hasher.finish_hex();
    if (got != sha) {
      discard();
      return fail("the download does not match the SHA-256 on record (" + sha + "); nothing was written.");
    }
    if (to_stdout) {
      std::cout.flush();
      return 0;
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
      discard();
      return fail("cannot write " + path + ": " + ec.message());
    }
    std::cout << "Wrote " << path << " (" << bytes << " bytes, sha256 verified)\n";
    return 0;
  }));
}

void register_link(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string target, note;
  } o;
  auto* cmd = add_id_command(parent, "link", "Link evidence to a record", o, "Evidence id (ev_…)");
  cmd->add_option("target", o.target,
                  "The record: system:ID, risk:ID, impact_assessment:ID, objective:ID, obligation:ID, classification:ID, "
                  "soa_entry:CONTROL, assessment:ID, answer:ASSESSMENT:ITEM or catalog_item:FRAMEWORK:ITEM")
      ->required();
  cmd->add_option("--note", o.note, "Why this evidence supports the record");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    json::object body{{"target", o.target}};
    if (!o.note.empty()) body["note"] = o.note;
    auto r = send_json(api, "POST", target_of(o.id) + "/links", body);
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& l) {
      std::cout << "Linked to " << string_of(l, "target") << " (" << string_of(l, "label") << ")\n";
    });
  }));
}

void register_unlink(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    std::string target;
  } o;
  auto* cmd = add_id_command(parent, "unlink", "Remove a link (the evidence and its file stay)", o, "Evidence id (ev_…)", false);
  cmd->add_option("target", o.target, "The linked record, e.g. system:sys_…")->required();
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    http::ClientRequest req;
    req.method = "DELETE";
    req.target = target_of(o.id) + "/links/" + http::encode_segment(o.target);
    if (!api.send(req)) return kExitFailed;
    std::cout << "Unlinked " << o.target << "\n";
    return 0;
  }));
}

void register_events(CLI::App* parent, int& exit_code) {
  static IdOptions o;
  auto* cmd = add_id_command(parent, "events", "The chain of custody of one evidence file, oldest first", o, "Evidence id (ev_…)");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.list(target_of(o.id) + "/events", {{"limit", "500"}}, true);
    if (!r) return kExitFailed;
    if (o.api.json) {
      print_body(std::cout, json::serialize(json::object{{"items", r->items}}));
      return 0;
    }
    Table t({"#", "at", "actor", "action", "detail"});
    t.set_max_width(4, 70);
    for (const auto& e : objects_in(r->items)) {
      std::string detail;
      if (const auto* d = e.if_contains("detail"); d && d->is_object())
        for (const auto& kv : d->get_object())
          detail += (detail.empty() ? "" : ", ") + std::string(kv.key()) + "=" + display(kv.value());
      t.add_row({std::to_string(int_of(e, "seq").value_or(0)), string_of(e, "at"), string_of(e, "actor"),
                 string_of(e, "action"), detail});
    }
    t.print(std::cout);
    return 0;
  }));
}

void register_freshness(CLI::App* parent, int& exit_code) {
  static struct {
    ApiOptions api;
    int within = 30;
  } o;
  auto* cmd = parent->add_subcommand("freshness", "Expired and expiring evidence");
  o.api.add_to(cmd);
  cmd->add_option("--within-days", o.within, "What counts as expiring (default 30 days)")->check(CLI::Range(0, 3650));
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto r = api.get(http::make_target(kEvidence + "/freshness", {{"within_days", std::to_string(o.within)}}));
    if (!r) return kExitFailed;
    return print_response(*r, o.api.json, [](const json::object& f) {
      const auto& c = f.at("counts").get_object();
      std::cout << "As of " << string_of(f, "as_of") << ": " << int_of(c, "expired").value_or(0) << " expired, "
                << int_of(c, "expiring").value_or(0) << " expiring within " << int_of(f, "within_days").value_or(0)
                << " days, " << int_of(c, "current").value_or(0) << " current, " << int_of(c, "no_expiry").value_or(0)
                << " without expiry (" << int_of(c, "total").value_or(0) << " in all)\n";
      for (auto which : {"expired", "expiring"}) {
        const auto& items = f.at(which).get_array();
        if (items.empty()) continue;
        std::cout << "\n" << (std::string(which) == "expired" ? "Expired" : "Expiring") << ":\n";
        Table t({"number", "id", "title", "expires", "owner"});
        t.set_max_width(2, 50);
        for (const auto& v : items) {
          const auto& e = v.get_object();
          t.add_row({string_of(e, "number"), string_of(e, "id"), string_of(e, "title"), string_of(e, "expires_on"),
                     string_of(e, "owner")});
        }
        t.print(std::cout);
      }
    });
  }));
}

void register_evidence_delete(CLI::App* parent, int& exit_code) {
  static struct : IdOptions {
    bool yes = false;
  } o;
  auto* cmd = add_id_command(parent, "delete", "Delete evidence and its file (manager, admin; unlink it first)", o,
                             "Evidence id (ev_…)", false);
  cmd->add_flag("-y,--yes", o.yes, "Do not ask for confirmation");
  cmd->callback(with_session(o.api, exit_code, [](ApiSession& api) {
    auto current = api.get(target_of(o.id));
    if (!current) return kExitFailed;
    auto e = object_of(*current);
    if (!e) return kExitFailed;
    if (!o.yes && isatty(STDIN_FILENO) &&
        !confirm("Delete " + string_of(*e, "number") + " '" + string_of(*e, "title") + "' and its file?")) {
      std::cerr << "Nothing deleted.\n";
      return kExitFailed;
    }
    http::ClientRequest req;
    req.method = "DELETE";
    req.target = target_of(o.id);
    req.headers.emplace_back("If-Match", current->header("etag").value_or("\"v0\""));
    if (!api.send(req)) return kExitFailed;
    std::cout << "Deleted " << string_of(*e, "number") << " " << o.id << "\n";
    return 0;
  }));
}

}  // namespace

void register_evidence_commands(CLI::App& app, int& exit_code) {
  add_command_group(app, "evidence", "The evidence vault: files, links and their chain of custody (API client)", exit_code,
                    {register_upload, register_evidence_list, register_evidence_get, register_evidence_update, register_download, register_link,
                     register_unlink, register_events, register_freshness, register_evidence_delete,
                     register_evidence_migrate});
}

}  // namespace aims::cli
