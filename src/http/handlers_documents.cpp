// Handlers of the controlled documents' workflow: parse, call DocumentService, map the result.
#include "http/handlers_documents.hpp"

#include "http/handler_util.hpp"
#include "http/optional_body.hpp"
#include "http/problem.hpp"
#include "report/document_pdf.hpp"
#include "report/file_names.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

namespace {

const std::string& label_of(Context& c) { return c.req.params.at("version"); }

}  // namespace

Response list_document_versions(Context& c, const DocumentServices& s) {
  return json_or_problem(c, s.documents.versions(*c.actor, id_of(c)));
}

Response start_document_draft(Context& c, const DocumentServices& s) {
  return with_optional_body(c, [&](json::value& body) {
    auto r = s.documents.start_draft(*c.actor, id_of(c), body);
    if (!r) return problem(r.error(), c.req.path);
    auto res = view_json(201, *r);
    auto label = r->id.substr(r->id.find('@') + 1);
    res.set_header("Location", "/api/v1/documents/" + id_of(c) + "/versions/" + label);
    return res;
  });
}

Response get_document_version(Context& c, const DocumentServices& s) {
  return view_or_problem(c, s.documents.version(*c.actor, id_of(c), label_of(c)));
}

Response update_document_version(Context& c, const DocumentServices& s) {
  return changed_view(c, [&](json::value& body) {
    return s.documents.update_draft(*c.actor, id_of(c), label_of(c), body, if_match(c));
  });
}

Response submit_document_version(Context& c, const DocumentServices& s) {
  return view_or_problem(c, s.documents.submit(*c.actor, id_of(c), label_of(c)));
}

Response approve_document_version(Context& c, const DocumentServices& s) {
  return with_optional_body(c, [&](json::value& body) {
    return view_or_problem(c, s.documents.decide(*c.actor, id_of(c), label_of(c), true, body));
  });
}

Response reject_document_version(Context& c, const DocumentServices& s) {
  return with_optional_body(c, [&](json::value& body) {
    return view_or_problem(c, s.documents.decide(*c.actor, id_of(c), label_of(c), false, body));
  });
}

Response diff_document_versions(Context& c, const DocumentServices& s) {
  return json_or_problem(c, s.documents.diff(*c.actor, id_of(c), c.req.query_param("from"), c.req.query_param("to")));
}

Response review_document(Context& c, const DocumentServices& s) {
  return with_optional_body(c, [&](json::value& body) {
    return view_or_problem(c, s.documents.review(*c.actor, id_of(c), body));
  });
}

Response acknowledge_document(Context& c, const DocumentServices& s) {
  return json_or_problem(c, s.documents.acknowledge(*c.actor, id_of(c)), 201);
}

Response document_acknowledgements(Context& c, const DocumentServices& s) {
  return json_or_problem(c, s.documents.acknowledgements(*c.actor, id_of(c)));
}

Response my_document_acknowledgements(Context& c, const DocumentServices& s) {
  return json_or_problem(c, s.documents.my_acknowledgements(*c.actor, c.req.query));
}

Response export_document_version(Context& c, const DocumentServices& s) {
  auto model = s.documents.published_version(*c.actor, id_of(c), label_of(c));
  if (!model) return problem(model.error(), c.req.path);
  const auto& [document, version] = *model;
  auto pdf = report::document_pdf(document, version, c.actor->org_name);
  if (!pdf) return problem(pdf.error(), c.req.path);
  auto published = version.contains("published_at") && version.at("published_at").is_string()
                       ? std::string(version.at("published_at").as_string()) : std::string(version.at("created_at").as_string());
  auto what = id_of(c) + " " + std::string(document.at("title").as_string()) + " " + label_of(c);
  return attachment("application/pdf", std::move(*pdf), report::file_stem(c.actor->org_name, what, published) + ".pdf");
}

}  // namespace aims::http::handlers
