// Use cases of the certification cycle (docs/certification.md): the three-year cycle worked out
// from the organization's certificate and the certification body's audits (what happened, what
// is next and when; the dashboard card), the stage 1 readiness checklist (every documented-
// information requirement of clauses 4 to 10 from catalog/documented-information/requirements.json
// and every applicable Annex A control of the SoA: present, missing or out of date) with its CSV
// export, and the stage 2 evidence index per clause and control. Every answer is read in one
// transaction of the store (the SoA through its service) and changes nothing. Acts for an Actor
// and checks its role (read). Owned by the composition root; thread-safe (state is in the store;
// the catalog and the requirements are immutable).
#pragma once
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "domain/records/list_query.hpp"
#include "domain/soa/soa_service.hpp"
#include "store/store.hpp"

namespace aims::certification {

/// One documented-information requirement of the catalog file and how aims satisfies it.
struct Requirement {
  std::string id, clause, description, how;
  std::string source;         // scope | soa | document | records
  std::string kind;           // records: the record kind
  std::string where_field;    // records: a field that must hold one of where_values (optional)
  std::vector<std::string> where_values;
  std::string review_field;   // records: a date field; passed on every record = out of date
  std::string document_type;  // document: the type
  std::string title_contains; // document: lower-case text its title contains
};

/// The requirements of catalog/documented-information/requirements.json, read and checked once
/// (a malformed file or an unknown clause throws std::runtime_error: a build defect).
const std::vector<Requirement>& requirements();

/// The cycle's milestones and what is next, worked out from the certificate's document (null: no
/// certificate) and the audits' documents, on `today`. Pure; the rule of docs/certification.md.
boost::json::object cycle_of(const boost::json::object* certificate, const std::vector<boost::json::object>& audits, Date today);

/// The CSV files for the certification body, made from what the JSON serves (the readiness
/// checklist; the evidence index): one writer, rows from the same function as the JSON.
std::string readiness_csv_of(const boost::json::object& checklist);
std::string evidence_index_csv_of(const boost::json::object& index);

class CertificationService {
 public:
  CertificationService(store::Store& store, const catalog::Catalog& cat, const Clock& clock, soa::SoaService& soa)
      : store_(store), cat_(cat), clock_(clock), soa_(soa) {}

  /// The cycle of the organization's current certificate (the latest issued that is not archived).
  result<std::string> cycle(const accounts::Actor& a);
  /// The dashboard card: the certificate's status and the next milestone.
  result<boost::json::object> summary(const accounts::Actor& a);
  /// The stage 1 readiness checklist; `status` (present|missing|out_of_date) and `area`
  /// (clauses|controls) filter it, every other parameter is a 400.
  result<std::string> readiness(const accounts::Actor& a, const records::Params& params);
  /// The readiness checklist as CSV for the certification body (the same filters).
  result<std::string> readiness_csv(const accounts::Actor& a, const records::Params& params);
  /// The readiness checklist as the JSON serves it, for the PDF export (the same filters).
  result<boost::json::object> readiness_model(const accounts::Actor& a, const records::Params& params) {
    return readiness_doc(a, params);
  }
  /// The stage 2 evidence index: per clause (leaf) and per applicable Annex A control, the
  /// records, documents and evidence files that support it. `requirement` narrows it to one id;
  /// `area` (clauses|controls) and `supported` (true|false) choose the items shown (the summary
  /// counts every item).
  result<std::string> evidence_index(const accounts::Actor& a, const records::Params& params);
  /// The evidence index as CSV for the certification body, one row per record, record kind or
  /// evidence file (with its SHA-256 and date) behind each clause and control (the same filters).
  result<std::string> evidence_index_csv(const accounts::Actor& a, const records::Params& params);
  /// The evidence index as the JSON serves it, for the PDF export (the same filters).
  result<boost::json::object> evidence_index_model(const accounts::Actor& a, const records::Params& params) {
    return evidence_index_doc(a, params);
  }

 private:
  result<boost::json::object> readiness_doc(const accounts::Actor& a, const records::Params& params);
  result<boost::json::object> evidence_index_doc(const accounts::Actor& a, const records::Params& params);

  store::Store& store_;
  const catalog::Catalog& cat_;
  const Clock& clock_;
  soa::SoaService& soa_;
};

}  // namespace aims::certification
