#include "domain/evidence/evidence_upload.hpp"

#include "domain/evidence/evidence_kind.hpp"
#include "domain/records/lifecycle.hpp"

#include "domain/accounts/roles.hpp"
#include "domain/evidence/custody_log.hpp"
#include "domain/evidence/evidence_record.hpp"
#include "domain/evidence/file_types.hpp"

namespace aims::evidence {
namespace json = boost::json;

namespace {

constexpr std::size_t kMaxLinks = 50;

std::string limit_text(std::uint64_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

Error too_large(std::uint64_t limit) {
  return make_error(errc::payload_too_large,
                    "The file is larger than the upload limit of " + limit_text(limit) + "; nothing was stored.");
}

}  // namespace

// Defined here beside the upload it starts; declared in evidence_service.hpp.
result<std::unique_ptr<Upload>> EvidenceService::begin_upload(const accounts::Actor& a, const UploadParams& p) {
  if (!accounts::allowed(a.role, accounts::Action::write_record))
    return make_error(errc::forbidden,
                      "Your role (" + std::string(accounts::role_name(a.role)) + ") may not upload evidence.");
  if (!p.filename)
    return make_error(errc::validation, "Name the file: add the query parameter filename.",
                      {{"filename", 0, "is required"}});
  if (auto st = check_file_name(*p.filename); !st) return st.error();
  if (p.declared_size && *p.declared_size > opts_.max_upload_bytes) return too_large(opts_.max_upload_bytes);

  json::object in;
  auto put = [&](const char* key, const std::optional<std::string>& v, bool date) {
    if (!v) return;
    if (date && v->empty()) return;  // an empty date means none
    in[key] = *v;
  };
  put("title", p.title, false);
  put("description", p.description, false);
  put("owner", p.owner, false);
  put("classification", p.classification, false);
  put("effective_date", p.effective_date, true);
  put("expires_on", p.expires_on, true);
  auto meta = read_metadata(in, {}, "The evidence metadata is not valid.");
  if (!meta) return meta.error();
  if (!meta->contains("title")) {
    auto stem = p.filename->substr(0, p.filename->rfind('.') == 0 ? p.filename->size() : p.filename->rfind('.'));
    if (stem.size() > 200) stem.resize(200);
    (*meta)["title"] = stem.empty() ? *p.filename : stem;
  }
  if (auto st = check_dates(*meta); !st) return st.error();

  std::vector<LinkTarget> links;
  std::vector<FieldError> errs;
  for (const auto& key : p.links) {
    auto t = parse_target(key, "link");
    if (!t) {
      auto e = t.error();  // error() returns a copy: take both iterators from one
      errs.insert(errs.end(), e.errors.begin(), e.errors.end());
      continue;
    }
    bool dup = false;
    for (const auto& l : links) dup = dup || l.key == t->key;
    if (!dup) links.push_back(std::move(*t));
  }
  if (links.size() > kMaxLinks) errs.push_back({"link", 0, "at most " + std::to_string(kMaxLinks) + " links at once"});
  if (!errs.empty()) return make_error(errc::validation, "A link of the upload is not valid.", std::move(errs));
  auto st = store_.read([&](store::ReadTx& tx) -> status {
    for (const auto& t : links)
      if (auto r = resolve_target(tx, cat_, a.org_id, t, "link"); !r) return r.error();
    return ok();
  });
  if (!st) return st.error();

  auto writer = blobs_.create();
  if (!writer) return writer.error();
  return std::make_unique<Upload>(*this, a, *p.filename, std::move(*meta), std::move(links), std::move(*writer));
}

Upload::Upload(EvidenceService& svc, accounts::Actor actor, std::string filename, json::object metadata,
               std::vector<LinkTarget> links, std::unique_ptr<BlobWriter> writer)
    : svc_(svc),
      actor_(std::move(actor)),
      filename_(std::move(filename)),
      metadata_(std::move(metadata)),
      links_(std::move(links)),
      writer_(std::move(writer)) {}

status Upload::write(std::string_view chunk) {
  if (!writer_) return make_error(errc::internal, "the upload was already finished or dropped");
  if (probe_.size() + chunk.size() > svc_.opts_.max_upload_bytes) {
    abort();
    return too_large(svc_.opts_.max_upload_bytes);
  }
  if (auto st = writer_->write(chunk); !st) {
    abort();
    return st;
  }
  hasher_.update(chunk);
  probe_.feed(chunk);
  return ok();
}

void Upload::abort() { writer_.reset(); }

result<UploadDone> Upload::finish() {
  if (!writer_) return make_error(errc::internal, "the upload was already finished or dropped");
  auto type = check_file(filename_, probe_.detect());
  if (!type) {
    abort();
    return type.error();
  }
  auto sha = hasher_.finish_hex();
  const auto& a = actor_;
  std::lock_guard lock(svc_.lock_for(a.org_id, sha));
  bool existed = false;
  if (auto st = writer_->commit(a.org_id, sha, existed); !st) {
    abort();
    return st.error();
  }
  writer_.reset();
  auto now = svc_.clock_.now_text();
  UploadDone done;
  auto st = svc_.store_.write([&](store::WriteTx& tx) -> status {
    done = UploadDone{};
    store::RecordFilter same{a.org_id, std::string(kEvidence), std::string(), sha, 1, std::nullopt};
    auto found = tx.list_records(same);
    std::string id;
    json::object doc;
    if (!found.empty()) {
      id = found.front().id;
      doc = parse_object(found.front().doc);
      done.view = View{id, found.front().version, found.front().doc};
    } else {
      auto number = records::next_number(tx, evidence_kind(), a.org_id, now);
      if (!number) return number.error();
      id = svc_.ids_.next("ev");
      doc = json::object{{"id", id}, {"number", evidence_kind().prefix + std::to_string(*number)}};
      for (auto key : {"title", "description"}) doc[key] = metadata_.contains(key) ? metadata_.at(key) : json::value("");
      doc["filename"] = filename_;
      doc["content_type"] = type->content_type;
      doc["file_type"] = type->kind;
      doc["file_type_label"] = type->label;
      doc["size"] = static_cast<std::int64_t>(probe_.size());
      doc["sha256"] = sha;
      for (auto key : {"effective_date", "expires_on"}) doc[key] = metadata_.contains(key) ? metadata_.at(key) : nullptr;
      doc["owner"] = metadata_.contains("owner") ? metadata_.at("owner") : json::value("");
      doc["classification"] = metadata_.contains("classification") ? metadata_.at("classification") : json::value("internal");
      doc["deleted"] = false;
      doc["uploaded_at"] = now;
      doc["uploaded_by"] = a.email;
      doc["version"] = 1;
      doc["created_at"] = now;
      doc["updated_at"] = now;
      doc["updated_by"] = a.email;
      store::RecordRow r;
      r.kind = std::string(kEvidence);
      r.org_id = a.org_id;
      r.id = id;
      r.ref = sha;
      r.version = 1;
      r.created_at = now;
      r.updated_at = now;
      r.doc = json::serialize(doc);
      if (auto s = records::save(tx, evidence_kind(), a, r, 0, "create", changes_between({}, doc)); !s) return s;
      done.created = true;
      done.view = View{id, 1, r.doc};
    }
    json::object detail{{"filename", filename_}, {"size", static_cast<std::int64_t>(probe_.size())},
                        {"sha256", sha},         {"content_type", type->content_type}};
    if (!done.created) detail["duplicate_of"] = id;
    if (auto s = append_event(tx, a, id, now, done.created ? "upload" : "upload_duplicate", std::move(detail)); !s)
      return s;
    for (const auto& t : links_) {
      bool created = false;
      if (auto s = put_link(tx, svc_.cat_, a, id, t, "", now, created); !s) return s;
    }
    return ok();
  });
  // The record is written (or not): the blob no longer needs this upload's hold.
  svc_.blobs_.release(a.org_id, sha);
  if (st) {
    auto view = svc_.get(a, done.view.id);
    if (!view) return view.error();
    done.view = std::move(*view);
    return done;
  }
  {
    // Keep no blob that no evidence refers to.
    if (!existed) {
      std::int64_t refs = 1;
      (void)svc_.store_.read([&](store::ReadTx& tx) -> status {
        refs = tx.count_records({a.org_id, std::string(kEvidence), std::string(), sha, 0, std::nullopt});
        return ok();
      });
      if (refs == 0) (void)svc_.blobs_.remove(a.org_id, sha);
    }
    return st.error();
  }
}

}  // namespace aims::evidence
