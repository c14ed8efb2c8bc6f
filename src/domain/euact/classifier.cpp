#include "domain/euact/classifier.hpp"

#include <algorithm>

namespace aims::euact {
namespace json = boost::json;

namespace {

/// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string earliest(std::string a, const std::string& b) { return a.empty() || (!b.empty() && b < a) ? b : a; }

/// "Art. 50(1) and 50(2)" from the articles "Art. 50(1)", "Art. 50(2)".
std::string art50_basis(const std::vector<const Rule*>& rules) {
  std::vector<std::string> parts;
  for (const auto* r : rules) parts.push_back(parts.empty() ? r->article : r->article.substr(5));
  return join_and(parts);
}

std::string points_basis(const std::vector<const AnnexPoint*>& points) {
  std::vector<std::string> parts;
  for (const auto* p : points) parts.push_back(p->point);
  return (points.size() == 1 ? "Annex III point " : "Annex III points ") + join_and(parts);
}

json::value opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value date_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

}  // namespace

std::string inventory_role(const std::vector<std::string>& roles) {
  auto has = [&](std::string_view r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); };
  if (has("provider") || has("product_manufacturer")) return "provider";
  if (has("importer")) return "importer";
  if (has("distributor")) return "distributor";
  if (has("authorised_representative")) return "partner";
  return "deployer";
}

Outcome classify(const Questionnaire& q, const json::object& answers) {
  const Data& data = q.data();
  Outcome o;
  json::object a;
  q.asked(answers, &a);
  auto yes = [&](std::string_view id) {
    auto p = a.if_contains(id);
    return p && p->is_bool() && p->as_bool();
  };
  auto answered = [&](std::string_view id) { return a.contains(id); };
  auto reason = [&](std::string_view id, std::string effect) {
    const Question* qu = q.find(id);
    if (!qu || !a.contains(id)) return;
    o.reasons.push_back({std::string(id), qu->text, q.answer_text(*qu, a.at(id)), std::move(effect)});
  };

  // Roles, in the questionnaire's order.
  if (auto r = a.if_contains("roles"); r && r->is_array())
    for (const auto& opt : q.find("roles")->options)
      if (std::find(r->as_array().begin(), r->as_array().end(), json::value(opt.value)) != r->as_array().end())
        o.roles.push_back(opt.value);
  o.organization_role = inventory_role(o.roles);
  o.provider_outside_eu = yes("provider-outside-eu");

  // Art. 5.
  for (const auto& p : data.practices()) {
    if (!yes(p.id)) continue;
    if (p.exceptions && yes(p.id + "-exception")) {
      reason(p.id + "-exception", "The exception of " + p.article + " (" + p.title + ") applies, so the practice is not banned");
      continue;
    }
    o.practices.push_back(&p);
    o.applies_from = earliest(o.applies_from, p.applies_from);
    reason(p.id, "Prohibited practice under " + p.article + " (" + p.title + "), banned from " + long_date(p.applies_from));
  }

  if (o.practices.empty()) {
    // Art. 6(1) and Annex I.
    if (yes("art6-1")) {
      o.annex_i = true;
      if (auto s = a.if_contains("annex1-section"); s && s->is_string()) o.annex_i_section = std::string(s->as_string());
      reason("art6-1", "High-risk under Art. 6(1): a safety component of an Annex I product that needs third-party "
                       "conformity assessment");
      reason("annex1-section", o.annex_i_section == "B"
                                   ? "Annex I Section B: the requirements reach the product through its sector law (Art. 2(2))"
                                   : "Annex I Section A: the AI Act's high-risk obligations apply directly");
    }
    // Annex III and Art. 6(3).
    for (const auto& p : data.points())
      if (yes(p.id)) {
        o.points.push_back(&p);
        reason(p.id, "Use listed in Annex III point " + p.point + " (" + p.title + ")");
      }
    if (!o.points.empty()) {
      o.profiling = yes("art6-3-profiling");
      if (o.profiling) {
        reason("art6-3-profiling", "Profiles natural persons, so no Art. 6(3) derogation can apply");
      } else {
        reason("art6-3-profiling", "Does not profile natural persons, so the Art. 6(3) derogations were considered");
        for (auto id : {"art6-3-a", "art6-3-b", "art6-3-c", "art6-3-d"}) {
          if (yes(id)) {
            o.derogation = data.rule(id);
            reason(id, "Derogation under " + o.derogation->article + " (" + o.derogation->title +
                           "): not high-risk under Annex III; the provider documents this assessment (Art. 6(4))");
            break;
          }
          reason(id, "Condition " + data.rule(id)->article + " not met");
        }
      }
      o.annex_iii_high_risk = o.profiling || !o.derogation;
    }
    o.deployer_public = yes("deployer-public");
    if (answered("deployer-public"))
      reason("deployer-public", o.deployer_public ? "A public body or provider of public services: Art. 27 and Art. 49(3) apply"
                                                  : "Not a public body or provider of public services");
    // Art. 50.
    for (auto id : {"art50-1", "art50-2", "art50-3", "art50-4"})
      if (yes(id)) {
        const Rule* r = data.rule(id);
        o.transparency.push_back(r);
        reason(id, "Transparency duty under " + r->article + " (" + r->title + ")");
      }
    o.art50_2_legacy = yes("art50-2-legacy");
    if (o.art50_2_legacy) reason("art50-2-legacy", "The Art. 50(2) marking duty is due by " +
                                                       long_date(data.rule("art50-2")->grace_until.value_or("")));
    // General-purpose AI models.
    o.gpai = yes("gpai-model");
    o.gpai_systemic = o.gpai && yes("gpai-systemic-risk");
    o.gpai_open_source = o.gpai && !o.gpai_systemic && yes("gpai-open-source");
    o.gpai_legacy = o.gpai && yes("gpai-legacy");
    if (o.gpai) reason("gpai-model", "Provider of a general-purpose AI model: Art. 53 applies");
    if (o.gpai_systemic) reason("gpai-systemic-risk", "Model with systemic risk: Art. 52 and Art. 55 apply as well");
    if (o.gpai_open_source)
      reason("gpai-open-source", "Free and open-source model: only the copyright policy and training summary of Art. 53 apply");
    if (o.gpai_legacy) reason("gpai-legacy", "Placed on the market before 2 August 2025: due by 2 August 2027");
  }

  // The class and its basis.
  std::vector<std::string> lines;
  if (!o.practices.empty()) {
    o.cls = "prohibited";
    std::vector<std::string> arts, names;
    for (const auto* p : o.practices) {
      arts.push_back(p->article);
      names.push_back(p->article + " (" + p->title + ")");
    }
    o.basis = join_and(arts);
    lines.push_back("Prohibited: the system falls under " + join_and(names) +
                    ". It may not be placed on the market, put into service or used in the EU; the ban applies from " +
                    long_date(o.applies_from) + ".");
  } else if (o.annex_i || o.annex_iii_high_risk) {
    o.cls = "high_risk";
    std::vector<std::string> parts;
    if (o.annex_i) {
      parts.push_back("Art. 6(1) + Annex I Section " + (o.annex_i_section.empty() ? std::string("A") : o.annex_i_section));
      o.applies_from = earliest(o.applies_from, data.rule("art6-1")->applies_from);
    }
    if (o.annex_iii_high_risk) {
      parts.push_back(points_basis(o.points));
      for (const auto* p : o.points) o.applies_from = earliest(o.applies_from, p->applies_from);
    }
    o.basis = parts.size() == 1 ? parts[0] : parts[0] + "; " + parts[1];
    lines.push_back("High-risk under " + o.basis + ". The requirements for high-risk systems apply from " +
                    long_date(o.applies_from) + " (dates as amended by Regulation (EU) 2026/1744).");
    if (o.annex_i && o.annex_i_section == "B" && !o.annex_iii_high_risk)
      lines.push_back("For an Annex I Section B product these requirements reach the system through its sector law "
                      "(Art. 2(2)); aims lists no AI Act obligations of its own for it.");
    if (!o.transparency.empty())
      lines.push_back("The transparency duties of " + art50_basis(o.transparency) + " apply as well.");
  } else if (!o.transparency.empty()) {
    o.cls = "transparency";
    o.basis = art50_basis(o.transparency);
    for (const auto* r : o.transparency) o.applies_from = earliest(o.applies_from, r->applies_from);
    lines.push_back("Transparency duties under " + o.basis + ": not prohibited and not high-risk. The duties apply from " +
                    long_date(o.applies_from) + ".");
  } else {
    o.cls = "minimal";
    lines.push_back("Minimal risk: no prohibited practice, no high-risk criterion and no transparency duty applies.");
    std::vector<std::string> parts;
    if (o.derogation) parts.push_back(points_basis(o.points) + ", derogation under " + o.derogation->article);
    if (o.gpai) parts.push_back(o.gpai_systemic ? "Art. 51–55 (general-purpose AI model with systemic risk)"
                                                : "Art. 53 (general-purpose AI model)");
    o.basis = parts.empty() ? "" : parts.size() == 1 ? parts[0] : parts[0] + "; " + parts[1];
  }
  if (o.derogation)
    lines.push_back("The Annex III use (" + points_basis(o.points) + ") is not high-risk because of the derogation under " +
                    o.derogation->article + "; the provider documents that assessment before placing the system on the "
                    "market (Art. 6(4)).");
  if (o.gpai)
    lines.push_back(std::string("As a general-purpose AI model it has the duties of Art. 53") +
                    (o.gpai_systemic ? ", and those of Art. 52 and Art. 55 for systemic risk." : "."));

  // The answers that led to it.
  lines.push_back("Why:");
  for (const auto& r : o.reasons)
    if (r.question != "roles") lines.push_back("- " + r.effect + " (answered " + r.answer + " to “" + r.text + "”).");
  if (o.practices.empty()) {
    lines.push_back("- No prohibited practice: answered no to the Art. 5 screening questions.");
    if (!o.annex_i && answered("art6-1")) lines.push_back("- Not a safety component of an Annex I product (answered no to Art. 6(1)).");
    if (o.points.empty() && answered("annex3-areas")) lines.push_back("- No use listed in Annex III.");
    if (o.transparency.empty() && answered("art50-1")) lines.push_back("- No Art. 50 transparency duty (answered no to all four).");
  }
  if (!o.roles.empty()) {
    const Question* rq = q.find("roles");
    lines.push_back("- Role: " + q.answer_text(*rq, a.at("roles")) + " (answer to “" + rq->text + "”).");
    o.reasons.insert(o.reasons.begin(), Reason{"roles", rq->text, q.answer_text(*rq, a.at("roles")),
                                               "The organization's role for the system"});
  }
  for (const auto& l : lines) o.rationale += (o.rationale.empty() ? "" : "\n") + l;
  return o;
}

json::object to_json(const Outcome& o) {
  json::array roles, practices, points, transparency, reasons;
  for (const auto& r : o.roles) roles.emplace_back(r);
  for (const auto* p : o.practices)
    practices.push_back(json::object{{"id", p->id}, {"article", p->article}, {"title", p->title}, {"applies_from", p->applies_from}});
  for (const auto* p : o.points) points.emplace_back(p->point);
  for (const auto* r : o.transparency)
    transparency.push_back(json::object{{"id", r->id},
                                        {"article", r->article},
                                        {"title", r->title},
                                        {"applies_from", r->applies_from},
                                        {"grace_until", r->id == "art50-2" && o.art50_2_legacy ? opt(r->grace_until) : json::value(nullptr)}});
  for (const auto& r : o.reasons)
    reasons.push_back(json::object{{"question", r.question}, {"text", r.text}, {"answer", r.answer}, {"effect", r.effect}});
  json::object high_risk{{"annex_i", o.annex_i},
                         {"annex_i_section", o.annex_i ? json::value(o.annex_i_section) : json::value(nullptr)},
                         {"annex_iii_points", std::move(points)},
                         {"profiling", o.profiling},
                         {"derogation", o.derogation ? json::value(json::object{{"id", o.derogation->id},
                                                                                {"article", o.derogation->article},
                                                                                {"title", o.derogation->title}})
                                                     : json::value(nullptr)},
                         {"annex_iii_high_risk", o.annex_iii_high_risk}};
  return json::object{{"class", o.cls},
                      {"basis", o.basis},
                      {"applies_from", date_or_null(o.applies_from)},
                      {"roles", std::move(roles)},
                      {"organization_role", o.organization_role},
                      {"prohibited_practices", std::move(practices)},
                      {"high_risk", std::move(high_risk)},
                      {"transparency_duties", std::move(transparency)},
                      {"gpai", json::object{{"model", o.gpai},
                                            {"systemic_risk", o.gpai_systemic},
                                            {"open_source", o.gpai_open_source},
                                            {"placed_before_2025_08_02", o.gpai_legacy}}},
                      {"rationale", o.rationale},
                      {"reasons", std::move(reasons)}};
}

}  // namespace aims::euact
