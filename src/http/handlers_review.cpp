// Handlers of the management review workflow (ISO/IEC 42001 9.3).
#include "http/handlers_review.hpp"

#include "core/json_members.hpp"
#include "http/handler_util.hpp"
#include "report/file_names.hpp"
#include "report/review_minutes_pdf.hpp"

namespace aims::http::handlers {
namespace json = boost::json;

Response get_management_review_attendance(Context& c, const ReviewServices& s) {
  return json_or_problem(c, s.reviews.attendance(*c.actor, id_of(c)));
}

Response start_management_review(Context& c, const ReviewServices& s) {
  return view_or_problem(c, s.reviews.start(*c.actor, id_of(c), if_match(c)));
}

Response get_management_review_pack(Context& c, const ReviewServices& s) {
  return json_or_problem(c, s.reviews.pack(*c.actor, id_of(c)));
}

Response sign_off_management_review(Context& c, const ReviewServices& s) {
  return view_or_problem(c, s.reviews.sign_off(*c.actor, id_of(c), if_match(c)));
}

Response export_management_review_minutes(Context& c, const ReviewServices& s) {
  auto model = s.reviews.minutes(*c.actor, id_of(c));
  if (!model) return problem(model.error(), c.req.path);
  auto pdf = report::review_minutes_pdf(*model, c.actor->org_name);
  if (!pdf) return problem(pdf.error(), c.req.path);
  const auto& review = model->at("review").as_object();
  auto held = string_at(review, "held_on");
  auto what = id_of(c) + " " + std::string(review.at("title").as_string()) + " minutes";
  return attachment("application/pdf", std::move(*pdf), report::file_stem(c.actor->org_name, what, held) + ".pdf");
}

}  // namespace aims::http::handlers
