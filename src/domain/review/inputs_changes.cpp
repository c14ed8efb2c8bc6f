// Review input: what changed since the previous review in the context issues, the interested
// parties and their requirements, the legal requirements and the EU AI Act obligations — each
// record added, changed or retired (archived, closed or retired) after the previous review was held,
// and for a changed one the fields its history shows changed since then.
#include <algorithm>

#include "domain/euact/eu_data.hpp"
#include "domain/euact/obligation_view.hpp"
#include "domain/review/review_inputs.hpp"

namespace aims::review {
namespace {

struct Register {
  const char* kind;
  const char* label;
  const char* path;  // web path of a record: path + id; "" when the record has no page of its own
  const char* list_path;
};

bool retired(const boost::json::object& doc) {
  auto status = text_of(doc, "status");
  auto r = doc.if_contains("retired");
  return archived(doc) || status == "closed" || status == "retired" || (r && r->is_bool() && r->as_bool());
}

/// The fields the record's history shows changed after `since` (its newest entries, up to a page of
/// them), in the order first met, e.g. "effect, review_date"; "" when none is recorded.
std::string fields_changed_since(const PackInput& in, const std::string& kind, const std::string& id) {
  std::vector<std::string> fields;
  for (const store::HistoryRow& h : in.tx.list_history(in.org_id, kind, id, 20, std::nullopt)) {
    if (!after_since(in, h.at)) break;  // newest first: the rest are older
    boost::system::error_code ec;
    auto changes = boost::json::parse(h.changes, ec);
    if (ec || !changes.is_array()) continue;
    for (const auto& c : changes.as_array()) {
      auto field = c.is_object() ? text_of(c.as_object(), "field") : std::string();
      if (!field.empty() && std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    }
  }
  std::string out;
  for (const auto& f : fields) out += (out.empty() ? "" : ", ") + f;
  return out;
}

}  // namespace

boost::json::object input_changes(const PackInput& in) {
  Section s("changes", "9.3.2", "Changes in context, interested parties and obligations");
  static const Register registers[] = {
      {"context_issue", "context issues", "/context-issues/", "/context-issues"},
      {"interested_party", "interested parties", "/interested-parties/", "/interested-parties"},
      {"party_requirement", "requirements of interested parties", "/party-requirements/", "/party-requirements"},
      {"legal_requirement", "legal requirements", "/legal-requirements/", "/legal-requirements"},
      {"obligation", "EU AI Act obligations", "", "/obligations"},
  };
  std::int64_t added = 0, changed = 0, gone = 0, listed_changes = 0;
  // The obligations' links wait for their AI systems' names, read for the listed ones in one query.
  struct Pending {
    std::string id, obligation_id, system_id, path, note;
  };
  std::vector<Pending> obligations;
  for (const auto& r : registers) {
    each_record(in, r.kind, [&](const store::RecordRow& row, const boost::json::object& doc) {
      s.saw_records();
      s.count(std::string("records.") + r.kind);
      if (!after_since(in, row.updated_at)) return;
      const char* what = after_since(in, row.created_at) && !retired(doc) ? "added" : retired(doc) ? "retired" : "changed";
      s.count(std::string(what) + "." + r.kind);
      (std::string_view(what) == "added" ? added : std::string_view(what) == "retired" ? gone : changed) += 1;
      // An obligation is an AI system's (its parent): named by the EU AI Act data, listed on that system's board.
      bool obligation = std::string_view(r.kind) == "obligation" && !row.parent_id.empty();
      auto path = obligation ? std::string(r.list_path) + "?system=" + row.parent_id
                  : std::string(r.path).empty() ? std::string(r.list_path)
                                                : std::string(r.path) + row.id;
      auto title = obligation ? std::string() : title_of(doc, {"title", "name", "requirement", "source", "article"}, row.id);
      auto note = std::string(what) + " (" + r.label + ") on " + day_of(row.updated_at);
      // What changed, from the record's history: only for the records the section lists.
      if (std::string_view(what) == "changed" && listed_changes++ < static_cast<std::int64_t>(kMaxItems))
        if (auto fields = fields_changed_since(in, r.kind, row.id); !fields.empty()) note += ": " + fields;
      if (obligation) obligations.push_back({row.id, text_of(doc, "obligation_id"), row.parent_id, path, note});
      else s.link(r.kind, row.id, title, path, note);
    });
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < obligations.size() && i < kMaxItems; ++i) ids.push_back(obligations[i].system_id);
  auto systems = euact::named_systems(in.tx, in.org_id, std::move(ids));
  for (const auto& o : obligations) {
    auto named = systems.find(o.system_id);
    s.link("obligation", o.id,
           named != systems.end() ? euact::obligation_label(o.obligation_id, o.id, named->second)
                                  : euact::obligation_label(o.obligation_id, o.id, o.system_id),
           o.path, o.note);
  }
  s.set("added_total", added);
  s.set("changed_total", changed);
  s.set("retired_total", gone);
  return s.done((in.since ? "Since the previous review: " : "No previous review; every record counts as added: ") +
                std::to_string(added) + " added, " + std::to_string(changed) + " changed, " + std::to_string(gone) +
                " retired.");
}

}  // namespace aims::review
