// The competence matrix's data for bench/documents_10k.cpp: 2,000 people (members, contributors)
// × 50 competences; the people hold 10 AIMS roles (each requiring 8 competences) and 15 competence
// records each, written in one transaction through the record mechanism's save (what the API
// stores). Single-threaded, like the program.
#pragma once
#include <boost/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "domain/people/kinds.hpp"
#include "domain/records/lifecycle.hpp"
#include "store/store.hpp"

namespace bench {

inline constexpr int kPeople = 2000, kCompetences = 50, kRoles = 10;

/// Stores a record of a field-driven kind numbered `n` with `body` as the API would (archived false).
inline aims::status put_record(aims::store::WriteTx& tx, const aims::records::KindSpec& k, const aims::accounts::Actor& actor,
                               std::int64_t n, const boost::json::object& body, const std::string& now,
                               const std::string& parent = "") {
  auto doc = body;
  doc["archived"] = false;
  aims::store::RecordRow row{k.kind, actor.org_id, parent, k.prefix + std::to_string(n), 1, n, "", now, now,
                             boost::json::serialize(doc)};
  return aims::records::save(tx, k, actor, row, 0, "create", boost::json::array{});
}

/// Loads the matrix's people, competences, roles, assignments and records into `actor`'s
/// organization; `people` gets the people's user ids, sorted.
inline aims::status load_matrix(aims::store::Store& store, const aims::Clock& clock, const aims::accounts::Actor& actor,
                                std::vector<std::string>& people) {
  using namespace aims;
  namespace json = boost::json;
  const auto now = clock.now_text();
  const auto today = date_of(clock.now());
  return store.write([&](store::WriteTx& tx) -> status {
    for (int i = 0; i < kPeople; ++i) {
      store::User u{"usr_bench_" + std::to_string(10000 + i), "person" + std::to_string(i) + "@bench.test",
                    "Person " + std::to_string(i), "", now, ""};
      if (auto s = tx.insert_user(u); !s) return s;
      if (auto s = tx.insert_membership({actor.org_id, "", u.id, "contributor", now}); !s) return s;
      people.push_back(u.id);
    }
    for (int c = 1; c <= kCompetences; ++c)
      if (auto s = put_record(tx, people::competence_kind(), actor, c,
                              {{"name", "Competence " + std::to_string(c)}, {"category", "technical"},
                               {"validity_months", c % 3 ? json::value(24) : json::value(nullptr)}},
                              now);
          !s)
        return s;
    for (int r = 1; r <= kRoles; ++r) {
      json::array req;
      for (int j = 0; j < 8; ++j) req.push_back(json::string("COMP-" + std::to_string(1 + (r * 5 + j) % kCompetences)));
      if (auto s = put_record(tx, people::aims_role_kind(), actor, r, {{"name", "Role " + std::to_string(r)}, {"competence_ids", req}}, now);
          !s)
        return s;
    }
    std::int64_t cr = 0;
    for (int i = 0; i < kPeople; ++i) {
      const auto& person = people[static_cast<std::size_t>(i)];
      if (auto s = put_record(tx, people::role_assignment_kind(), actor, i + 1,
                              {{"person", person}, {"role_id", "ROLE-" + std::to_string(1 + i % kRoles)}}, now);
          !s)
        return s;
      for (int j = 0; j < 15; ++j) {
        json::object rec{{"person", person},
                         {"competence_id", "COMP-" + std::to_string(1 + (i + j * 3) % kCompetences)},
                         {"acquired_by", "training"},
                         {"achieved_on", format_date(today - std::chrono::days{(i * 7 + j * 53) % 900})}};
        if (auto s = put_record(tx, people::competence_record_kind(), actor, ++cr, rec, now); !s) return s;
      }
    }
    std::sort(people.begin(), people.end());
    return ok();
  });
}

}  // namespace bench
