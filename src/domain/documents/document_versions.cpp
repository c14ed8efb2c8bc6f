// DocumentService: the versions of a document, its drafts, their submission and the approvers'
// decisions (publication on the last approval), and the diff of two versions.
#include "core/crypto.hpp"
#include "domain/common/input.hpp"
#include "domain/common/stored.hpp"
#include "domain/documents/approval.hpp"
#include "domain/documents/document_common.hpp"
#include "domain/documents/document_kind.hpp"
#include "domain/documents/document_service.hpp"
#include "domain/documents/line_diff.hpp"
#include "domain/records/record_service.hpp"
#include "domain/records/versions.hpp"
#include "core/json_members.hpp"

namespace aims::documents {
namespace json = boost::json;
using accounts::Action;
using accounts::Actor;
using namespace detail;

namespace {

json::array change(std::string_view field, json::value from, json::value to) {
  return json::array{json::object{{"field", field}, {"from", std::move(from)}, {"to", std::move(to)}}};
}

/// Reads {content?, change_note?} into `v` (content with its hash).
status read_text(const json::value& body, json::object& v, std::initializer_list<std::string_view> allowed) {
  if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
  input::Reader in(body.as_object(), allowed);
  if (in.has("content")) {
    const auto& c = body.as_object().at("content");
    if (!c.is_string()) in.error("content", "must be text (Markdown)");
    else if (c.as_string().size() > kMaxContent)
      in.error("content", "must be at most " + std::to_string(kMaxContent) + " characters");
    else {
      v["content"] = c.as_string();
      v["content_hash"] = crypto::sha256_hex(c.as_string());
    }
  }
  if (auto note = in.text("change_note", 2000, true); note) v["change_note"] = *note;
  if (!in.ok()) return in.failure("The version is not valid.");
  return ok();
}

}  // namespace

result<std::string> DocumentService::versions(const Actor& a, const std::string& id) {
  json::array items;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    for (const auto& r : version_rows(tx, a.org_id, id)) items.push_back(version_view(r, true));
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(json::object{{"items", std::move(items)}});
}

result<records::Versioned> DocumentService::version(const Actor& a, const std::string& id, const std::string& label) {
  records::Versioned out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    auto row = find_version(tx, a.org_id, id, label);
    if (!row) return row.error();
    out = served_version(*row);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> DocumentService::start_draft(const Actor& a, const std::string& id, const json::value& body) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    if (auto s = records::require(a, Action::write_record, "write document versions"); !s) return s;
    if (auto s = records::not_archived("Document", id, d->second); !s) return s;
    json::object v;
    if (auto s = read_text(body, v, {"content", "change_note", "step"}); !s) return s;
    std::string step = body.as_object().contains("step") && body.at("step").is_string()
                           ? std::string(body.at("step").as_string()) : "minor";
    if (step != "minor" && step != "major")
      return make_error(errc::validation, "The version is not valid.", {{"step", 0, "must be minor or major"}});
    auto rows = version_rows(tx, a.org_id, id);
    for (const auto& r : rows) {
      auto status = string_at(stored::parse_object(r.doc), "status");
      if (status == "draft" || status == "in_review")
        return make_error(errc::conflict, "Version " + string_at(stored::parse_object(r.doc), "label") + " of " + id + " is " +
                                              (status == "draft" ? "a draft" : "in review") +
                                              " already; finish it before starting another.");
    }
    Label l;
    const auto* pub = published_of(rows);
    if (!rows.empty()) {
      auto last = parse_label(string_at(stored::parse_object(rows.front().doc), "label"));
      if (!last) return make_error(errc::internal, "a version of " + id + " has no readable number");
      l = step == "major" ? Label{last->major + 1, 0} : Label{last->major, last->minor + 1};
    }
    if (!v.contains("content")) {
      std::string from = pub ? string_at(stored::parse_object(pub->doc), "content") : "";
      v["content"] = from;
      v["content_hash"] = crypto::sha256_hex(from);
    }
    auto now = clock_.now_text();
    v["document_id"] = id;
    v["label"] = l.text();
    v["major"] = l.major;
    v["minor"] = l.minor;
    v["status"] = "draft";
    if (!v.contains("change_note")) v["change_note"] = "";
    v["author"] = a.user_id;
    v["author_email"] = a.email;
    v["created_at"] = now;
    v["approval"] = nullptr;
    store::RecordRow row{version_kind().kind, a.org_id, id, version_id(id, l), 1, l.major * 100000 + l.minor, "",
                         now, now, json::serialize(v)};
    if (auto s = records::save(tx, version_kind(), a, row, 0, "create", change("label", nullptr, json::value(l.text()))); !s) return s;
    out = served_version(row);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> DocumentService::update_draft(const Actor& a, const std::string& id, const std::string& label,
                                                         const json::value& body, const std::optional<std::string>& if_match) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto c = version_to_change(tx, a, id, label, "write document versions");
    if (!c) return c.error();
    const auto* row = &c->row;
    const auto& before = c->version;
    auto status = string_at(before, "status");
    if (status == "published" || status == "superseded")
      return make_error(errc::conflict, "Version " + label + " of " + id + " is " + status +
                                            " and frozen; start a new draft to change the document.");
    if (status == "in_review")
      return make_error(errc::conflict, "Version " + label + " of " + id +
                                            " is in review; an approver's rejection returns it to draft.");
    if (auto s = records::check_version(if_match, row->version, true, "Version " + label + " of " + id); !s) return s;
    auto after = before;
    if (auto s = read_text(body, after, {"content", "change_note"}); !s) return s;
    json::array changes;
    if (after.at("content") != before.at("content"))
      changes.push_back(json::object{{"field", "content_hash"}, {"from", before.at("content_hash")}, {"to", after.at("content_hash")}});
    if (after.at("change_note") != before.at("change_note"))
      changes.push_back(json::object{{"field", "change_note"}, {"from", before.at("change_note")}, {"to", after.at("change_note")}});
    if (changes.empty()) {
      out = served_version(*row);
      return ok();
    }
    auto next = records::next_version(*row, after, clock_.now_text(), a.email);
    if (auto s = records::save(tx, version_kind(), a, next, row->version, "update", changes); !s) return s;
    out = served_version(next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> DocumentService::submit(const Actor& a, const std::string& id, const std::string& label) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto c = version_to_change(tx, a, id, label, "submit document versions for approval");
    if (!c) return c.error();
    const auto* row = &c->row;
    const auto& before = c->version;
    if (string_at(before, "status") != "draft")
      return make_error(errc::conflict, "Version " + label + " of " + id + " is " + string_at(before, "status") +
                                            "; only a draft is submitted for approval.");
    if (string_at(before, "content").empty())
      return make_error(errc::validation, "The version has no content yet.", {{"content", 0, "write the document first"}});
    auto approvers = c->document.contains("approvers") ? input::from_array(c->document.at("approvers")) : std::vector<std::string>{};
    auto now = clock_.now_text();
    auto state = approval::start(approvers, string_at(before, "author"), a, now, "version " + label);
    if (!state) return state.error();
    auto after = before;
    after["status"] = "in_review";
    // The rounds before (each ended by a rejection) stay with the version.
    if (before.contains("approval") && before.at("approval").is_object()) {
      if (!after.contains("earlier_approvals") || !after.at("earlier_approvals").is_array()) after["earlier_approvals"] = json::array{};
      after["earlier_approvals"].as_array().push_back(before.at("approval"));
    }
    after["approval"] = std::move(*state);
    auto next = records::next_version(*row, after, now, a.email);
    if (auto s = records::save(tx, version_kind(), a, next, row->version, "submit", change("status", "draft", "in_review")); !s)
      return s;
    out = served_version(next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<records::Versioned> DocumentService::decide(const Actor& a, const std::string& id, const std::string& label,
                                                   bool approve, const json::value& body) {
  records::Versioned out;
  auto st = store_.write([&](store::WriteTx& tx) -> status {
    auto c = version_to_change(tx, a, id, label, "approve or reject document versions");
    if (!c) return c.error();
    const auto* row = &c->row;
    if (!body.is_object()) return make_error(errc::bad_request, "The body must be a JSON object.");
    input::Reader in(body.as_object(), {"comment"});
    auto comment = in.text("comment", 2000, true);
    if (!in.ok()) return in.failure("The decision is not valid.");
    const auto& before = c->version;
    if (string_at(before, "status") != "in_review")
      return make_error(errc::conflict, "Version " + label + " of " + id + " is " + string_at(before, "status") +
                                            "; only a version in review is approved or rejected.");
    auto after = before;
    auto now = clock_.now_text();
    auto outcome = approval::decide(after["approval"].as_object(), string_at(before, "author"), a, approve,
                                    comment.value_or(""), now);
    if (!outcome) return outcome.error();
    std::string op = approve ? "approve" : "reject";
    json::array changes{json::object{{"field", "decision"}, {"from", nullptr}, {"to", a.email + ": " + op}}};
    if (*outcome == approval::Outcome::rejected) {
      after["status"] = "draft";
      changes.push_back(json::object{{"field", "status"}, {"from", "in_review"}, {"to", "draft"}});
    } else if (*outcome == approval::Outcome::approved) {
      // Publication: the version is frozen, the one published before is superseded.
      after["status"] = "published";
      after["published_at"] = now;
      changes.push_back(json::object{{"field", "status"}, {"from", "in_review"}, {"to", "published"}});
      changes.push_back(json::object{{"field", "content_hash"}, {"from", nullptr}, {"to", after.at("content_hash")}});
      op = "publish";
      const auto rows = version_rows(tx, a.org_id, id);
      if (const auto* pub = published_of(rows)) {
        auto old = stored::parse_object(pub->doc);
        old["status"] = "superseded";
        auto prev = records::next_version(*pub, old, now, a.email);
        if (auto s = records::save(tx, version_kind(), a, prev, pub->version, "supersede",
                                   change("status", "published", "superseded"));
            !s)
          return s;
      }
    }
    auto next = records::next_version(*row, after, now, a.email);
    if (auto s = records::save(tx, version_kind(), a, next, row->version, op, changes); !s) return s;
    out = served_version(next);
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::pair<json::object, json::object>> DocumentService::published_version(const Actor& a, const std::string& id,
                                                                                 const std::string& label) {
  std::pair<json::object, json::object> out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    auto row = find_version(tx, a.org_id, id, label);
    if (!row) return row.error();
    auto v = version_view(*row);
    auto status = string_at(v, "status");
    if (status != "published" && status != "superseded")
      return make_error(errc::conflict, "Version " + label + " of " + id + " is " + status + "; only published versions are exported.");
    out = {records::record_view(document_kind(), d->first), std::move(v)};
    return ok();
  });
  if (!st) return st.error();
  return out;
}

result<std::string> DocumentService::diff(const Actor& a, const std::string& id, const std::optional<std::string>& from,
                                          const std::optional<std::string>& to) {
  json::object out;
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    auto d = load_document(tx, a, id);
    if (!d) return d.error();
    std::vector<FieldError> errs;
    if (!from || !parse_label(*from)) errs.push_back({"from", 0, "must name a version, e.g. 1.0"});
    if (!to || !parse_label(*to)) errs.push_back({"to", 0, "must name a version, e.g. 1.1"});
    if (!errs.empty()) return make_error(errc::bad_request, "Name the two versions to compare.", std::move(errs));
    auto x = find_version(tx, a.org_id, id, *from);
    if (!x) return x.error();
    auto y = find_version(tx, a.org_id, id, *to);
    if (!y) return y.error();
    out = json::object{{"from", *from},
                       {"to", *to},
                       {"lines", line_diff(string_at(stored::parse_object(x->doc), "content"),
                                           string_at(stored::parse_object(y->doc), "content"))}};
    return ok();
  });
  if (!st) return st.error();
  return json::serialize(out);
}

}  // namespace aims::documents
