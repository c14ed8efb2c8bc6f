// Handlers of the evidence vault: the streamed upload (the handler judges the header; the server
// streams the body into the Upload it returns), metadata, links, custody events, freshness and
// the download, which is always an attachment that no browser renders.
#include <boost/json.hpp>

#include <charconv>

#include "domain/evidence/evidence_upload.hpp"
#include "domain/ledger/actor_scope.hpp"
#include "http/content_disposition.hpp"
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

/// Streams an upload's body into the domain's Upload and answers with the stored evidence.
class EvidenceUploadSink final : public UploadSink {
 public:
  EvidenceUploadSink(std::unique_ptr<evidence::Upload> up, std::string path, std::string actor)
      : up_(std::move(up)), path_(std::move(path)), actor_(std::move(actor)) {}
  status write(std::string_view chunk) override { return up_->write(chunk); }
  Response finish() override {
    // finish() runs after the handler returned, maybe on another thread: name the uploader to
    // the audit log again for the writes that record the evidence.
    ledger::ActorScope who(actor_);
    auto done = up_->finish();
    if (!done) return problem(done.error(), path_);
    auto r = view_json(done->created ? 201 : 200, done->view);
    r.set_header("Location", "/api/v1/evidence/" + done->view.id);
    return r;
  }
  void abort() override { up_->abort(); }

 private:
  std::unique_ptr<evidence::Upload> up_;
  std::string path_;
  std::string actor_;
};

/// A blob as a response body.
class BlobBody final : public BodyReader {
 public:
  explicit BlobBody(std::unique_ptr<evidence::BlobReader> r) : r_(std::move(r)) {}
  std::uint64_t size() const override { return r_->size(); }
  result<std::size_t> read(char* buf, std::size_t n) override { return r_->read(buf, n); }

 private:
  std::unique_ptr<evidence::BlobReader> r_;
};

/// The type a download is served with: what the file is, except for the kinds a browser could run
/// (HTML, SVG, XML), which go out as application/octet-stream.
std::string served_type(const std::string& kind, const std::string& content_type) {
  if (kind == "html" || kind == "svg" || kind == "xml" || content_type.find("html") != std::string::npos ||
      content_type.find("xml") != std::string::npos || content_type.find("svg") != std::string::npos)
    return "application/octet-stream";
  return content_type.empty() ? "application/octet-stream" : content_type;
}

void set_download_headers(Response& r, const std::string& filename) {
  r.set_header("Content-Disposition", content_disposition("attachment", filename));
  r.set_header("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'");
  r.set_header("Cross-Origin-Resource-Policy", "same-origin");
}

}  // namespace

Response upload_evidence(Context& c, const EvidenceServices& s) {
  if (c.req.media_type() != "application/octet-stream")
    return problem(errc::unsupported_media_type,
                   "Send the file's bytes as the request body with Content-Type application/octet-stream "
                   "(not as a form); name it with the query parameter filename.",
                   c.req.path);
  evidence::UploadParams p;
  p.filename = c.req.query_param("filename");
  p.title = c.req.query_param("title");
  p.description = c.req.query_param("description");
  p.effective_date = c.req.query_param("effective_date");
  p.expires_on = c.req.query_param("expires_on");
  p.owner = c.req.query_param("owner");
  p.classification = c.req.query_param("classification");
  for (const auto& [k, v] : c.req.query)
    if (k == "link") p.links.push_back(v);
  if (auto len = c.req.header("content-length")) {
    std::uint64_t n = 0;
    auto [ptr, ec] = std::from_chars(len->data(), len->data() + len->size(), n);
    if (ec == std::errc() && ptr == len->data() + len->size()) p.declared_size = n;
  }
  auto up = s.evidence.begin_upload(*c.actor, p);
  if (!up) return problem(up.error(), c.req.path);
  Response r;
  r.upload = std::make_shared<EvidenceUploadSink>(std::move(*up), c.req.path, c.actor->email);
  return r;
}

Response list_evidence(Context& c, const EvidenceServices& s) {
  auto r = s.evidence.list(*c.actor, c.req.query);
  if (!r) return problem(r.error(), c.req.path);
  return json_response(200, list_page_json(r->items_json, r->total, r->next));
}

Response get_evidence(Context& c, const EvidenceServices& s) { return record_view(c, s.evidence); }

Response update_evidence(Context& c, const EvidenceServices& s) {
  return record_update(c, s.evidence);
}

Response delete_evidence(Context& c, const EvidenceServices& s) {
  return empty_or_problem(c, s.evidence.remove(*c.actor, c.req.params.at("id"), if_match(c)));
}

Response evidence_content(Context& c, const EvidenceServices& s) {
  const auto& id = c.req.params.at("id");
  if (c.req.method == "HEAD") {  // what a download would be, without recording one
    auto v = s.evidence.get(*c.actor, id);
    if (!v) return problem(v.error(), c.req.path);
    auto doc = json::parse(v->json).as_object();
    Response r;
    r.content_type = served_type(std::string(doc.at("file_type").as_string()), std::string(doc.at("content_type").as_string()));
    set_download_headers(r, std::string(doc.at("filename").as_string()));
    return r;
  }
  auto d = s.evidence.open_content(*c.actor, id);
  if (!d) return problem(d.error(), c.req.path);
  Response r;
  r.content_type = served_type(d->kind, d->content_type);
  set_download_headers(r, d->filename);
  r.set_header("ETag", "\"" + d->sha256 + "\"");
  r.stream_body = std::make_shared<BlobBody>(std::move(d->reader));
  return r;
}

Response list_evidence_links(Context& c, const EvidenceServices& s) { return json_or_problem(c, s.evidence.links(*c.actor, c.req.params.at("id"))); }

Response add_evidence_link(Context& c, const EvidenceServices& s) {
  return with_json_body(c, [&](json::value& body) {
    return json_or_problem(c, s.evidence.add_link(*c.actor, c.req.params.at("id"), body), 201);
  });
}

Response delete_evidence_link(Context& c, const EvidenceServices& s) {
  return empty_or_problem(c, s.evidence.remove_link(*c.actor, c.req.params.at("id"), c.req.params.at("link")));
}

Response evidence_events(Context& c, const EvidenceServices& s) {
  return json_or_problem(c, s.evidence.events(*c.actor, c.req.params.at("id"), c.req.query_param("limit"),
                                                  c.req.query_param("cursor")));
}

Response evidence_freshness(Context& c, const EvidenceServices& s) {
  return json_or_problem(c, s.evidence.freshness(*c.actor, c.req.query_param("within_days")));
}

}  // namespace aims::http::handlers
