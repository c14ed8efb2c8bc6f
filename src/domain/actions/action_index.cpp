#include "domain/actions/action_index.hpp"

#include <boost/json.hpp>

#include "domain/actions/action_sources.hpp"

namespace aims::actions {
namespace json = boost::json;

namespace {

constexpr int kBatch = 500;
constexpr std::string_view kRoadmapKind = "roadmap_action";

std::string lower(std::string s) { return store::action_title_key(s); }

}  // namespace

std::vector<store::ActionRow> rows_of(const store::RecordRow& row) {
  std::vector<store::ActionRow> out;
  const ActionSource* src = source_of(row.kind);
  if (!src) return out;
  boost::system::error_code ec;
  auto parsed = json::parse(row.doc, ec);
  if (ec || !parsed.is_object()) return out;
  for (auto& a : src->actions(row, parsed.as_object())) {
    store::ActionRow r;
    r.org_id = row.org_id;
    r.kind = row.kind;
    r.parent_id = row.parent_id;
    r.record_id = row.id;
    r.sub_id = std::move(a.sub_id);
    r.title = std::move(a.title);
    r.owner = std::move(a.owner);
    r.due = std::move(a.due);
    r.status = std::move(a.status);
    r.search = lower(r.title + " " + row.id + " " + r.owner + " " + src->label);
    r.source_version = row.version;
    r.updated_at = row.updated_at;
    r.doc = json::serialize(json::object{{"link", src->link(row)}, {"api", src->api(row)}});
    r.rev = src->rev;
    out.push_back(std::move(r));
  }
  return out;
}

status index_record(store::WriteTx& tx, const store::RecordRow& row) {
  if (!source_of(row.kind)) return ok();
  return store::replace_actions(tx, row.org_id, row.kind, row.parent_id, row.id, rows_of(row));
}

status index_roadmap(store::WriteTx& tx, const std::string& org_id, const std::string& assessment_id,
                     const std::vector<store::RecordRow>& rows) {
  std::vector<store::ActionRow> all;
  for (auto r : rows) {
    r.kind = std::string(kRoadmapKind);
    for (auto& a : rows_of(r)) all.push_back(std::move(a));
  }
  return store::replace_actions(tx, org_id, std::string(kRoadmapKind), assessment_id, "", all);
}

status index_roadmap_action(store::WriteTx& tx, store::RecordRow row) {
  row.kind = std::string(kRoadmapKind);
  return index_record(tx, row);
}

result<std::int64_t> backfill_actions(store::Store& store) {
  std::vector<store::Organization> orgs;
  if (auto s = store.read([&](store::ReadTx& tx) {
        orgs = tx.list_orgs();
        return ok();
      });
      !s)
    return s.error();
  std::int64_t indexed = 0;
  for (const auto& org : orgs) {
    for (const auto& src : sources()) {
      bool done = false;
      if (auto s = store.read([&](store::ReadTx& tx) {
            auto* idx = store::action_index(tx);
            done = !idx || idx->actions_backfilled(org.id, src.kind) == src.rev;
            return ok();
          });
          !s)
        return s.error();
      if (done) continue;
      if (src.kind == kRoadmapKind) {
        // Every assessment's roadmap, one assessment per transaction.
        std::optional<std::pair<std::string, std::string>> before;
        for (bool more = true; more;) {
          std::vector<store::RecordRow> page;
          if (auto s = store.read([&](store::ReadTx& tx) {
                page = tx.list_assessments(org.id, kBatch, before);
                return ok();
              });
              !s)
            return s.error();
          more = static_cast<int>(page.size()) == kBatch;
          if (!page.empty()) before = std::make_pair(page.back().created_at, page.back().id);
          for (const auto& a : page)
            if (auto s = store.write([&](store::WriteTx& tx) {
                  auto rows = tx.list_roadmap_actions(org.id, a.id);
                  indexed += static_cast<std::int64_t>(rows.size());
                  return index_roadmap(tx, org.id, a.id, rows);
                });
                !s)
              return s.error();
        }
      } else {
        // The kind's records in key order, a batch per transaction (read and written in it, so a
        // save in between is never overwritten by an older version).
        std::optional<store::RecordCursor> after;
        for (bool more = true; more;) {
          if (auto s = store.write([&](store::WriteTx& tx) {
                store::RecordFilter f;
                f.org_id = org.id;
                f.kind = src.kind;
                f.limit = kBatch;
                f.after = after;
                auto rows = tx.list_records(f);
                more = static_cast<int>(rows.size()) == kBatch;
                if (!rows.empty()) after = store::RecordCursor{rows.back().parent_id, rows.back().position, rows.back().id};
                for (const auto& r : rows)
                  if (auto st = index_record(tx, r); !st) return st;
                indexed += static_cast<std::int64_t>(rows.size());
                return ok();
              });
              !s)
            return s.error();
        }
      }
      if (auto s = store.write([&](store::WriteTx& tx) {
            auto* idx = store::action_index(tx);
            return idx ? idx->set_actions_backfilled(org.id, src.kind, src.rev) : ok();
          });
          !s)
        return s.error();
    }
  }
  return indexed;
}

}  // namespace aims::actions
