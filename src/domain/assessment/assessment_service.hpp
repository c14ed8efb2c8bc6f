// Use cases of gap assessments (SPEC §4): start one, answer its items (guided or not), results,
// comparison of two assessments, and the roadmap. Every call acts for an Actor and checks its
// role; other organizations' assessments answer not_found. Owned by the composition root;
// thread-safe (state is in the store; the catalog is immutable).
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/principal.hpp"
#include "domain/catalog/catalog.hpp"
#include "store/store.hpp"

namespace aims::assessment {

/// A JSON document with its version (for the ETag).
struct Versioned {
  std::int64_t version = 0;
  std::string json;
};

class AssessmentService {
 public:
  AssessmentService(store::Store& store, const catalog::Catalog& cat, const Clock& clock, IdSource& ids)
      : store_(store), cat_(cat), clock_(clock), ids_(ids) {}

  result<Versioned> create(const accounts::Actor& a, const boost::json::value& body);
  /// {"items": [...], "next"?}
  result<std::string> list(const accounts::Actor& a, const std::optional<std::string>& limit,
                           const std::optional<std::string>& cursor);
  result<Versioned> get(const accounts::Actor& a, const std::string& id);
  result<Versioned> update(const accounts::Actor& a, const std::string& id, const boost::json::value& body,
                           const std::optional<std::string>& if_match);
  /// {"items": [answers in document order], "answered", "total"}
  result<std::string> answers(const accounts::Actor& a, const std::string& id);
  result<Versioned> answer(const accounts::Actor& a, const std::string& id, const std::string& item_id);
  result<Versioned> put_answer(const accounts::Actor& a, const std::string& id, const std::string& item_id,
                               const boost::json::value& body, const std::optional<std::string>& if_match);
  result<std::string> results(const accounts::Actor& a, const std::string& id);
  /// {"assessment_id", "items": [suggested levels with the records they rest on], "rules": [the rule table]}.
  result<std::string> suggestions(const accounts::Actor& a, const std::string& id);
  result<std::string> compare(const accounts::Actor& a, const std::string& id, const std::string& other_id);
  /// The stored roadmap ("saved": true), or, if none was generated yet, the roadmap it would
  /// generate now (start today, capacity 2) with "saved": false and "generated_at": null. Writes nothing.
  result<std::string> roadmap(const accounts::Actor& a, const std::string& id);
  /// Generates and stores the roadmap: contributor, manager, admin the first time; regenerating
  /// (which replaces the edits of the actions) manager and admin.
  result<std::string> generate_roadmap(const accounts::Actor& a, const std::string& id, const boost::json::value& body);
  result<Versioned> update_action(const accounts::Actor& a, const std::string& id, const std::string& action_id,
                                  const boost::json::value& body, const std::optional<std::string>& if_match);

  static std::string etag(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

 private:
  struct Loaded;
  /// The assessment; with its answers (and roadmap, exclusions), and with the evidence linked to
  /// each item's control when `with_evidence`.
  result<Loaded> load(const accounts::Actor& a, const std::string& id, bool with_answers, bool with_evidence = false);
  std::string assessment_json(const boost::json::object& doc, const std::vector<store::RecordRow>& answers) const;
  /// The actions of the roadmap planned from `l` (version 1 each); `left_out` receives the gaps
  /// of controls the SoA excludes. Stores nothing.
  boost::json::array plan_actions(const Loaded& l, Date start, int capacity, boost::json::array& left_out) const;
  status write_roadmap(store::WriteTx& tx, const accounts::Actor& a, const Loaded& l, Date start, int capacity,
                       std::string& out);

  store::Store& store_;
  const catalog::Catalog& cat_;
  const Clock& clock_;
  IdSource& ids_;
};

}  // namespace aims::assessment
