#include "domain/soa/soa_rules.hpp"

#include <algorithm>

#include "domain/records/kind_spec.hpp"

namespace aims::soa {
namespace json = boost::json;

namespace {

std::string status_words(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

}  // namespace

AnswerSource answer_source(store::ReadTx& tx, const std::string& org_id) {
  // list_assessments answers the newest created first; the stable sort keeps that among equal dates.
  std::vector<std::pair<std::string, json::object>> done;
  for (const auto& r : tx.list_assessments(org_id, 100000, std::nullopt)) {
    auto d = json::parse(r.doc).as_object();
    if (records::doc_text(&d, "status") == "completed" && records::doc_text(&d, "approach") != "clauses")
      done.emplace_back(r.id, std::move(d));
  }
  std::stable_sort(done.begin(), done.end(), [](const auto& x, const auto& y) {
    return records::doc_text(&x.second, "assessment_date") > records::doc_text(&y.second, "assessment_date");
  });
  AnswerSource out;
  if (done.empty()) return out;
  const auto& [id, doc] = done.front();
  out.assessment = json::object{{"assessment_id", id}, {"name", doc.at("name")}, {"assessment_date", doc.at("assessment_date")}};
  for (const auto& r : tx.list_answers(org_id, id)) {
    auto d = json::parse(r.doc).as_object();
    bool na = d.at("not_applicable").as_bool();
    if (!na && !d.at("maturity").is_int64()) continue;  // skipped
    out.answers[r.id] = json::object{{"assessment_id", id},
                                     {"assessment_name", doc.at("name")},
                                     {"assessment_date", doc.at("assessment_date")},
                                     {"maturity", d.at("maturity")},
                                     {"not_applicable", na}};
  }
  return out;
}

json::value conflict_of(const json::object& e) {
  auto la = e.if_contains("latest_answer");
  if (!la || !la->is_object() || !e.at("applicable").as_bool()) return nullptr;
  const auto& m = la->as_object().at("maturity");
  if (!m.is_int64()) return nullptr;
  auto maturity = static_cast<int>(m.as_int64());
  auto st = records::doc_text(&e, "implementation_status");
  for (const auto& r : kConflictRules) {
    if (st != r.status || maturity < r.min_maturity || maturity > r.max_maturity) continue;
    json::object c{{"rule", r.id},
                   {"message", "'" + status_words(st) + "' while the assessment found maturity " + std::to_string(maturity) +
                                   ": " + std::string(r.why) + "."},
                   {"implementation_status", st},
                   {"maturity", maturity},
                   {"assessment_id", la->as_object().at("assessment_id")},
                   {"kept", false},
                   {"reason", nullptr},
                   {"decided_by", nullptr},
                   {"decided_at", nullptr}};
    if (auto d = e.if_contains("conflict_decision"); d && d->is_object()) {
      const auto& dec = d->as_object();
      if (records::doc_text(&dec, "implementation_status") == st && dec.at("maturity") == m) {
        c["kept"] = true;
        c["reason"] = dec.at("reason");
        c["decided_by"] = dec.at("decided_by");
        c["decided_at"] = dec.at("decided_at");
      }
    }
    return c;
  }
  return nullptr;
}

std::vector<std::string> missing_justifications(const json::array& entries) {
  std::vector<std::string> out;
  for (const auto& v : entries) {
    const auto& e = v.as_object();
    if (e.at("applicable").as_bool() && records::doc_text(&e, "justification").find_first_not_of(" \t\r\n") == std::string::npos)
      out.push_back(records::doc_text(&e, "control_id"));
  }
  return out;
}

std::map<std::string, std::string> exclusions(store::ReadTx& tx, const std::string& org_id) {
  std::map<std::string, std::string> out;
  for (const auto& r : tx.list_soa_entries(org_id)) {
    auto d = json::parse(r.doc).as_object();
    if (auto a = d.if_contains("applicable"); a && a->is_bool() && !a->as_bool()) out[r.id] = records::doc_text(&d, "justification");
  }
  return out;
}

}  // namespace aims::soa
