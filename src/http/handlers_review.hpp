// Handlers of the management review workflow (docs/management-review.md): attendance, start (the
// input pack compiled and frozen), the frozen pack, sign-off and the PDF minutes, bound by the
// management review area (src/app/areas/management_review.cpp). The struct refers to a service the
// composition root owns, outliving the router. Stateless; thread-safe.
#pragma once
#include "domain/review/review_service.hpp"
#include "http/api.hpp"

namespace aims::http {

struct ReviewServices {
  review::ReviewService& reviews;
};

AIMS_HANDLERS(ReviewServices, get_management_review_attendance, start_management_review, get_management_review_pack,
              sign_off_management_review, export_management_review_minutes)

}  // namespace aims::http
