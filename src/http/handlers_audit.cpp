// Handlers of the audit log: checkpoint, public key, entries, proofs, export (SPEC §9).
#include "http/handler_util.hpp"
#include "http/handlers.hpp"
#include "http/pack_renderer.hpp"
#include "http/problem.hpp"

namespace aims::http::handlers {

namespace {

/// An auditor package or a log export as a response body, read piece by piece.
template <class Stream>
class StreamBody final : public BodyReader {
 public:
  explicit StreamBody(std::unique_ptr<Stream> s) : s_(std::move(s)) {}
  std::uint64_t size() const override { return s_->size(); }
  result<std::size_t> read(char* buf, std::size_t n) override { return s_->read(buf, n); }

 private:
  std::unique_ptr<Stream> s_;
};

/// The stream as a download named by its filename(), or the problem of the service's error.
template <class Stream>
Response streamed_download(Context& c, std::string content_type, result<std::unique_ptr<Stream>> file) {
  if (!file) return problem(file.error(), c.req.path);
  Response res;
  res.content_type = std::move(content_type);
  res.set_header("Content-Disposition", "attachment; filename=\"" + (*file)->filename() + "\"");
  res.stream_body = std::make_shared<StreamBody<Stream>>(std::move(*file));
  return res;
}

}  // namespace

Response audit_checkpoint(Context& c, const AuditServices& s) { return json_or_problem(c, s.audit.checkpoint(*c.actor)); }

Response audit_public_key(Context& c, const AuditServices& s) { return json_or_problem(c, s.audit.public_key(*c.actor)); }

Response audit_entries(Context& c, const AuditServices& s) {
  ledger::EntriesParams p{c.req.query_param("cursor"),      c.req.query_param("limit"),
                          c.req.query_param("order"),       c.req.query_param("record_type"),
                          c.req.query_param("actor"),       c.req.query_param("operation"),
                          c.req.query_param("from_date"),   c.req.query_param("to_date")};
  if (!p.from) p.from = c.req.query_param("from");
  return json_or_problem(c, s.audit.entries(*c.actor, p));
}

Response audit_inclusion_proof(Context& c, const AuditServices& s) {
  return json_or_problem(c, s.audit.inclusion(*c.actor, c.req.params.at("seq"), c.req.query_param("size")));
}

Response audit_consistency_proof(Context& c, const AuditServices& s) {
  return json_or_problem(c, s.audit.consistency(*c.actor, c.req.query_param("from"), c.req.query_param("to")));
}

Response audit_export(Context& c, const AuditServices& s) {
  return streamed_download(c, "application/jsonl", s.audit.export_stream(*c.actor));
}

Response audit_pack(Context& c, const AuditServices& s) {
  ReportPackRenderer renderer(s.assessments);
  return streamed_download(c, "application/zip", s.audit_pack.pack(*c.actor, renderer));
}

}  // namespace aims::http::handlers
